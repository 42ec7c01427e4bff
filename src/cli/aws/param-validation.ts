/**
 * botocore's client-side checks, run before a request is sent ("Parameter validation failed:"):
 * required members of nested structures, unknown members, Python types, and the minimums botocore
 * enforces (string and list lengths, integer values). Maximums and patterns are KMS's to check.
 */
import type { Shape, StructureShape } from '../../kms/index.ts';
import { isObject, type ParamValue } from './param-values.ts';
import { validationFailed } from './usage-error.ts';

function pythonType(value: ParamValue): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value === null) return 'NoneType';
  if (value instanceof Uint8Array) return 'bytes';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** Python's repr() of a parsed parameter value. */
export function pythonValueRepr(value: ParamValue): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  if (typeof value === 'number') return String(value);
  if (value instanceof Uint8Array) return `b'${[...value].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0'))).join('')}'`;
  if (Array.isArray(value)) return `[${value.map(pythonValueRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pythonValueRepr(k)}: ${pythonValueRepr(v)}`).join(', ')}}`;
}

const VALID_TYPES: Record<Shape['type'], string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  timestamp: "<class 'datetime.datetime'>, timestamp string",
  list: "<class 'list'>, <class 'tuple'>",
  map: "<class 'dict'>",
  structure: "<class 'dict'>",
};

function fitsType(value: ParamValue, shape: Shape): boolean {
  switch (shape.type) {
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'blob': return value instanceof Uint8Array || typeof value === 'string';
    case 'timestamp': return typeof value === 'string' || typeof value === 'number';
    case 'list': return Array.isArray(value);
    default: return isObject(value);
  }
}

function check(value: ParamValue, shape: Shape, name: string, errors: string[]): void {
  if (!fitsType(value, shape)) {
    errors.push(`Invalid type for parameter ${name}, value: ${pythonValueRepr(value)}, type: <class '${pythonType(value)}'>, valid types: ${VALID_TYPES[shape.type]}`);
    return;
  }
  switch (shape.type) {
    case 'string':
      if (shape.min !== undefined && (value as string).length < shape.min) {
        errors.push(`Invalid length for parameter ${name}, value: ${(value as string).length}, valid min length: ${shape.min}`);
      }
      return;
    case 'integer':
      if (shape.min !== undefined && (value as number) < shape.min) {
        errors.push(`Invalid value for parameter ${name}, value: ${value as number}, valid min value: ${shape.min}`);
      }
      return;
    case 'list': {
      const items = value as ParamValue[];
      if (shape.min !== undefined && items.length < shape.min) {
        errors.push(`Invalid length for parameter ${name}, value: ${items.length}, valid min length: ${shape.min}`);
      }
      items.forEach((item, index) => check(item, shape.member, `${name}[${index}]`, errors));
      return;
    }
    case 'map':
      for (const [key, item] of Object.entries(value as Record<string, ParamValue>)) check(item, shape.value, `${name}.${key}`, errors);
      return;
    case 'structure':
      checkStructure(value as Record<string, ParamValue>, shape, name, errors);
      return;
    default:
  }
}

function checkStructure(value: Record<string, ParamValue>, shape: StructureShape, name: string, errors: string[]): void {
  const where = name === '' ? 'input' : name;
  for (const [member, spec] of Object.entries(shape.members)) {
    if (spec.required && !Object.hasOwn(value, member)) errors.push(`Missing required parameter in ${where}: "${member}"`);
  }
  for (const [member, item] of Object.entries(value)) {
    const spec = shape.members[member];
    if (!spec) {
      errors.push(`Unknown parameter in ${where}: "${member}", must be one of: ${Object.keys(shape.members).join(', ')}`);
      continue;
    }
    check(item, spec.shape, name === '' ? member : `${name}.${member}`, errors);
  }
}

export function validateParameters(params: Record<string, ParamValue>, input: StructureShape): void {
  const errors: string[] = [];
  checkStructure(params, input, '', errors);
  if (errors.length > 0) throw validationFailed(errors);
}
