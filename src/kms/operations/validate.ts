import { KmsError } from '../errors.ts';
import type { Shape, StructureShape } from './shape.ts';

/**
 * Validates a decoded request against its operation's input shape and raises AWS's Coral-style
 * ValidationException: `N validation error(s) detected: Value '<v>' at '<path>' failed to satisfy
 * constraint: Member must …`, errors joined by "; ", member paths in lower camel case, list items as
 * `tags.1.member.tagValue`. Values of sensitive members and of blobs are left out ("Value at
 * 'plaintext' …"). A member of the wrong JS type (which the wire layer should have refused) is a
 * SerializationException. Unknown members are ignored, as AWS's JSON protocol does.
 */
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${k}=${show(v)}`).join(', ')}}`;
  }
  return String(value);
}

interface Violation {
  path: string;
  value: unknown;
  hidden: boolean;
  rule: string;
}

function typeOk(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'string': return typeof value === 'string';
    case 'blob': return value instanceof Uint8Array;
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'timestamp': return value instanceof Date && !Number.isNaN(value.getTime());
    case 'list': return Array.isArray(value);
    case 'map':
    case 'structure': return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
  }
}

function check(shape: Shape, value: unknown, path: string, out: Violation[], sensitive = false): void {
  if (!typeOk(shape, value)) {
    throw new KmsError('SerializationException', `Unexpected value type for member '${path}'`);
  }
  const hidden = sensitive || shape.type === 'blob' || ('sensitive' in shape && !!shape.sensitive);
  const add = (rule: string) => out.push({ path, value, hidden, rule });
  switch (shape.type) {
    case 'string':
    case 'blob': {
      const length = (value as string | Uint8Array).length;
      if (shape.min !== undefined && length < shape.min) add(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && length > shape.max) add(`Member must have length less than or equal to ${shape.max}`);
      if (shape.type === 'string') {
        if (shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value as string)) {
          add(`Member must satisfy regular expression pattern: ${shape.pattern}`);
        }
        if (shape.enum && !shape.enum.includes(value as string)) add(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      }
      return;
    }
    case 'integer': {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min) add(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && n > shape.max) add(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case 'list': {
      const items = value as unknown[];
      if (shape.min !== undefined && items.length < shape.min) add(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && items.length > shape.max) add(`Member must have length less than or equal to ${shape.max}`);
      items.forEach((item, i) => check(shape.member, item, `${path}.${i + 1}.member`, out, hidden));
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      if (shape.min !== undefined && entries.length < shape.min) add(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && entries.length > shape.max) add(`Member must have length less than or equal to ${shape.max}`);
      for (const [k, v] of entries) {
        check(shape.key, k, `${path}.${k}.key`, out, hidden);
        check(shape.value, v, `${path}.${k}.value`, out, hidden);
      }
      return;
    }
    case 'structure':
      checkStructure(shape, value as Record<string, unknown>, path, out);
      return;
    default:
      return;
  }
}

function checkStructure(shape: StructureShape, input: Record<string, unknown>, prefix: string, out: Violation[]): void {
  for (const [name, member] of Object.entries(shape.members)) {
    const path = prefix ? `${prefix}.${camel(name)}` : camel(name);
    const value = input[name];
    if (value === undefined || value === null) {
      if (member.required) out.push({ path, value: null, hidden: false, rule: 'Member must not be null' });
      continue;
    }
    check(member.shape, value, path, out);
  }
}

function describe(v: Violation): string {
  const value = v.hidden ? 'Value' : v.value === null ? 'Value null' : `Value '${show(v.value)}'`;
  return `${value} at '${v.path}' failed to satisfy constraint: ${v.rule}`;
}

/** Throws ValidationException (or SerializationException) when `input` does not fit `shape`. */
export function validateInput(shape: StructureShape, input: Record<string, unknown>): void {
  const violations: Violation[] = [];
  checkStructure(shape, input, '', violations);
  if (violations.length === 0) return;
  const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
  throw new KmsError('ValidationException', `${count}: ${violations.map(describe).join('; ')}`);
}
