/**
 * Turns valibot issues into LessonProblems an author can act on:
 *
 *   field "await": expected a check name (of scenario.ts checks), got number
 *   field "notes": expected presenter notes (markdown), got nothing (the field is missing)
 *   field "awiat": is not a field here; the fields are id, title, send, …
 *
 *   validateWith(schema, input, file) → { ok: true, output } | { ok: false, problems }
 *
 * Schema messages (schema.ts) are written as the "expected" part. For a missing field valibot reports the
 * enclosing object's message, so the field's own schema is looked up along the issue path instead.
 */
import * as v from 'valibot';
import type { LessonProblem } from './errors.ts';

export type Validation<T> = { ok: true; output: T } | { ok: false; problems: LessonProblem[] };

export function validateWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  file: string,
): Validation<v.InferOutput<S>> {
  // valibot accepts a list where an object is expected (arrays are objects), then reports missing keys;
  // "got a list" is what the person needs to hear.
  // (A piped schema carries its first schema's type and message.)
  if (Array.isArray(input) && OBJECT_TYPES.has(schema.type)) {
    return { ok: false, problems: [{ file, message: `expected ${messageOf(schema) ?? 'a mapping'}, got a list` }] };
  }
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, output: result.output };
  return { ok: false, problems: result.issues.map((issue) => issueToProblem(schema, issue, file)) };
}

type AnyIssue = v.BaseIssue<unknown>;

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object']);


function issueToProblem(root: v.GenericSchema, issue: AnyIssue, file: string): LessonProblem {
  const path = issue.path ?? [];
  const field = path.length === 0 ? undefined : fieldName(path);
  const last = path.at(-1);
  const isObjectIssue = OBJECT_TYPES.has(issue.type);

  if (isObjectIssue && last?.origin === 'key' && issue.expected === 'never') {
    const owner = schemaAt(root, path.slice(0, -1));
    const known = owner && 'entries' in owner ? Object.keys(owner.entries as object) : [];
    return { file, field, message: `is not a field here; the fields are ${known.join(', ')}` };
  }
  if (isObjectIssue && last?.origin === 'key' && issue.input === undefined) {
    const expected = messageOf(schemaAt(root, path)) ?? 'a value';
    return { file, field, message: `expected ${expected}, got nothing (the field is missing)` };
  }
  return { file, field, message: `expected ${issue.message}, got ${describeReceived(issue)}` };
}

/** `actors[1].kind`, `send[0].type`, `input.password`. */
function fieldName(path: readonly v.IssuePathItem[]): string {
  let name = '';
  for (const item of path) {
    const key = item.key as string | number;
    name += typeof key === 'number' ? `[${key}]` : name === '' ? String(key) : `.${String(key)}`;
  }
  return name;
}

/** Walks object entries, array items, records and optionals along an issue path. */
function schemaAt(root: v.GenericSchema, path: readonly v.IssuePathItem[]): v.GenericSchema | undefined {
  let schema: unknown = root;
  for (const item of path) {
    schema = unwrapOptional(schema);
    if (!schema || typeof schema !== 'object') return undefined;
    if ('entries' in schema) schema = (schema.entries as Record<string, unknown>)[String(item.key)];
    else if ('item' in schema) schema = schema.item;
    else if ('value' in schema) schema = schema.value;
    else return undefined;
  }
  return unwrapOptional(schema) as v.GenericSchema | undefined;
}

function unwrapOptional(schema: unknown): unknown {
  let current = schema;
  while (current && typeof current === 'object' && 'type' in current && current.type === 'optional' && 'wrapped' in current)
    current = current.wrapped;
  return current;
}

function messageOf(schema: v.GenericSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const message = (schema as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** A type name when the type is wrong ("got number"), the value when the type is right but the value is not. */
function describeReceived(issue: AnyIssue): string {
  const input = issue.input;
  const valueMatters = issue.kind === 'validation' || issue.type === 'picklist' || issue.type === 'literal';
  if (valueMatters && (typeof input === 'string' || typeof input === 'number')) {
    const shown = JSON.stringify(input);
    return shown.length > 60 ? `${shown.slice(0, 57)}…"` : shown;
  }
  if (valueMatters && Array.isArray(input)) return input.length === 0 ? 'an empty list' : `a list of ${input.length}`;
  return typeName(input);
}

export function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
