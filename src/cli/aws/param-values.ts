/**
 * From the words typed to the request parameters, as the CLI unpacks them: paramfiles first,
 * then JSON (a value starting with `{` or `[`) or shorthand for structures, maps and lists,
 * `int()` for integers, and blobs decoded from base64 (CLI v2's default) or taken as raw text
 * (`--cli-binary-format raw-in-base64-out`). Values stay untyped here, as in Python; the
 * validation step (param-validation.ts) reports what does not fit the shape.
 */
import type { Shape } from '../../kms/index.ts';
import { utf8, type Bytes } from '../vfs/encoding.ts';
import type { ArgumentSpec, OperationCommand } from './command-table.ts';
import { loadParamFile, type FileAccess } from './param-files.ts';
import { parseShorthand, ShorthandError } from './shorthand.ts';
import { pythonBase64Decode } from './python-base64.ts';
import { pythonJsonLoads, PythonJsonError } from './python-json.ts';
import { clientError, parameterError } from './usage-error.ts';
import { pythonRepr } from './python-text.ts';

/** A parameter value as Python holds it before validation. */
export type ParamValue = string | number | boolean | null | Bytes | ParamValue[] | { [key: string]: ParamValue };

export type RawValues = ReadonlyMap<ArgumentSpec, string | string[] | boolean>;

export function unpackParameters(command: OperationCommand, values: RawValues, files: FileAccess): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const spec of command.arguments) {
    const raw = values.get(spec);
    if (raw === undefined) continue;
    params[spec.member] = unpackArgument(spec, raw, files);
  }
  return params;
}

function unpackArgument(spec: ArgumentSpec, raw: string | string[] | boolean, files: FileAccess): ParamValue {
  if (typeof raw === 'boolean') return raw;
  const loaded = Array.isArray(raw) ? raw.map((word) => loadParamFile(spec.flag, word, files)) : loadParamFile(spec.flag, raw, files);
  const asText = (value: string | Bytes) => (typeof value === 'string' ? value : new TextDecoder().decode(value));
  const shape = spec.shape;
  if (shape.type === 'blob') return loaded as string | Bytes;
  if (shape.type === 'integer') return pythonInt(asText(loaded as string | Bytes));
  if (shape.type === 'list') {
    const words = (Array.isArray(loaded) ? loaded : [loaded]).map(asText);
    if (words.length === 1 && words[0].trim().startsWith('[')) return parseJson(spec.flag, words[0]);
    return words.map((word) => unpackComplexOrScalar(spec.flag, shape.member, word));
  }
  return unpackComplexOrScalar(spec.flag, shape, asText(loaded as string | Bytes));
}

function unpackComplexOrScalar(flag: string, shape: Shape, text: string): ParamValue {
  if (shape.type === 'structure' || shape.type === 'map') {
    if (text.trimStart().startsWith('{')) return parseJson(flag, text);
    try {
      return parseShorthand(text);
    } catch (error) {
      if (error instanceof ShorthandError) throw parameterError(flag, error.message);
      throw error;
    }
  }
  if (shape.type === 'integer') return pythonInt(text);
  return text;
}

function parseJson(flag: string, text: string): ParamValue {
  try {
    return pythonJsonLoads(text) as ParamValue;
  } catch (error) {
    if (!(error instanceof PythonJsonError)) throw error;
    throw parameterError(flag, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
  }
}

/** Python's int(): optional sign, digits and single underscores, surrounding whitespace. */
function pythonInt(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(trimmed)) throw clientError(`invalid literal for int() with base 10: ${pythonRepr(text)}`);
  return Number(trimmed.replaceAll('_', ''));
}

/**
 * CLI v2 decodes every blob given as text (inline or `file://`) from base64 before validation;
 * `raw-in-base64-out` sends the text's UTF-8 bytes. `fileb://` bytes are used as they are.
 */
export function decodeBlobs(value: ParamValue, shape: Shape, rawIn: boolean): ParamValue {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'blob':
      if (typeof value !== 'string') return value;
      if (rawIn) return utf8(value);
      {
        const bytes = pythonBase64Decode(value);
        if (!bytes) throw clientError(`Invalid base64: "${value}"`);
        return bytes;
      }
    case 'structure':
      if (!isObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([name, member]) => [name, shape.members[name] ? decodeBlobs(member, shape.members[name].shape, rawIn) : member]),
      );
    case 'list':
      return Array.isArray(value) ? value.map((item) => decodeBlobs(item, shape.member, rawIn)) : value;
    case 'map':
      if (!isObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, decodeBlobs(member, shape.value, rawIn)]));
    default:
      return value;
  }
}

export function isObject(value: ParamValue): value is { [key: string]: ParamValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
