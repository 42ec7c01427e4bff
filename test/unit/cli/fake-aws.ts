/**
 * A stand-in for the real `aws` command, registered the way the real one will be: one more
 * ShellCommand that reads its blob arguments from the file system (`fileb://`), honours
 * --region / AWS_DEFAULT_REGION, prints base64 blobs for `--output text --query …`, and fails
 * like the CLI (status 254) on a ciphertext it did not make. Its "encryption" is a reversible
 * toy, because this file tests the shell's seam, not KMS.
 */
import type { CommandContext, ShellCommand } from '../../../src/cli/shell/index.ts';
import { concatBytes, fromBase64Strict, toBase64, utf8 } from '../../../src/cli/vfs/encoding.ts';

const MAGIC = utf8('FAKEKMS1');

export interface FakeAwsCall {
  argv: readonly string[];
  region: string | undefined;
}

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function readBlob(ctx: CommandContext, value: string): Uint8Array | undefined {
  if (value.startsWith('fileb://')) return ctx.fs.readFile(ctx.resolve(value.slice('fileb://'.length)));
  return fromBase64Strict(value);
}

function toy(bytes: Uint8Array): Uint8Array {
  return bytes.map((b, i) => b ^ (0x5a + i) % 256);
}

export function createFakeAws(calls: FakeAwsCall[] = []): ShellCommand {
  return {
    name: 'aws',
    summary: 'AWS CLI v2 (test double: kms encrypt/decrypt)',
    run(ctx) {
      const argv = ctx.argv;
      const region = option(argv, '--region') ?? ctx.env.AWS_DEFAULT_REGION;
      calls.push({ argv: [...argv], region });
      const operation = argv[2];
      const query = option(argv, '--query');
      if (operation === 'encrypt') {
        const plaintext = readBlob(ctx, option(argv, '--plaintext') ?? '')!;
        const blob = concatBytes([MAGIC, toy(plaintext)]);
        ctx.stdout.write(query === 'CiphertextBlob' ? `${toBase64(blob)}\n` : `{"CiphertextBlob": "${toBase64(blob)}"}\n`);
        return 0;
      }
      if (operation === 'decrypt') {
        const blob = readBlob(ctx, option(argv, '--ciphertext-blob') ?? '') ?? new Uint8Array(0);
        const magicOk = blob.length >= MAGIC.length && MAGIC.every((b, i) => blob[i] === b);
        if (!magicOk) {
          ctx.stderr.write('\nAn error occurred (InvalidCiphertextException) when calling the Decrypt operation: \n');
          return 254;
        }
        const plaintext = toy(blob.subarray(MAGIC.length));
        ctx.stdout.write(query === 'Plaintext' ? `${toBase64(plaintext)}\n` : `{"Plaintext": "${toBase64(plaintext)}"}\n`);
        return 0;
      }
      ctx.stderr.write(`aws: error: argument operation: Invalid choice: '${operation}'\n`);
      return 252;
    },
    complete(request) {
      if (request.words.length === 1) return ['kms'].filter((w) => w.startsWith(request.current));
      if (request.words.length === 2) return ['decrypt', 'encrypt'].filter((w) => w.startsWith(request.current));
      if (request.current.startsWith('fileb://')) {
        return request.completePath(request.current.slice('fileb://'.length)).map((path) => `fileb://${path}`);
      }
      if (request.current.startsWith('-')) return ['--ciphertext-blob', '--key-id', '--plaintext'].filter((w) => w.startsWith(request.current));
      return undefined;
    },
  };
}
