/**
 * Share link round trips: every valid state survives encode → decode unchanged, the address the
 * router sees names the same lesson and step, and anything else — random text, a damaged or
 * hostile link — is refused with a sentence saying why, never an exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShareHash, encodeShareHash, isShareHash, SHARE_LIMITS, type ShareState } from '../../../src/lessons/share/link-codec';
import { hashSegments } from '../../../src/ui/router/routes';

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,24}$/);
const stepIndex = fc.nat({ max: SHARE_LIMITS.steps - 1 });
const indexes = fc.uniqueArray(stepIndex, { maxLength: 12 }).map((list) => [...list].sort((a, b) => a - b));
/** Values with every separator the link uses, escapes, and text outside ASCII. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('.', ',', '=', '&', '?', '#', '%', '%2E', '*', '+', ' ', 'a.b,c=d&e', '/lessons/x'),
);
const action = fc.oneof(
  fc.record({ step: stepIndex, input: fc.constant({}) }),
  fc.record({ step: stepIndex, action: id, input: fc.dictionary(id, value, { maxKeys: 4 }) }),
);
const validState: fc.Arbitrary<ShareState> = fc.record({
  lessonId: id,
  stepId: id,
  stepIndex,
  version: fc.integer({ min: 1, max: SHARE_LIMITS.maxVersion }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  completed: indexes,
  log: fc.array(action, { maxLength: 15 }),
  omitted: indexes,
});

describe('share link round trip', () => {
  it('decode(encode(state)) is the state, for every valid state', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const hash = encodeShareHash(state);
        expect(isShareHash(hash)).toBe(true);
        expect(decodeShareHash(hash)).toEqual({ ok: true, state });
      }),
      { numRuns: 400 },
    );
  });

  it('the router reads the same lesson and step from a share link', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(hashSegments(encodeShareHash(state))).toEqual(['lessons', state.lessonId, state.stepId]);
      }),
    );
  });

  it('is short and readable for a typical lesson run', () => {
    const hash = encodeShareHash({
      lessonId: 'key-management', stepId: 'schedule-and-cancel', stepIndex: 4, version: 1, seed: 20260505,
      completed: [0, 1, 2, 3], omitted: [],
      log: [{ step: 1, action: 'switch-key', input: {} }, { step: 1, action: 'switch-key', input: { operation: 'Encrypt' } }, { step: 3, input: {} }],
    });
    expect(hash).toBe(
      '#/lessons/key-management/schedule-and-cancel?share=1&version=1&seed=20260505&at=4&done=1111&log=1.switch-key,1.switch-key.operation=Encrypt,3*&omit=',
    );
  });

  it('refuses to encode a state no link can carry', () => {
    const base = { lessonId: 'a', stepId: 'b', stepIndex: 0, version: 1, seed: 1, completed: [], log: [], omitted: [] };
    expect(() => encodeShareHash({ ...base, lessonId: 'has space' })).toThrow(RangeError);
    expect(() => encodeShareHash({ ...base, seed: -1 })).toThrow(/seed/);
    expect(() => encodeShareHash({ ...base, completed: [2, 1] })).toThrow(/completed/);
    expect(() => encodeShareHash({ ...base, log: [{ step: 0, input: { x: 'y' } }] })).toThrow(/solution/);
  });
});

describe('malformed and hostile links', () => {
  const good = '#/lessons/key-management/schedule-and-cancel?share=1&version=1&seed=20260505&at=4&done=1111&log=1.switch-key&omit=';
  const refused = (hash: string) => {
    const result = decodeShareHash(hash);
    expect(result.ok, hash).toBe(false);
    return result.ok ? '' : result.problem;
  };

  it('never throws on any text, and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = decodeShareHash(text);
        if (!result.ok) expect(result.problem.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when a valid link is damaged anywhere', () => {
    fc.assert(
      fc.property(validState, fc.nat(), fc.string({ maxLength: 6 }), (state, at, junk) => {
        const hash = encodeShareHash(state);
        const cut = at % (hash.length + 1);
        const result = decodeShareHash(hash.slice(0, cut) + junk + hash.slice(cut));
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.problem).toMatch(/\w/);
      }),
      { numRuns: 400 },
    );
  });

  it('says what is wrong', () => {
    expect(decodeShareHash(good).ok).toBe(true);
    expect(refused(good.replace('seed=20260505', 'seed=99999999999'))).toMatch(/seed/);
    expect(refused(good.replace('seed=20260505', 'seed=-4'))).toMatch(/seed/);
    expect(refused(good.replace('version=1', 'version=1&version=2'))).toMatch(/twice/);
    expect(refused(good.replace('done=1111', 'done=11x1'))).toMatch(/0s and 1s/);
    expect(refused(good.replace('log=1.switch-key', 'log=1.switch%E0%A4%A-key'))).toMatch(/escaped/);
    expect(refused(good.replace('log=1.switch-key', 'log=1.switch-key.__proto__=x'))).toMatch(/field name/);
    expect(refused(good.replace('log=1.switch-key', 'log=1.<script>'))).toMatch(/action name/);
    expect(refused(good.replace('log=1.switch-key', 'log=1.switch-key.operation'))).toMatch(/without a value/);
    expect(refused(good.replace('log=1.switch-key', 'log=99.switch-key'))).toMatch(/out of range/);
    expect(refused(good.replace('at=4', 'at=four'))).toMatch(/step index/);
    expect(refused(good.replace('/schedule-and-cancel', ''))).toMatch(/lesson and a step/);
    expect(refused(`${good}&log=${'1.a,'.repeat(3000)}`)).toMatch(/longer than/);
    expect(refused(good.replace('log=1.switch-key', `log=${'1.a,'.repeat(SHARE_LIMITS.logEntries)}1.a`))).toMatch(/more than/);
  });

  it('tells share links from ordinary deep links', () => {
    expect(isShareHash('#/lessons/key-management/schedule-and-cancel')).toBe(false);
    expect(isShareHash('#/lessons/key-management/schedule-and-cancel?shared=1')).toBe(false);
    expect(isShareHash(good)).toBe(true);
  });
});
