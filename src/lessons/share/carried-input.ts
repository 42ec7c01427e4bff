/**
 * What of a learner action's input a share link may carry. A link carries only what the learner
 * chose from the lesson's own list (a select field's option) or left as the lesson set it (the
 * field's default); anything typed — free text, a number, a file, a terminal line — never leaves
 * the page, so an action with a typed value is left out of the link altogether.
 *
 *   fieldDefault(field)                    the value a fresh form starts with (as the action form does)
 *   carriedInput(spec, input) → Record | undefined   the values worth writing (defaults dropped), or
 *                                          undefined when the action holds a typed value
 *   restoredInput(spec, carried) → Record | string   the full input again, or what is wrong with it
 */
import type { ActionField, LearnerActionSpec } from '../types';

export function fieldDefault(field: ActionField): string {
  return field.default ?? field.options?.[0]?.value ?? '';
}

function isOffered(field: ActionField, value: string): boolean {
  return field.kind === 'select' && (field.options ?? []).some((option) => option.value === value);
}

export function carriedInput(spec: LearnerActionSpec, input: Readonly<Record<string, string>> = {}): Record<string, string> | undefined {
  const fields = spec.fields ?? [];
  const carried: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) return undefined; // not a field of the form: nothing says where it came from
    if (value === fieldDefault(field)) continue;
    if (!isOffered(field, value)) return undefined;
    carried[name] = value;
  }
  return carried;
}

export function restoredInput(spec: LearnerActionSpec, carried: Readonly<Record<string, string>>): Record<string, string> | string {
  const fields = spec.fields ?? [];
  for (const [name, value] of Object.entries(carried)) {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) return `the action "${spec.label}" has no field "${name}"`;
    // Only choices from the lesson's own list are accepted: a link never puts its own words in the world.
    if (!isOffered(field, value)) return `“${value.slice(0, 40)}” is not one of the choices of “${field.label}”`;
  }
  return Object.fromEntries(fields.map((field) => [field.name, carried[field.name] ?? fieldDefault(field)]));
}
