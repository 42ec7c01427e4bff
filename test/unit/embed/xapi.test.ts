/**
 * The statements are checked against the xAPI 1.0.3 rules they must meet (written here from the
 * specification, independently of the code that builds them): UUID ids, one agent identifier,
 * IRI verbs and activity ids, a scaled score in [-1, 1] with raw between min and max, ISO 8601
 * duration and timestamp.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { activityId, ADL_VERBS, answeredStatement, completedStatement, isoDuration, progressedStatement, PROGRESS_EXTENSION } from '../../../src/embed/xapi';

const iri = v.pipe(v.string(), v.check((s) => { try { return new URL(s).protocol.length > 1; } catch { return false; } }, 'an absolute IRI'));
const languageMap = v.pipe(v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)), v.string()), v.check((m) => Object.keys(m).length > 0));
const statementSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  actor: v.pipe(
    v.record(v.string(), v.unknown()),
    v.check((a) => ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in a).length === 1, 'exactly one identifier'),
  ),
  verb: v.strictObject({ id: v.picklist(Object.values(ADL_VERBS)), display: languageMap }),
  object: v.strictObject({
    objectType: v.literal('Activity'),
    id: iri,
    definition: v.strictObject({ name: languageMap, type: iri, interactionType: v.optional(v.picklist(['choice', 'sequencing'])) }),
  }),
  result: v.optional(
    v.strictObject({
      score: v.optional(
        v.pipe(
          v.strictObject({ scaled: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)), raw: v.number(), min: v.number(), max: v.number() }),
          v.check((s) => s.min <= s.raw && s.raw <= s.max && s.min < s.max, 'min ≤ raw ≤ max'),
        ),
      ),
      success: v.optional(v.boolean()),
      completion: v.optional(v.boolean()),
      duration: v.optional(v.pipe(v.string(), v.regex(/^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/))),
      extensions: v.optional(v.record(iri, v.unknown())),
    }),
  ),
  context: v.optional(v.strictObject({ contextActivities: v.strictObject({ parent: v.array(v.strictObject({ objectType: v.literal('Activity'), id: iri })) }) })),
  timestamp: v.pipe(v.string(), v.isoTimestamp()),
});

const ctx = {
  actor: { account: { homePage: 'https://lms.example', name: 'learner-7' } },
  siteUrl: 'https://course.example/kms-lab/',
  lessonTitle: 'Encryption in flight',
  newId: () => '6f1c8a2e-4b7d-4c1a-9e3f-2a5b6c7d8e9f',
  now: () => new Date('2026-11-29T03:00:00.000Z'),
};

function expectValid(statement: unknown): void {
  const result = v.safeParse(statementSchema, statement);
  expect(result.issues?.map((issue) => `${issue.path?.map((p) => p.key).join('.')}: ${issue.message}`) ?? []).toEqual([]);
}

describe('statements', () => {
  it('progressed: the step as the object, in its lesson, with the progress percentage', () => {
    const statement = progressedStatement(ctx, { lessonId: 'encryption-in-flight', stepId: 'tls-handshake', title: 'The TLS handshake', index: 2, total: 8, completed: true }, 3);
    expectValid(statement);
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/progressed');
    expect(statement.object.id).toBe('https://course.example/kms-lab/#/lessons/encryption-in-flight/tls-handshake');
    expect(statement.context?.contextActivities.parent[0]?.id).toBe('https://course.example/kms-lab/#/lessons/encryption-in-flight');
    expect(statement.result?.extensions?.[PROGRESS_EXTENSION]).toBe(38);
    expect(statement.timestamp).toBe('2026-11-29T03:00:00.000Z');
  });

  it('answered: a choice interaction with the engine\'s score and verdict', () => {
    const statement = answeredStatement(ctx, { lessonId: 'encryption-in-flight', questionId: 'q-handshake', objective: 'tls-handshake', correct: false, score: 0, maxScore: 1, attempt: 2 });
    expectValid(statement);
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(statement.result).toMatchObject({ success: false, score: { scaled: 0, raw: 0, min: 0, max: 1 } });
    expect(statement.object.definition.interactionType).toBe('choice');
  });

  it('completed: the lesson, with the score and how long it took', () => {
    const statement = completedStatement(ctx, { lessonId: 'encryption-in-flight', lessonVersion: 1, kind: 'quiz', score: 7, maxScore: 9, durationMs: 754_321 });
    expectValid(statement);
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statement.object.id).toBe('https://course.example/kms-lab/#/lessons/encryption-in-flight');
    expect(statement.result).toMatchObject({ completion: true, duration: 'PT754.32S', score: { scaled: 0.7778, raw: 7, max: 9 } });
  });

  it('uses a fresh random UUID for each statement by default', () => {
    const { newId: _unused, ...random } = ctx;
    const done = { lessonId: 'l', lessonVersion: 1, kind: 'walkthrough' as const, score: 2, maxScore: 2, durationMs: 10 };
    const [a, b] = [completedStatement(random, done), completedStatement(random, done)];
    expectValid(a);
    expect(a.id).not.toBe(b.id);
  });
});

it('activity ids escape the lesson and step ids', () => {
  expect(activityId('https://x.example/a/', 'my lesson', 'step/1')).toBe('https://x.example/a/#/lessons/my%20lesson/step%2F1');
});

it('isoDuration writes seconds with centiseconds', () => {
  expect(isoDuration(0)).toBe('PT0S');
  expect(isoDuration(1234)).toBe('PT1.23S');
  expect(isoDuration(-5)).toBe('PT0S');
});
