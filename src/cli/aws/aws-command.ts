/**
 * `aws`: the AWS CLI v2 for KMS (and, when given a Parameter Store, `aws ssm`'s parameter commands) in the page's terminal. The steps follow the real CLI: parse the
 * command line, unpack parameters (files, JSON, shorthand, base64 blobs), validate them as
 * botocore does, send the request through the simulated KMS's JSON 1.1 front door (paging
 * List* operations), apply `--query`, and print in the chosen output format. Every failure prints
 * the CLI's own text with its exit status (252 arguments, 254 service errors, 255 other errors).
 */
import jmespath from 'jmespath';
import type { Kms, KmsCaller } from '../../kms/index.ts';
import type { ParameterStore } from '../../sim/parameters/index.ts';
import type { CommandContext, ShellCommand } from '../shell/command.ts';
import type { OperationCommand } from './command-table.ts';
import { cliArgument, INPUT_FLAGS, parseCommandLine, type GlobalOptions, type ParsedCommandLine } from './parse-argv.ts';
import { decodeBlobs, unpackParameters, type ParamValue } from './param-values.ts';
import { validateParameters } from './param-validation.ts';
import { KmsTransport, toWire, type Exchange } from './transport.ts';
import { fromWire } from './response.ts';
import { formatOutput, type CliValue } from './output/index.ts';
import { CliFailure, clientError, serviceError } from './usage-error.ts';
import { serviceHelp, operationHelp } from './help.ts';
import { skeletonOf } from './skeleton.ts';
import { formatExchange } from './debug.ts';
import { completeAws } from './complete.ts';
import { paginate } from './pagination.ts';
import { readCliInput } from './cli-input.ts';
import { KMS_SERVICE, SSM_SERVICE, type AwsService } from './services.ts';
import { sendToParameterStore } from './ssm-transport.ts';

export interface AwsCommandOptions {
  kms: Kms;
  /** Who the terminal acts as (the sandbox's "act as" selector); default the account's root. */
  caller?: () => KmsCaller;
  /**
   * Principals by access key id, as kms:serve's `--principal`: a line run with
   * `AWS_ACCESS_KEY_ID=<id>` in its environment acts as that principal.
   */
  principals?: Readonly<Record<string, KmsCaller>>;
  /** The region when neither --region nor AWS_REGION / AWS_DEFAULT_REGION names one. */
  defaultRegion?: string;
  /** The address the terminal's requests come from (aws:SourceIp, CloudTrail's sourceIPAddress), asked per call. */
  sourceIp?: () => string | undefined;
  /** SSM Parameter Store: with it, `aws ssm put-parameter | get-parameter(s) | delete-parameter | describe-parameters` work too. */
  ssm?: ParameterStore;
}

export const CLI_VERSION = 'aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 source/x86_64.debian.12 prompt/off';

export function createAwsCommand(options: AwsCommandOptions): ShellCommand {
  const { kms } = options;
  const defaultCaller = options.caller ?? (() => ({ arn: `arn:aws:iam::${kms.accountId}:root`, accountId: kms.accountId }));
  const callerFor = (env: Readonly<Record<string, string>>): KmsCaller => {
    const accessKey = env.AWS_ACCESS_KEY_ID;
    const principals = options.principals;
    return accessKey !== undefined && principals && Object.hasOwn(principals, accessKey) ? principals[accessKey] : defaultCaller();
  };
  const transport = new KmsTransport(kms, { sourceIp: options.sourceIp });
  const services: AwsService[] = options.ssm ? [KMS_SERVICE, SSM_SERVICE] : [KMS_SERVICE];
  const ssm = options.ssm;
  return {
    name: 'aws',
    summary: 'the AWS CLI v2 for KMS (aws kms help)',
    complete: (request) =>
      completeAws(kms, request, request.env.AWS_REGION ?? request.env.AWS_DEFAULT_REGION ?? options.defaultRegion ?? 'eu-west-2', services),
    run: async (ctx) => {
      try {
        return await runAws(ctx, { transport, services, ssm }, callerFor(ctx.env), options.defaultRegion ?? 'eu-west-2');
      } catch (error) {
        if (!(error instanceof CliFailure)) throw error;
        ctx.stderr.write(error.stderr);
        return error.exitCode;
      }
    },
  };
}

/** Where the parsed line goes: KMS through its wire front door, Parameter Store (when present) directly. */
interface Backends {
  transport: KmsTransport;
  services: readonly AwsService[];
  ssm?: ParameterStore;
}

async function runAws(ctx: CommandContext, backends: Backends, caller: KmsCaller, defaultRegion: string): Promise<number> {
  const parsed = parseCommandLine(ctx.argv.slice(1), backends.services);
  const { globals } = parsed;
  if (globals.version) {
    ctx.stdout.write(CLI_VERSION + '\n');
    return 0;
  }
  writeNotes(ctx, globals);
  if (!parsed.command) {
    ctx.stdout.write(serviceHelp(parsed.service));
    return 0;
  }
  const command = parsed.command;
  if (parsed.help) {
    ctx.stdout.write(operationHelp(command));
    return 0;
  }
  const skeleton = cliArgument(parsed.values, '--generate-cli-skeleton');
  if (skeleton !== undefined) {
    ctx.stdout.write(skeletonOf(command, skeleton));
    return 0;
  }
  const region = globals.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION ?? defaultRegion;
  const params = prepareParameters(ctx, command, parsed, globals);
  const target = { region, caller };
  const result = parsed.service.name === SSM_SERVICE.name && backends.ssm
    ? await callParameterStore(ctx, backends.ssm, command, params, target, globals.debug)
    : await callOperation(ctx, backends.transport, command, params, target, parsed, globals.debug);
  const format = globals.output ?? ctx.env.AWS_DEFAULT_OUTPUT ?? 'json';
  const query = (value: CliValue) => (globals.query !== undefined ? applyQuery(globals.query, value) : value);
  if (format === 'text' && result.pages) {
    // As the CLI's TextFormatter: each page on its own (the query too), then the NextToken.
    const parts = result.pages.map((page) => formatOutput('text', query(page), command.operation.name));
    if (result.nextToken !== undefined) parts.push(formatOutput('text', query({ NextToken: { NextToken: result.nextToken } }), command.operation.name));
    ctx.stdout.write(parts.join(''));
    return 0;
  }
  ctx.stdout.write(formatOutput(format, query(result.full), command.operation.name));
  return 0;
}

function writeNotes(ctx: CommandContext, globals: GlobalOptions): void {
  if (globals.endpointUrl !== undefined) {
    ctx.stderr.write(`Note: --endpoint-url ${globals.endpointUrl} is accepted, but the terminal always calls the page's simulated KMS.\n`);
  }
  if (globals.profile !== undefined) {
    ctx.stderr.write(`Note: --profile ${globals.profile} is accepted, but the terminal always calls the page's simulated KMS as the current principal.\n`);
  }
}

function prepareParameters(ctx: CommandContext, command: OperationCommand, parsed: ParsedCommandLine, globals: GlobalOptions): Record<string, unknown> {
  const files = { fs: ctx.fs, resolve: (path: string) => ctx.resolve(path) };
  const inputFlag = INPUT_FLAGS.find((flag) => cliArgument(parsed.values, flag) !== undefined);
  const fromDocument = inputFlag ? readCliInput(inputFlag, cliArgument(parsed.values, inputFlag)!, files) : {};
  const unpacked = { ...fromDocument, ...unpackParameters(command, parsed.values, files) };
  const rawIn = globals.cliBinaryFormat === 'raw-in-base64-out';
  const decoded = decodeBlobs(unpacked, command.operation.input, rawIn) as Record<string, ParamValue>;
  validateParameters(decoded, command.operation.input);
  return toWire(decoded, command.operation.input) as Record<string, unknown>;
}

/** The response as one value; for paged commands also page by page, which text output formats separately. */
interface CallResult {
  full: CliValue;
  pages?: CliValue[];
  nextToken?: string;
}

async function callOperation(
  ctx: CommandContext,
  transport: KmsTransport,
  command: OperationCommand,
  params: Record<string, unknown>,
  target: { region: string; caller: KmsCaller },
  parsed: ParsedCommandLine,
  debug: boolean,
): Promise<CallResult> {
  const name = command.operation.name;
  const send = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const exchange: Exchange = await transport.send(name, body, target.region, target.caller);
    if (debug) ctx.stderr.write(formatExchange(exchange));
    if (exchange.response.statusCode !== 200) {
      const { __type, message, Message } = exchange.json as { __type?: string; message?: string; Message?: string };
      throw serviceError(String(__type ?? 'Unknown'), name, String(message ?? Message ?? ''));
    }
    return exchange.json;
  };
  const pagination = command.pagination;
  // As botocore's paginator: the CLI pages unless the request names its own Limit or Marker.
  const pages = pagination && !parsed.globals.noPaginate && params.Marker === undefined && params.Limit === undefined;
  if (!pagination || !pages) return { full: fromWire(await send(params), command.operation.output) };
  const paged = await paginate({
    resultKey: pagination.resultKey,
    pageSize: parsed.paging.pageSize !== undefined ? pageNumber(parsed.paging.pageSize) : undefined,
    maxItems: parsed.paging.maxItems !== undefined ? pageNumber(parsed.paging.maxItems) : undefined,
    startingToken: parsed.paging.startingToken,
    send: (extra) => send({ ...params, ...extra }),
  });
  const output = command.operation.output;
  const pageValues = paged.pages.map((items) => fromWire({ [pagination.resultKey]: items }, output));
  const full: Record<string, CliValue> = { [pagination.resultKey]: pageValues.flatMap((page) => (page as Record<string, CliValue[]>)[pagination.resultKey]) };
  if (paged.nextToken !== undefined) full.NextToken = paged.nextToken;
  return { full, pages: pageValues, nextToken: paged.nextToken };
}

/** One `aws ssm` call; --debug has no wire exchange to print, and says so rather than printing nothing. */
async function callParameterStore(
  ctx: CommandContext,
  store: ParameterStore,
  command: OperationCommand,
  params: Record<string, unknown>,
  target: { region: string; caller: KmsCaller },
  debug: boolean,
): Promise<CallResult> {
  if (debug) ctx.stderr.write('Note: --debug prints the wire exchange of kms commands only; ssm commands call the page\'s Parameter Store model directly.\n');
  return { full: fromWire(await sendToParameterStore(store, command.operation, params, target), command.operation.output) };
}

/** Already checked by the argument parser as argparse's int. */
function pageNumber(text: string): number {
  return Number(text.trim().replaceAll('_', ''));
}

/** jmespath.js compiles expressions too; its type declarations only name `search`. */
const compileQuery = (jmespath as unknown as { compile(expression: string): unknown }).compile;

/**
 * As the CLI: an expression that does not parse is a bad --query value (252); an error while
 * evaluating it (unknown function, wrong argument type) is a client error (255).
 */
function applyQuery(expression: string, value: CliValue): CliValue {
  try {
    compileQuery(expression);
  } catch (error) {
    throw new CliFailure(`\nBad value for --query ${expression}: ${(error as Error).message}\n`, 252);
  }
  try {
    return jmespath.search(value, expression) as CliValue;
  } catch (error) {
    throw clientError(pythonJmespathMessage((error as Error).message));
  }
}

/** The most common evaluation error — a function given a missing field — in Python jmespath's words. */
function pythonJmespathMessage(message: string): string {
  const nullArgument = /^TypeError: (\w+)\(\) expected argument \d+ to be type ([\w,]+) but received type null instead\.$/.exec(message);
  if (!nullArgument) return message;
  const expected = nullArgument[2].split(',').map((type) => `'${type}'`).join(', ');
  return `In function ${nullArgument[1]}(), invalid type for value: None, expected one of: [${expected}], received: "null"`;
}
