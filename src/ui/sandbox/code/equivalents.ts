/**
 * The AWS CLI command and the `@aws-sdk/client-kms` v3 code that do what a console action did.
 * Both are generated from the operation registry (src/kms/operations) — the command and flag names
 * by the CLI's own kebab-case rule, the value syntax by each member's shape — so there is one
 * generator for every action and nothing to keep in step by hand.
 */
import { operations, type Shape } from '../../../kms/index.ts';
import { kebabCase } from '../../../cli/aws/names.ts';
import { shellQuote } from '../../../cli/shell/shell-quote.ts';

export interface CodeRequest {
  /** The AWS operation name, e.g. `CreateKey`. */
  operation: string;
  /** The request members as the console sent them (blobs as bytes, timestamps as Dates). */
  input: Record<string, unknown>;
  /**
   * Blob members that were read from a file of the sandbox (path relative to the home directory):
   * the CLI reads them with `fileb://`, the SDK with `readFileSync`.
   */
  files?: Readonly<Record<string, string>>;
  /** The Region the console called. */
  region: string;
}

/** Words the shell reads as one argument without quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+,=-]+$/;

/**
 * Quotes a word for a POSIX shell, as a person would: single quotes unless it needs none, and
 * bash's $'…' when it holds a line break or another control character — so that every command
 * stays ONE line (a terminal runs a pasted text line by line).
 */
export function shellWord(value: string): string {
  if (value !== '' && PLAIN_WORD.test(value)) return value;
  if (/[\x00-\x1f\x7f]/.test(value)) return shellQuote(value);
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A JSON document on one line (a key policy as typed in the console has line breaks). */
function oneLineJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text; // not JSON: KMS will say so, and the command sends the same text
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Members in the order the operation describes them, skipping the ones the console left out. */
function presentMembers(request: CodeRequest): [string, Shape, unknown][] {
  const description = operations[request.operation];
  if (!description) throw new Error(`No KMS operation is called ${request.operation}.`);
  return Object.entries(description.input.members)
    .filter(([name]) => request.input[name] !== undefined)
    .map(([name, member]) => [name, member.shape, request.input[name]]);
}

/** JSON the CLI accepts for structure, map and list-of-structure members (the value with dates as ISO). */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? base64(item) : item));
}

function cliArguments(flag: string, shape: Shape, value: unknown, file: string | undefined): string[] {
  switch (shape.type) {
    case 'boolean':
      return [value ? flag : `--no-${flag.slice(2)}`];
    case 'blob':
      return [flag, shellWord(file ? `fileb://${file}` : base64(value as Uint8Array))];
    case 'timestamp':
      return [flag, (value as Date).toISOString()];
    case 'integer':
      return [flag, String(value)];
    case 'string':
      return [flag, shellWord(flag === '--policy' ? oneLineJson(value as string) : (value as string))];
    case 'list':
      // A list of plain values is one word per item (the CLI's nargs); a list of structures is JSON.
      if (shape.member.type === 'structure') return [flag, shellWord(jsonText(value))];
      return [flag, ...(value as unknown[]).map((item) => shellWord(String(item)))];
    default:
      return [flag, shellWord(jsonText(value))];
  }
}

/**
 * `aws kms create-key --key-spec RSA_2048 …` on one line, so it can be pasted into the terminal
 * (which runs a pasted text line by line) as well as into a real shell.
 */
export function cliCommand(request: CodeRequest): string {
  const parts = presentMembers(request).map(([name, shape, value]) =>
    cliArguments(`--${kebabCase(name)}`, shape, value, request.files?.[name]).join(' '),
  );
  return [`aws kms ${kebabCase(request.operation)}`, ...parts].join(' ');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JavaScript string literal, single-quoted as most code is written (double quotes when it holds a '). */
function jsString(text: string): string {
  const json = JSON.stringify(text);
  const inner = json.slice(1, -1);
  return inner.includes("'") ? json : `'${inner.replaceAll('\\"', '"')}'`;
}

function indent(level: number): string {
  return '  '.repeat(level);
}

/** A JavaScript literal for a value of the given shape, indented for `level`. */
function jsLiteral(shape: Shape | undefined, value: unknown, level: number, file?: string): string {
  if (value instanceof Uint8Array) {
    return file ? `readFileSync(${jsString(file)})` : `Buffer.from(${jsString(base64(value))}, 'base64')`;
  }
  if (value instanceof Date) return `new Date(${jsString(value.toISOString())})`;
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member : undefined;
    const items = value.map((item) => jsLiteral(member, item, level + 1));
    const flat = `[${items.join(', ')}]`;
    if (flat.length <= 70 && !flat.includes('\n')) return flat;
    return `[\n${items.map((item) => `${indent(level + 1)}${item},`).join('\n')}\n${indent(level)}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const memberShape = (name: string): Shape | undefined =>
      shape?.type === 'structure' ? shape.members[name]?.shape : shape?.type === 'map' ? shape.value : undefined;
    const lines = entries.map(
      ([name, item]) => `${indent(level + 1)}${IDENTIFIER.test(name) ? name : jsString(name)}: ${jsLiteral(memberShape(name), item, level + 1)},`,
    );
    return `{\n${lines.join('\n')}\n${indent(level)}}`;
  }
  if (typeof value === 'string') return jsString(value);
  return String(value);
}

/** A key policy reads better as the object it is: `JSON.stringify({ … })`. Other text stays a string. */
function policyLiteral(text: string, level: number): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return `JSON.stringify(${jsLiteral(undefined, parsed, level)})`;
  } catch {
    // not JSON: KMS will say so, and the code sends the same text
  }
  return jsString(text);
}

/** The `@aws-sdk/client-kms` v3 program that sends the same request. */
export function sdkCode(request: CodeRequest): string {
  const command = `${request.operation}Command`;
  const members = presentMembers(request);
  const usesFiles = members.some(([name, shape]) => shape.type === 'blob' && request.files?.[name]);
  const lines = members.map(([name, shape, value]) => {
    const literal = name === 'Policy' && typeof value === 'string'
      ? policyLiteral(value, 1)
      : jsLiteral(shape, value, 1, request.files?.[name]);
    return `${indent(1)}${name}: ${literal},`;
  });
  const body = lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n}`;
  return [
    `import { KMSClient, ${command} } from '@aws-sdk/client-kms';`,
    ...(usesFiles ? [`import { readFileSync } from 'node:fs';`] : []),
    '',
    `const client = new KMSClient({ region: ${jsString(request.region)} });`,
    `const response = await client.send(new ${command}(${body}));`,
    'console.log(response);',
  ].join('\n');
}
