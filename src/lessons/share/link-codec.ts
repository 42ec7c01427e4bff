/**
 * Share links: a learner's place in a lesson carried in the URL hash, so the server never sees it
 * and no request-length limit applies. This file is the structural half: a ShareState to and from
 * the hash, checking shape and size only. Whether the state fits a lesson (its steps, actions and
 * choices) is ./share-plan.ts's job.
 *
 *   #/lessons/<lesson>/<step>?share=1&version=<n>&seed=<n>&at=<step index>&done=<bits>&log=<entries>&omit=<indexes>
 *
 *   done   completed steps as a bit string, step 0 first ("1101": steps 0, 1 and 3)
 *   log    entries joined by ",", oldest first:
 *            <step>.<action>[.<field>=<value>]…   a learner action; fields left at their default are not written
 *            <step>*                              the step's stored solution, played on the learner's behalf
 *          every token is percent-encoded, "." included, so the separators never occur inside one
 *   omit   indexes of steps where the learner typed something the link leaves out, joined by "."
 *   at     the step's index, so a link from another version of the lesson can open at the nearest step
 *
 *   encodeShareHash(state) → string          (throws RangeError on a state no link can carry)
 *   decodeShareHash(hash) → { ok: true, state } | { ok: false, problem }   never throws
 *   isShareHash(hash)                         the hash is a share link (it may still be malformed)
 */
import { SHARE_MARKER } from './share-marker';

export interface SharedAction {
  step: number;
  /** The scenario action's name, or undefined for the step's stored solution. */
  action?: string;
  /** Field values that differ from the field's default. */
  input: Record<string, string>;
}

export interface ShareState {
  lessonId: string;
  stepId: string;
  /** Index of `stepId` in the version the link was made from. */
  stepIndex: number;
  /** The lesson's `version` when the link was made. */
  version: number;
  seed: number;
  /** Completed step indexes, ascending, no repeats. */
  completed: number[];
  log: SharedAction[];
  /** Step indexes where something the learner typed was left out, ascending, no repeats. */
  omitted: number[];
}

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; problem: string };

/** Bounds that keep a hostile link from costing anything: a lesson has a handful of steps and actions. */
export const SHARE_LIMITS = {
  hashChars: 8000,
  steps: 64,
  logEntries: 300,
  fieldsPerAction: 12,
  valueChars: 500,
  maxVersion: 1_000_000,
} as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
// The marker check lives in its own tiny module so the lesson page need not load this codec to use it.
export { isShareHash } from './share-marker';

/** encodeURIComponent leaves "." alone; the link uses it as a separator, so it is escaped too. */
function token(text: string): string {
  return encodeURIComponent(text).replace(/\./g, '%2E').replace(/\*/g, '%2A');
}

function bits(indexes: readonly number[]): string {
  if (indexes.length === 0) return '';
  const out = new Array<string>(Math.max(...indexes) + 1).fill('0');
  for (const index of indexes) out[index] = '1';
  return out.join('');
}

function entry(action: SharedAction): string {
  if (action.action === undefined) return `${action.step}*`;
  const fields = Object.entries(action.input).map(([name, value]) => `.${token(name)}=${token(value)}`);
  return `${action.step}.${token(action.action)}${fields.join('')}`;
}

export function encodeShareHash(state: ShareState): string {
  const problem = stateProblem(state);
  if (problem) throw new RangeError(`this state cannot be shared: ${problem}`);
  const query = [
    SHARE_MARKER,
    `version=${state.version}`,
    `seed=${state.seed}`,
    `at=${state.stepIndex}`,
    `done=${bits(state.completed)}`,
    `log=${state.log.map(entry).join(',')}`,
    `omit=${state.omitted.join('.')}`,
  ].join('&');
  const hash = `#/lessons/${token(state.lessonId)}/${token(state.stepId)}?${query}`;
  if (hash.length > SHARE_LIMITS.hashChars) throw new RangeError(`this state needs more than ${SHARE_LIMITS.hashChars} characters`);
  return hash;
}

export function decodeShareHash(hash: string): DecodeResult {
  try {
    const state = parse(hash);
    const problem = stateProblem(state);
    return problem ? { ok: false, problem } : { ok: true, state };
  } catch (error) {
    return { ok: false, problem: error instanceof ShareSyntaxError ? error.message : 'the link is not readable' };
  }
}

class ShareSyntaxError extends Error {}

function fail(message: string): never {
  throw new ShareSyntaxError(message);
}

function decodeToken(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail(`${what} is not correctly escaped`);
  }
}

function whole(text: string | undefined, what: string): number {
  if (text === undefined || !DECIMAL.test(text)) fail(`${what} is not a whole number`);
  return Number(text);
}

function parse(hash: string): ShareState {
  if (hash.length > SHARE_LIMITS.hashChars) fail(`the link is longer than ${SHARE_LIMITS.hashChars} characters`);
  const [path = '', ...rest] = hash.replace(/^#/, '').split('?');
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length !== 3 || segments[0] !== 'lessons') fail('the link does not name a lesson and a step');
  const params = new Map<string, string>();
  for (const pair of rest.join('?').split('&')) {
    const at = pair.indexOf('=');
    const key = at === -1 ? pair : pair.slice(0, at);
    if (params.has(key)) fail(`the link says "${key}" twice`);
    params.set(key, at === -1 ? '' : pair.slice(at + 1));
  }
  if (params.get('share') !== '1') fail('the link is not a share link');
  const done = params.get('done') ?? '';
  if (!/^[01]*$/.test(done)) fail('the completed steps are not a string of 0s and 1s');
  return {
    lessonId: decodeToken(segments[1], 'the lesson id'),
    stepId: decodeToken(segments[2], 'the step id'),
    stepIndex: whole(params.get('at'), 'the step index'),
    version: whole(params.get('version'), 'the lesson version'),
    seed: whole(params.get('seed'), 'the seed'),
    completed: [...done].flatMap((bit, index) => (bit === '1' ? [index] : [])),
    log: parseLog(params.get('log') ?? ''),
    omitted: (params.get('omit') ?? '') === '' ? [] : (params.get('omit') ?? '').split('.').map((text) => whole(text, 'a step left out')),
  };
}

function parseLog(text: string): SharedAction[] {
  if (text === '') return [];
  const entries = text.split(',');
  if (entries.length > SHARE_LIMITS.logEntries) fail(`the log has more than ${SHARE_LIMITS.logEntries} entries`);
  return entries.map((raw) => {
    const solution = /^([0-9]+)\*$/.exec(raw);
    if (solution) return { step: whole(solution[1], 'a logged step'), input: {} };
    const [step, name, ...fields] = raw.split('.');
    if (name === undefined) fail(`the log entry "${raw.slice(0, 40)}" names no action`);
    const input: Record<string, string> = {};
    for (const field of fields) {
      const at = field.indexOf('=');
      if (at === -1) fail(`the log entry "${raw.slice(0, 40)}" has a field without a value`);
      const key = decodeToken(field.slice(0, at), 'a field name');
      if (!ID.test(key)) fail(`"${key.slice(0, 40)}" is not a field name`);
      if (Object.hasOwn(input, key)) fail(`the log entry "${raw.slice(0, 40)}" gives "${key}" twice`);
      input[key] = decodeToken(field.slice(at + 1), 'a field value');
    }
    return { step: whole(step, 'a logged step'), action: decodeToken(name, 'an action name'), input };
  });
}

function ascendingUnique(indexes: readonly number[]): boolean {
  return indexes.every((index, i) => i === 0 || index > indexes[i - 1]);
}

/** What makes a state impossible to carry, or undefined when it is a valid state. */
function stateProblem(state: ShareState): string | undefined {
  const stepIndex = (n: number) => Number.isInteger(n) && n >= 0 && n < SHARE_LIMITS.steps;
  if (!ID.test(state.lessonId)) return 'the lesson id is not a lesson id';
  if (!ID.test(state.stepId)) return 'the step id is not a step id';
  if (!stepIndex(state.stepIndex)) return 'the step index is out of range';
  if (!Number.isInteger(state.version) || state.version < 1 || state.version > SHARE_LIMITS.maxVersion) return 'the lesson version is out of range';
  if (!Number.isInteger(state.seed) || state.seed < 0 || state.seed > 0xffffffff) return 'the seed is not between 0 and 4294967295';
  if (!state.completed.every(stepIndex) || !ascendingUnique(state.completed)) return 'the completed steps are out of range';
  if (!state.omitted.every(stepIndex) || !ascendingUnique(state.omitted)) return 'the steps left out are out of range';
  if (state.log.length > SHARE_LIMITS.logEntries) return `the log has more than ${SHARE_LIMITS.logEntries} entries`;
  for (const action of state.log) {
    if (!stepIndex(action.step)) return 'a logged step is out of range';
    if (action.action === undefined) {
      if (Object.keys(action.input).length > 0) return 'a stored solution carries input';
      continue;
    }
    if (!ID.test(action.action)) return `"${action.action.slice(0, 40)}" is not an action name`;
    const fields = Object.entries(action.input);
    if (fields.length > SHARE_LIMITS.fieldsPerAction) return 'an action has too many fields';
    for (const [name, value] of fields) {
      if (!ID.test(name)) return `"${name.slice(0, 40)}" is not a field name`;
      if (value.length > SHARE_LIMITS.valueChars) return `a value is longer than ${SHARE_LIMITS.valueChars} characters`;
    }
  }
  return undefined;
}
