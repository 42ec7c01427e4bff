/**
 * The CLI and the 4 KB limit: the learner types AWS CLI commands into a terminal on this lesson's
 * own KMS (alias/tutorial seeded as in the sandbox) and files in a home directory. The shell, the
 * `aws` emulator and the KMS are the engine's (src/lessons/terminal.ts); this file seeds the files,
 * draws what each line did, and names the checks.
 *
 * Who decides what: every output, exit status and exception comes from running the line; the
 * diagram's messages are read back from the KMS's CloudTrail records of the calls the line made,
 * and every file's kind (readable text, a ciphertext blob, its base64) is read from its bytes.
 * The checks look at what the lines did (which KMS calls succeeded or failed, which files they
 * wrote), never at which words were typed, so any correct command line completes a step.
 *
 * Determinism: ids and the key come from the lesson's seed; IVs and ciphertexts from WebCrypto,
 * so only ciphertext bytes differ between runs (no check depends on them).
 */
import type { CloudTrailEvent } from '../../src/kms/index';
import { parseBlob } from '../../src/kms/crypto/ciphertext-blob';
import { createTerminalWorld, terminalAction, terminalLineOf, TERMINAL_EVENT } from '../../src/lessons/terminal';
import { defineScenario, type ScenarioTerminalSpec } from '../../src/lessons/types';
import { achievedChecks } from '../../src/lessons/achieved-checks';
import { dispatchByType, type ScenarioEventHandlers } from '../../src/lessons/dispatch-by-type';
import type { Payload } from '../../src/sim/core/events';
import { metadataPayload } from '../../src/sim/network/payloads';

export const SECRET_FILE = 'ExampleSecretFile.txt';
export const SECRET_TEXT = 'Example Corp payroll database: user payroll_app, password Tr0ub4dor&3-eu-west-2\n';
export const SALES_FILE = 'sales-2026-q1.csv';
/** The most plaintext Encrypt takes, in bytes (AWS: "Member must have length less than or equal to 4096"). */
export const ENCRYPT_LIMIT_BYTES = 4096;

/** 160 lines of exactly 32 bytes: 5,120 bytes (5 KB), one kilobyte over Encrypt's limit. */
export function salesCsv(): string {
  const rows = ['date,order_id,curr,amount_pence\n'];
  for (let i = 1; rows.length < 160; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const pence = String(100000 + ((i * 7919) % 900000)).padStart(6, '0');
    rows.push(`2026-03-${day},ord-${String(i).padStart(5, '0')},GBP,${pence}\n`);
  }
  return rows.join('');
}

export const TERMINAL: ScenarioTerminalSpec = {
  files: { [SECRET_FILE]: SECRET_TEXT, [SALES_FILE]: salesCsv() },
  chips: [
    `aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SECRET_FILE} --output text --query CiphertextBlob > ExampleSecretFileEncrypted.base64`,
    'ls -l',
  ],
};

const ACTORS = { you: 'you', kms: 'kms' } as const;

export type FileKind = 'text' | 'ciphertext-blob' | 'base64-ciphertext' | 'other-bytes';

export interface FileView {
  name: string;
  bytes: number;
  kind: FileKind;
}

export interface KmsCallView {
  /** Index of the terminal line that made the call. */
  line: number;
  operation: string;
  error?: string;
  /** The call named an encryption context (as CloudTrail records it). */
  withContext: boolean;
}

export interface CliState {
  keyId: string;
  keyArn: string;
  files: FileView[];
  calls: KmsCallView[];
  /** What the learner's lines have achieved, as the checks read it. */
  achieved: {
    /** A line with a successful Encrypt wrote a file holding the base64 text of a ciphertext blob. */
    base64CiphertextSaved: boolean;
    /** A line with a successful Decrypt wrote a copy of the secret file, byte for byte. */
    decryptedCopyMatches: boolean;
    /** A Decrypt failed with InvalidCiphertextException, and later one with an encryption context succeeded. */
    contextRefusedThenAccepted: boolean;
    /** Encrypt refused a plaintext over 4,096 bytes, and a later Encrypt succeeded. */
    limitHitThenEncrypted: boolean;
    /** A ListAliases line with --query printed exactly the tutorial key's id (or ARN). */
    aliasQueried: boolean;
  };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function fromBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
}

/** What a file holds, read from its bytes: the diagram and the checks agree because both use this. */
export function kindOf(bytes: Uint8Array): FileKind {
  if (parseBlob(bytes)) return 'ciphertext-blob';
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return 'other-bytes';
  }
  const decoded = fromBase64(text);
  if (decoded && parseBlob(decoded)) return 'base64-ciphertext';
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? 'other-bytes' : 'text';
}

/** What a line printed, long enough for AWS's longest error messages (the diagram's text payloads stop at 200 characters). */
const PRINTED_PREVIEW_CHARS = 600;
function printedPayload(text: string): Payload {
  return { kind: 'metadata', label: 'printed', preview: text.length > PRINTED_PREVIEW_CHARS ? `${text.slice(0, PRINTED_PREVIEW_CHARS)}…` : text, bytes: new TextEncoder().encode(text).length };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

const KIND_LABEL: Record<FileKind, string> = {
  text: 'readable text',
  'ciphertext-blob': 'KMS ciphertext blob (binary)',
  'base64-ciphertext': 'ciphertext blob as base64 text',
  'other-bytes': 'binary bytes',
};

export default defineScenario<CliState>({
  terminal: TERMINAL,
  async create({ rng, clock, stream }) {
    const { kms, terminal } = await createTerminalWorld({ clock, rng, files: TERMINAL.files });
    const { shell } = terminal;
    const fs = shell.fs;
    const [tutorial] = kms.aliases({ accountId: kms.accountId, region: 'eu-west-2' }).filter((a) => a.aliasName === 'alias/tutorial');
    const key = kms.keys({ accountId: kms.accountId, region: 'eu-west-2' }).find((k) => k.metadata.KeyId === tutorial.targetKeyId)!;
    const secret = new TextEncoder().encode(SECRET_TEXT);

    const state: CliState = {
      keyId: String(key.metadata.KeyId),
      keyArn: String(key.metadata.Arn),
      files: [],
      calls: [],
      achieved: { base64CiphertextSaved: false, decryptedCopyMatches: false, contextRefusedThenAccepted: false, limitHitThenEncrypted: false, aliasQueried: false },
    };

    /** The files of the home directory (and its subdirectories), path relative to home → bytes. */
    const snapshotFiles = (): Map<string, Uint8Array> => {
      const found = new Map<string, Uint8Array>();
      const walk = (dir: string, prefix: string) => {
        for (const name of fs.readdir(dir)) {
          const path = `${dir}/${name}`;
          if (fs.isDirectory(path)) walk(path, `${prefix}${name}/`);
          else found.set(`${prefix}${name}`, fs.readFile(path));
        }
      };
      walk(fs.home, '');
      return found;
    };
    const syncFiles = (files: Map<string, Uint8Array>) => {
      state.files = [...files].map(([name, bytes]) => ({ name, bytes: bytes.length, kind: kindOf(bytes) }));
    };
    syncFiles(snapshotFiles());

    /**
     * One KMS call of a line, drawn from its CloudTrail record: the request, then KMS's answer. The
     * payload kinds say where plaintext and ciphertext travel (the record holds no data, so no bytes).
     */
    const draw = (record: CloudTrailEvent) => {
      const params = record.requestParameters ?? {};
      const context = params.encryptionContext as Record<string, string> | undefined;
      const contextPayload = context ? [metadataPayload('EncryptionContext', Object.entries(context).map(([k, v]) => `${k}=${v}`).join(', '))] : [];
      const keyPayload = typeof params.keyId === 'string' ? [metadataPayload('KeyId', params.keyId)] : [];
      const shapes: Record<string, { request: Payload[]; response: Payload[] }> = {
        Encrypt: {
          request: [...keyPayload, { kind: 'plaintext', label: 'Plaintext', preview: 'the file\'s bytes, inside TLS' }, ...contextPayload],
          response: [{ kind: 'ciphertext', label: 'CiphertextBlob', preview: 'printed as base64' }],
        },
        Decrypt: {
          request: [{ kind: 'ciphertext', label: 'CiphertextBlob', preview: 'no KeyId: the blob names its key' }, ...contextPayload],
          response: [{ kind: 'plaintext', label: 'Plaintext', preview: 'printed as base64, inside TLS' }],
        },
      };
      const shape = shapes[record.eventName] ?? { request: keyPayload, response: [metadataPayload('response', 'JSON; --query and --output shape what is printed')] };
      stream.emit({ type: 'message', from: ACTORS.you, to: ACTORS.kms, label: `kms:${record.eventName}`, carries: shape.request });
      stream.emit(
        record.errorCode
          ? { type: 'message', from: ACTORS.kms, to: ACTORS.you, label: record.errorCode, carries: [metadataPayload('message', record.errorMessage ?? '')], outcome: 'rejected' }
          : { type: 'message', from: ACTORS.kms, to: ACTORS.you, label: `${record.eventName} result`, carries: shape.response },
      );
    };

    const runLine = async (line: string) => {
      const before = snapshotFiles();
      const auditFrom = kms.audit.events.length;
      const lineIndex = terminal.lines.length;
      const ran = await terminal.run(line);
      const records = kms.audit.events.slice(auditFrom).filter((e) => e.eventType === 'AwsApiCall');
      const calls = records.map((r): KmsCallView => ({ line: lineIndex, operation: r.eventName, ...(r.errorCode ? { error: r.errorCode } : {}), withContext: !!(r.requestParameters?.encryptionContext) }));
      stream.emit({ type: 'note', actor: ACTORS.you, text: `$ ${line.length > 120 ? `${line.slice(0, 118)}…` : line}  (exit status ${ran.exitCode})`, tone: ran.exitCode === 0 ? 'info' : 'warning', ...(ran.stdout + ran.stderr === '' ? {} : { carries: [printedPayload(ran.stdout + ran.stderr)] }) });
      for (const record of records) draw(record);
      state.calls.push(...calls);

      const after = snapshotFiles();
      const written = [...after].filter(([name, bytes]) => !before.has(name) || !sameBytes(before.get(name)!, bytes));
      const ok = (operation: string) => calls.some((c) => c.operation === operation && !c.error);
      const { achieved } = state;
      if (ok('Encrypt') && written.some(([, bytes]) => kindOf(bytes) === 'base64-ciphertext')) achieved.base64CiphertextSaved = true;
      if (ok('Decrypt') && written.some(([name, bytes]) => name !== SECRET_FILE && sameBytes(bytes, secret))) achieved.decryptedCopyMatches = true;
      if (calls.some((c) => c.operation === 'Decrypt' && !c.error && c.withContext) && state.calls.some((c) => c.operation === 'Decrypt' && c.error === 'InvalidCiphertextException' && c.line < lineIndex)) {
        achieved.contextRefusedThenAccepted = true;
      }
      if (ok('Encrypt') && state.calls.some((c) => c.operation === 'Encrypt' && c.error === 'ValidationException' && c.line < lineIndex)) achieved.limitHitThenEncrypted = true;
      const printed = ran.stdout.trim();
      if (ok('ListAliases') && /\s--query[\s=]/.test(line) && (printed === state.keyId || printed === state.keyArn)) achieved.aliasQueried = true;
      syncFiles(after);
    };

    const handlers: ScenarioEventHandlers = {
      async [TERMINAL_EVENT](event) {
        await runLine(terminalLineOf(event));
      },
    };

    return {
      state,
      terminal,
      dispatch: dispatchByType(handlers),
    };
  },

  actions: { terminal: terminalAction() },

  checks: achievedChecks({
    base64CiphertextSaved: 'Encrypt the secret file and save the ciphertext, as base64 text, in a file',
    decryptedCopyMatches: 'Decrypt the ciphertext back into a new file identical to ExampleSecretFile.txt',
    contextRefusedThenAccepted: 'See Decrypt refuse a ciphertext without its encryption context, then decrypt it with the right one',
    limitHitThenEncrypted: 'Get the ValidationException for the 5 KB file, then encrypt a file of at most 4,096 bytes',
    aliasQueried: 'Print only the key id behind alias/tutorial with list-aliases and --query',
  }),

  holdings(state) {
    return {
      [ACTORS.you]: state.files.map((f): Payload => ({
        kind: f.kind === 'text' ? 'plaintext' : f.kind === 'other-bytes' ? 'metadata' : 'ciphertext',
        label: f.name,
        preview: `${f.bytes.toLocaleString('en-US')} bytes, ${KIND_LABEL[f.kind]}`,
        bytes: f.bytes,
      })),
      [ACTORS.kms]: [{ kind: 'key', label: 'alias/tutorial (symmetric KMS key)', preview: 'non-extractable CryptoKey: never leaves KMS' }],
    };
  },

  notSimulated: [
    'Credentials and profiles: the terminal is already signed in as alice of account 111122223333; aws configure, ~/.aws/credentials and --profile are not simulated.',
    'The network between your computer and KMS: the CLI\'s HTTPS request is drawn as one message; TLS itself is lesson 1\'s subject.',
    'KMS\'s real ciphertext format: AWS\'s blob is opaque and undocumented; KMS Lab\'s has its own layout (it also names its key, which is why Decrypt needs no --key-id).',
    'The pager: the real CLI v2 pipes long output through less unless --no-cli-pager or AWS_PAGER="" says otherwise; here output always prints directly.',
  ],
});
