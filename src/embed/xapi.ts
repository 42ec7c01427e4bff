/**
 * xAPI statements (xAPI 1.0.3) for the events an embedded lesson reports, built as data for the
 * host to send to its learning record store (the lesson itself never sends anything anywhere).
 * Verbs come from ADL's vocabulary; activity ids are the lesson's and step's own deep links in
 * the site, so an LRS report links back to the exact step.
 */
import type { AnsweredPayload, CompletedPayload, StepChangePayload, XapiAgent } from './protocol';

export const ADL_VERBS = {
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

const ACTIVITY_TYPES = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  module: 'http://adlnet.gov/expapi/activities/module',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** cmi5's progress extension: a whole percentage (0–100). */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

const LANG = 'en-US';

export interface XapiContext {
  actor: XapiAgent;
  /** The site's address (the folder of its index.html), e.g. "https://course.example/kms-lab/". */
  siteUrl: string;
  lessonTitle: string;
  /** Ids are random UUIDs in the browser; tests pass a fixed one. */
  newId?: () => string;
  now?: () => Date;
}

/** Minimal xAPI statement shape: the fields these statements use. */
export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition: { name: Record<string, string>; type: string; interactionType?: string } };
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context?: { contextActivities: { parent: { objectType: 'Activity'; id: string }[] } };
  timestamp: string;
}

/** `#/lessons/<id>[/<step>]` of the site, the same deep link a learner opens. */
export function activityId(siteUrl: string, lessonId: string, stepId?: string): string {
  const path = ['lessons', lessonId, ...(stepId === undefined ? [] : [stepId])].map(encodeURIComponent).join('/');
  return `${siteUrl.replace(/#.*$/, '')}#/${path}`;
}

/** ISO 8601 duration in seconds with centisecond precision (xAPI's recommended form): PT75.3S. */
export function isoDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 10) / 100);
  return `PT${seconds}S`;
}

function scoreOf(score: number, max: number): { scaled: number; raw: number; min: number; max: number } {
  return { scaled: max > 0 ? Math.round((score / max) * 10_000) / 10_000 : 0, raw: score, min: 0, max };
}

function statement(
  ctx: XapiContext,
  verb: keyof typeof ADL_VERBS,
  object: XapiStatement['object'],
  rest: Pick<XapiStatement, 'result' | 'context'>,
): XapiStatement {
  return {
    id: (ctx.newId ?? (() => crypto.randomUUID()))(),
    actor: ctx.actor,
    verb: { id: ADL_VERBS[verb], display: { [LANG]: verb } },
    object,
    ...rest,
    timestamp: (ctx.now ?? (() => new Date()))().toISOString(),
  };
}

function lessonActivity(ctx: XapiContext, lessonId: string): XapiStatement['object'] {
  return {
    objectType: 'Activity',
    id: activityId(ctx.siteUrl, lessonId),
    definition: { name: { [LANG]: ctx.lessonTitle }, type: ACTIVITY_TYPES.lesson },
  };
}

function inLesson(ctx: XapiContext, lessonId: string): XapiStatement['context'] {
  return { contextActivities: { parent: [{ objectType: 'Activity', id: activityId(ctx.siteUrl, lessonId) }] } };
}

/** The learner reached a step: progressed in the lesson, with how far as a percentage of its steps. */
export function progressedStatement(ctx: XapiContext, step: StepChangePayload, completedCount: number): XapiStatement {
  return statement(
    ctx,
    'progressed',
    {
      objectType: 'Activity',
      id: activityId(ctx.siteUrl, step.lessonId, step.stepId),
      definition: { name: { [LANG]: step.title }, type: ACTIVITY_TYPES.module },
    },
    {
      result: { completion: step.completed, extensions: { [PROGRESS_EXTENSION]: Math.round((completedCount / Math.max(1, step.total)) * 100) } },
      context: inLesson(ctx, step.lessonId),
    },
  );
}

/** The learner answered one quiz question (a choice interaction), graded by the engine. */
export function answeredStatement(ctx: XapiContext, answer: AnsweredPayload): XapiStatement {
  return statement(
    ctx,
    'answered',
    {
      objectType: 'Activity',
      id: `${activityId(ctx.siteUrl, answer.lessonId)}/quiz/${encodeURIComponent(answer.questionId)}`,
      definition: { name: { [LANG]: `Question ${answer.questionId}` }, type: ACTIVITY_TYPES.question, interactionType: 'choice' },
    },
    {
      result: { score: scoreOf(answer.score, answer.maxScore), success: answer.correct },
      context: inLesson(ctx, answer.lessonId),
    },
  );
}

/** The learner completed the lesson's steps, or its quiz (no `success`: the lessons set no pass mark). */
export function completedStatement(ctx: XapiContext, done: CompletedPayload): XapiStatement {
  return statement(ctx, 'completed', lessonActivity(ctx, done.lessonId), {
    result: {
      completion: true,
      score: scoreOf(done.score, done.maxScore),
      duration: isoDuration(done.durationMs),
    },
  });
}
