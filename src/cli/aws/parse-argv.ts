/**
 * The CLI's command line, as its argparse parsers read it: global options anywhere, `kms`, the
 * operation, then `--flag value` pairs (or `--flag=value`). Errors come out in argparse's order:
 * missing command, invalid choice, "expected one argument", missing required arguments, then the
 * leftovers as "Unknown options".
 */
import type { ArgumentSpec, OperationCommand } from './command-table.ts';
import { KMS_SERVICE, type AwsService } from './services.ts';
import { closeMatches } from './close-matches.ts';
import { argumentError, unknownOptions } from './usage-error.ts';
import { pythonRepr } from './python-text.ts';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export const BINARY_FORMATS = ['base64', 'raw-in-base64-out'] as const;

export interface GlobalOptions {
  debug: boolean;
  output?: string;
  query?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  cliBinaryFormat?: (typeof BINARY_FORMATS)[number];
  noPaginate: boolean;
  /** Options that change nothing in the page (pager, TLS, timeouts, colour), accepted as the CLI accepts them. */
  ignored: string[];
  generateCliSkeleton?: string;
  version: boolean;
}

/** Global options taking a value, with their choices when argparse restricts them. */
const VALUED_GLOBALS: Record<string, readonly string[] | undefined> = {
  '--output': OUTPUT_FORMATS,
  '--query': undefined,
  '--region': undefined,
  '--profile': undefined,
  '--endpoint-url': undefined,
  '--cli-binary-format': BINARY_FORMATS,
  '--color': ['on', 'off', 'auto'],
  '--ca-bundle': undefined,
  '--cli-read-timeout': undefined,
  '--cli-connect-timeout': undefined,
};
const FLAG_GLOBALS = new Set([
  '--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager',
  '--cli-auto-prompt', '--no-cli-auto-prompt', '--version',
]);

export interface ParsedCommandLine {
  globals: GlobalOptions;
  /** The service named after the global options (kms when the line names none, as for `aws --version`). */
  service: AwsService;
  /** Absent for `aws kms help`. */
  command?: OperationCommand;
  /** `help` after the service or the operation. */
  help: boolean;
  /** Raw values by member; lists (nargs '+') as arrays, booleans as true/false. */
  values: Map<ArgumentSpec, string | string[] | boolean>;
  /** CLI-only paging options of List* commands. */
  paging: { maxItems?: string; pageSize?: string; startingToken?: string };
}

function invalidChoice(argument: string, value: string, choices: readonly string[], closeCutoff = 0.8): never {
  const rows: string[] = [];
  for (let i = 0; i < choices.length; i += 2) {
    rows.push(choices.slice(i, i + 2).map((choice) => choice.padEnd(40)).join(' | '));
  }
  const parts = ['Invalid choice, valid choices are:\n', ...rows];
  const possible = closeMatches(value, choices, 3, closeCutoff);
  if (possible.length > 0) {
    parts.push(`\n\nInvalid choice: ${pythonRepr(value)}, maybe you meant:\n`, ...possible.map((word) => `  * ${word}`));
  }
  throw argumentError(`argument ${argument}: ${parts.join('\n')}`);
}

const looksLikeOption = (word: string | undefined) => word !== undefined && word.startsWith('--');
/** argparse's test for an optional argument's value: a word starting with '-' (not '-' alone) is an option. */
const isOptionWord = (word: string) => word.length > 1 && word.startsWith('-') && !/^-\d+$|^-\d*\.\d+$/.test(word);

export function parseCommandLine(args: readonly string[], services: readonly AwsService[] = [KMS_SERVICE]): ParsedCommandLine {
  const globals: GlobalOptions = { debug: false, noPaginate: false, ignored: [], version: false };
  const positionals: string[] = [];
  const rest: string[] = [];
  // Pass 1: the main parser takes the global options wherever they are (parse_known_args).
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const [name, inline] = splitInline(word);
    if (FLAG_GLOBALS.has(name) && inline === undefined) {
      if (name === '--debug') globals.debug = true;
      else if (name === '--no-paginate') globals.noPaginate = true;
      else if (name === '--version') globals.version = true;
      else globals.ignored.push(name);
    } else if (Object.hasOwn(VALUED_GLOBALS, name)) {
      const value = inline ?? args[i + 1];
      if (inline === undefined) {
        if (value === undefined || looksLikeOption(value)) throw argumentError(`argument ${name}: expected one argument`);
        i++;
      }
      const choices = VALUED_GLOBALS[name];
      if (choices && !choices.includes(value)) invalidChoice(name, value, choices);
      setGlobal(globals, name, value);
    } else if (word.startsWith('-') && word !== '-') {
      rest.push(word);
      // An operation flag's values (after `kms <operation>`) stay with it.
      while (i + 1 < args.length && !args[i + 1].startsWith('--') && !word.includes('=') && positionals.length >= 2) {
        rest.push(args[++i]);
      }
    } else {
      positionals.push(word);
    }
  }
  const paging: ParsedCommandLine['paging'] = {};
  const firstService = services[0] ?? KMS_SERVICE;
  if (globals.version) return { globals, service: firstService, help: false, values: new Map(), paging };
  if (positionals.length === 0) throw argumentError('the following arguments are required: command');
  if (positionals[0] === 'help') return { globals, service: firstService, help: true, values: new Map(), paging };
  const service = services.find((known) => known.name === positionals[0]);
  if (!service) throw serviceNotSimulated(positionals[0], services);
  const afterService = positionals.slice(1);
  if (afterService[0] === 'help') return { globals, service, help: true, values: new Map(), paging };
  if (afterService.length === 0) throw argumentError('the following arguments are required: operation');
  const command = service.commands.get(afterService[0]);
  if (!command) invalidChoice('operation', afterService[0], [...service.commands.keys(), 'help']);
  const help = afterService[1] === 'help';
  const leftovers = afterService.slice(help ? 2 : 1);
  const values = new Map<ArgumentSpec, string | string[] | boolean>();
  if (!help) parseOperationArguments(command, rest, values, paging, leftovers);
  return { globals, service, command, help, values, paging };
}

function splitInline(word: string): [string, string | undefined] {
  if (!word.startsWith('--')) return [word, undefined];
  const equals = word.indexOf('=');
  return equals < 0 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

function setGlobal(globals: GlobalOptions, name: string, value: string): void {
  switch (name) {
    case '--output': globals.output = value; break;
    case '--query': globals.query = value; break;
    case '--region': globals.region = value; break;
    case '--profile': globals.profile = value; break;
    case '--endpoint-url': globals.endpointUrl = value; break;
    case '--cli-binary-format': globals.cliBinaryFormat = value as GlobalOptions['cliBinaryFormat']; break;
    default: globals.ignored.push(name);
  }
}

function serviceNotSimulated(service: string, services: readonly AwsService[]) {
  const names = services.map((known) => known.name);
  const which = names.length === 1
    ? `the ${names[0]} commands only (aws ${names[0]} help lists them)`
    : `the ${names.slice(0, -1).join(', ')} and ${names.at(-1)} commands only (${names.map((name) => `aws ${name} help`).join(' and ')} list them)`;
  return argumentError(`argument command: Invalid choice: ${pythonRepr(service)}. KMS Lab's terminal simulates ${which}.`);
}

const SKELETON_KINDS = ['input', 'output', 'yaml-input'];
/** Whole inputs as JSON or YAML (what --generate-cli-skeleton prints, filled in); flags override them. */
export const INPUT_FLAGS = ['--cli-input-json', '--cli-input-yaml'];
const PAGING_FLAGS = { '--max-items': 'maxItems', '--page-size': 'pageSize', '--starting-token': 'startingToken' } as const;

function parseOperationArguments(
  command: OperationCommand,
  words: readonly string[],
  values: Map<ArgumentSpec, string | string[] | boolean>,
  paging: ParsedCommandLine['paging'],
  leftovers: string[],
): void {
  const byFlag = new Map<string, { spec: ArgumentSpec; negated: boolean }>();
  for (const spec of command.arguments) {
    byFlag.set(spec.flag, { spec, negated: false });
    if (spec.shape.type === 'boolean') byFlag.set(`--no-${spec.flag.slice(2)}`, { spec, negated: true });
  }
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [flag, inline] = splitInline(words[i]);
    const known = byFlag.get(flag);
    const pagingKey = command.pagination && Object.hasOwn(PAGING_FLAGS, flag) ? PAGING_FLAGS[flag as keyof typeof PAGING_FLAGS] : undefined;
    if (!known && !pagingKey && flag !== '--generate-cli-skeleton' && !INPUT_FLAGS.includes(flag)) {
      unknown.push(words[i]);
      continue;
    }
    if (known?.spec.shape.type === 'boolean') {
      if (inline !== undefined) throw argumentError(`argument ${flag}: ignored explicit argument ${pythonRepr(inline)}`);
      values.set(known.spec, !known.negated);
      continue;
    }
    if (flag === '--generate-cli-skeleton') {
      // nargs='?' with choices: argparse takes the next word unless it is an option, then checks it.
      const following = words[i + 1];
      const next = inline ?? (following !== undefined && !isOptionWord(following) ? words[++i] : 'input');
      if (!SKELETON_KINDS.includes(next)) invalidChoice('--generate-cli-skeleton', next, SKELETON_KINDS);
      values.set(skeletonSpec(flag), next);
      continue;
    }
    const taken: string[] = inline !== undefined ? [inline] : [];
    const many = known?.spec.shape.type === 'list';
    while (inline === undefined && i + 1 < words.length && !looksLikeOption(words[i + 1]) && (many || taken.length === 0)) {
      taken.push(words[++i]);
    }
    // Lists are nargs='*' in the CLI: `--tags` alone sends an empty list.
    if (taken.length === 0 && !many) throw argumentError(`argument ${flag}: expected one argument`);
    if (known) values.set(known.spec, many ? taken : taken[0]);
    else if (pagingKey) {
      // argparse's type=int for the CLI's own paging options.
      if (pagingKey !== 'startingToken' && !/^\s*[+-]?\d+(_\d+)*\s*$/.test(taken[0])) {
        throw argumentError(`argument ${flag}: invalid int value: ${pythonRepr(taken[0])}`);
      }
      paging[pagingKey] = taken[0];
    }
    else values.set(skeletonSpec(flag), taken[0]);
  }
  const missing = command.arguments.filter((spec) => spec.required && !values.has(spec)).map((spec) => spec.flag);
  if (missing.length > 0 && !hasSkeleton(values)) {
    throw argumentError(`the following arguments are required: ${missing.join(', ')}`);
  }
  if (unknown.length + leftovers.length > 0) throw unknownOptions([...unknown, ...leftovers]);
}

/** `--generate-cli-skeleton` and `--cli-input-json|yaml` are CLI arguments of every command, outside the registry. */
const CLI_ARGUMENTS = new Map<string, ArgumentSpec>();
function skeletonSpec(flag: string): ArgumentSpec {
  let spec = CLI_ARGUMENTS.get(flag);
  if (!spec) {
    spec = { flag, member: flag, shape: { type: 'string' }, required: false, doc: '' };
    CLI_ARGUMENTS.set(flag, spec);
  }
  return spec;
}

export function cliArgument(values: ParsedCommandLine['values'], flag: string): string | undefined {
  const spec = CLI_ARGUMENTS.get(flag);
  const value = spec ? values.get(spec) : undefined;
  return typeof value === 'string' ? value : undefined;
}

function hasSkeleton(values: ParsedCommandLine['values']): boolean {
  return ['--generate-cli-skeleton', ...INPUT_FLAGS].some((flag) => cliArgument(values, flag) !== undefined);
}
