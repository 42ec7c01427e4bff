/**
 * Tab completion for `aws`: the service, the kms commands, the command's flags (and the global
 * options), key ids and aliases after a key flag, enum values, and file names after `file://`
 * and `fileb://`. Everything comes from the operation registry and the KMS's view-safe listings.
 */
import type { Kms } from '../../kms/index.ts';
import type { CompletionRequest } from '../shell/command.ts';
import { KMS_SERVICE, type AwsService } from './services.ts';
import { BINARY_FORMATS, OUTPUT_FORMATS } from './parse-argv.ts';

const GLOBAL_OPTIONS = [
  '--debug', '--endpoint-url', '--no-verify-ssl', '--no-paginate', '--output', '--query', '--profile', '--region',
  '--version', '--color', '--no-sign-request', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout',
  '--cli-binary-format', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt',
];
const KEY_FLAGS = new Set(['--key-id', '--target-key-id', '--source-key-id', '--destination-key-id']);
const FILE_PREFIXES = ['fileb://', 'file://'];

function startingWith(current: string, candidates: Iterable<string>): string[] {
  return [...candidates].filter((candidate) => candidate.startsWith(current));
}

export function completeAws(kms: Kms, request: CompletionRequest, region: string, services: readonly AwsService[] = [KMS_SERVICE]): readonly string[] | undefined {
  const { current } = request;
  const words = request.words.slice(1);
  const positionals = words.filter((word, i) => !word.startsWith('-') && !(i > 0 && words[i - 1].startsWith('--')));
  const previous = words[words.length - 1];
  for (const prefix of FILE_PREFIXES) {
    if (current.startsWith(prefix)) return request.completePath(current.slice(prefix.length)).map((path) => prefix + path);
  }
  if (previous === '--output') return startingWith(current, OUTPUT_FORMATS);
  if (previous === '--cli-binary-format') return startingWith(current, BINARY_FORMATS);
  if (positionals.length === 0 && !current.startsWith('-')) return startingWith(current, services.map((service) => service.name));
  const service = services.find((known) => known.name === positionals[0]) ?? KMS_SERVICE;
  const command = positionals.length >= 2 ? service.commands.get(positionals[1]) : undefined;
  if (positionals.length === 1 && !current.startsWith('-')) return startingWith(current, [...service.commands.keys(), 'help']);
  if (previous && KEY_FLAGS.has(previous)) {
    const keys = kms.keys({ region });
    return startingWith(current, [...keys.map((key) => String(key.metadata.KeyId)), ...keys.flatMap((key) => key.aliases)]);
  }
  const argument = command?.arguments.find((spec) => spec.flag === previous);
  if (argument?.shape.type === 'string' && argument.shape.enum) return startingWith(current, argument.shape.enum);
  if (argument?.shape.type === 'blob') return startingWith(current, FILE_PREFIXES);
  if (current.startsWith('-') || current === '') {
    const flags = command ? command.arguments.flatMap((spec) => (spec.shape.type === 'boolean' ? [spec.flag, `--no-${spec.flag.slice(2)}`] : [spec.flag])) : [];
    const given = new Set(words);
    return startingWith(current, [...flags.filter((flag) => !given.has(flag)), ...GLOBAL_OPTIONS]);
  }
  return undefined;
}
