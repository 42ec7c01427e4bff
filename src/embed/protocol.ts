/**
 * The embed protocol, defined once for both ends: the `<kms-lesson>` loader in the host page
 * (src/embed/loader.ts) and the embedded lesson (src/embed/frame-bridge.ts).
 *
 * Every message is postMessage JSON `{ ns: 'kms-lab', v: 1, type, id?, replyTo?, payload }`.
 * Messages whose `ns` is not ours are someone else's (another library on the same page) and are
 * ignored silently; ours with another `v`, an unknown `type` or a payload of the wrong shape are
 * rejected, and the receiver answers them with an `error` message (see `parseHostMessage`).
 * Nothing in a message is ever HTML or code: only ids, numbers and plain strings.
 */
import * as v from 'valibot';

export const PROTOCOL_NS = 'kms-lab';
export const PROTOCOL_VERSION = 1;

export const EMBED_MODES = ['walkthrough', 'sandbox', 'quiz'] as const;
export type EmbedMode = (typeof EMBED_MODES)[number];
export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const EMBED_CONTROLS = ['full', 'minimal', 'none'] as const;
export type EmbedControls = (typeof EMBED_CONTROLS)[number];

/** Why a message or a command failed; the `code` of `error` messages and of failed replies. */
export type ErrorCode =
  | 'unsupported-version' // `v` is not one this side speaks
  | 'malformed' // ours, but the type or the payload has the wrong shape
  | 'bad-state' // setState: not a state of this lesson (another lesson or version, an unknown step)
  | 'unknown-step' // goTo: the lesson has no such step
  | 'not-in-this-mode' // a step command in quiz or sandbox mode
  | 'popup-blocked' // openPresenter: the browser refused to open the tab
  | 'timeout' // the loader waited too long for a reply
  | 'failed'; // the lesson could not do it (its message says why)

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

/** Thrown by command handlers; its code and message travel back in the reply. */
export class EmbedCommandError extends Error implements ProtocolError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Pieces

const shortText = v.pipe(v.string(), v.maxLength(200));
const messageId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const stepRef = v.object({ id: shortText, title: shortText });

/** An xAPI Agent with exactly one inverse functional identifier (xAPI 1.0.3 §2.4.2.1). */
export const XapiAgentSchema = v.pipe(
  v.object({
    objectType: v.optional(v.literal('Agent')),
    name: v.optional(shortText),
    mbox: v.optional(v.pipe(v.string(), v.regex(/^mailto:[^@\s]+@[^@\s]+$/))),
    mbox_sha1sum: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{40}$/))),
    openid: v.optional(v.pipe(v.string(), v.url())),
    account: v.optional(v.object({ homePage: v.pipe(v.string(), v.url()), name: shortText })),
  }),
  v.check(
    (agent) => [agent.mbox, agent.mbox_sha1sum, agent.openid, agent.account].filter((id) => id !== undefined).length === 1,
    'an xAPI agent needs exactly one of mbox, mbox_sha1sum, openid or account',
  ),
);
export type XapiAgent = v.InferOutput<typeof XapiAgentSchema>;

// ---------------------------------------------------------------------------------------------
// Host → lesson

export const CommandSchema = v.variant('name', [
  v.object({ name: v.picklist(['next', 'prev', 'reset', 'getState', 'openPresenter']), args: v.optional(v.strictTuple([])) }),
  v.object({ name: v.literal('goTo'), args: v.strictTuple([shortText]) }),
  // The state itself is checked against the lesson by the lesson (src/embed/embed-state.ts).
  v.object({ name: v.literal('setState'), args: v.strictTuple([v.unknown()]) }),
  v.object({ name: v.literal('setTheme'), args: v.strictTuple([v.picklist(EMBED_THEMES)]) }),
]);
export type Command = v.InferOutput<typeof CommandSchema>;
export type CommandName = Command['name'];

const hostPayloads = v.variant('type', [
  v.object({
    type: v.literal('hello'),
    // Opt in to xAPI statements by naming the learner (the host knows who is signed in; the lesson does not).
    payload: v.optional(v.object({ xapi: v.optional(v.object({ actor: XapiAgentSchema })) }), {}),
  }),
  v.object({ type: v.literal('command'), id: messageId, payload: CommandSchema }),
]);

// ---------------------------------------------------------------------------------------------
// Lesson → host

export const ReadyPayloadSchema = v.object({
  protocol: v.literal(PROTOCOL_VERSION),
  lessonId: shortText,
  lessonVersion: v.number(),
  title: shortText,
  mode: v.picklist(EMBED_MODES),
  modes: v.array(v.picklist(EMBED_MODES)),
  steps: v.array(stepRef),
});
export type ReadyPayload = v.InferOutput<typeof ReadyPayloadSchema>;

export const StepChangePayloadSchema = v.object({
  lessonId: shortText,
  stepId: shortText,
  title: shortText,
  index: v.number(),
  total: v.number(),
  /** This step is complete (a narration step as soon as it is shown; a hands-on step once its check holds). */
  completed: v.boolean(),
});
export type StepChangePayload = v.InferOutput<typeof StepChangePayloadSchema>;

export const AnsweredPayloadSchema = v.object({
  lessonId: shortText,
  questionId: shortText,
  /** The step that teaches the question: what it assesses. */
  objective: v.optional(shortText),
  correct: v.boolean(),
  score: v.number(),
  maxScore: v.number(),
  attempt: v.number(),
});
export type AnsweredPayload = v.InferOutput<typeof AnsweredPayloadSchema>;

export const CompletedPayloadSchema = v.object({
  lessonId: shortText,
  lessonVersion: v.number(),
  /** walkthrough: every step completed (score = steps); quiz: the quiz graded (score = points). */
  kind: v.picklist(['walkthrough', 'quiz']),
  score: v.number(),
  maxScore: v.number(),
  durationMs: v.number(),
});
export type CompletedPayload = v.InferOutput<typeof CompletedPayloadSchema>;

const errorPayload = v.object({ code: shortText, message: v.string() });

const lessonPayloads = v.variant('type', [
  v.object({ type: v.literal('ready'), payload: ReadyPayloadSchema }),
  v.object({ type: v.literal('resize'), payload: v.object({ height: v.pipe(v.number(), v.minValue(0)) }) }),
  v.object({
    type: v.literal('reply'),
    replyTo: messageId,
    payload: v.variant('ok', [
      v.object({ ok: v.literal(true), result: v.optional(v.unknown()) }),
      v.object({ ok: v.literal(false), error: errorPayload }),
    ]),
  }),
  v.object({ type: v.literal('stepchange'), payload: StepChangePayloadSchema }),
  v.object({ type: v.literal('answered'), payload: AnsweredPayloadSchema }),
  v.object({ type: v.literal('completed'), payload: CompletedPayloadSchema }),
  v.object({ type: v.literal('error'), replyTo: v.optional(messageId), payload: errorPayload }),
  // A ready-made xAPI statement (src/embed/xapi.ts) for the host to send to its learning record store.
  v.object({ type: v.literal('xapi'), payload: v.object({ statement: v.record(v.string(), v.unknown()) }) }),
]);

type Envelope = { ns: typeof PROTOCOL_NS; v: typeof PROTOCOL_VERSION; id?: string; replyTo?: string };
export type HostMessage = Envelope & v.InferOutput<typeof hostPayloads>;
export type LessonMessage = Envelope & v.InferOutput<typeof lessonPayloads>;
export type LessonMessageType = LessonMessage['type'];
/** The payload of each lesson → host message type. */
export type LessonPayload<T extends LessonMessageType> = Extract<LessonMessage, { type: T }>['payload'];

// ---------------------------------------------------------------------------------------------
// Reading and writing messages

export type Parsed<M> =
  | { kind: 'message'; message: M }
  /** Not a kms-lab message at all: ignore it without a word. */
  | { kind: 'foreign' }
  /** Ours but unusable: answer with an `error` (replying to its id when it had one). */
  | { kind: 'rejected'; error: ProtocolError; replyTo?: string };

function parseWith<M>(schema: v.GenericSchema<unknown, unknown>, data: unknown): Parsed<M> {
  if (typeof data !== 'object' || data === null || (data as { ns?: unknown }).ns !== PROTOCOL_NS) {
    return { kind: 'foreign' };
  }
  const raw = data as { v?: unknown; id?: unknown; type?: unknown };
  const replyTo = typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : undefined;
  const withReply = replyTo === undefined ? {} : { replyTo };
  if (raw.v !== PROTOCOL_VERSION) {
    return {
      kind: 'rejected',
      error: { code: 'unsupported-version', message: `protocol version ${String(raw.v)} is not supported (this side speaks ${PROTOCOL_VERSION})` },
      ...withReply,
    };
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    return {
      kind: 'rejected',
      error: { code: 'malformed', message: `a "${String(raw.type)}" message was not understood${where ? ` at ${where}` : ''}: ${issue.message}` },
      ...withReply,
    };
  }
  // Only what the schema knows survives: extra fields a sender added are dropped here.
  return { kind: 'message', message: { ns: PROTOCOL_NS, v: PROTOCOL_VERSION, ...(result.output as object) } as M };
}

/** What the lesson makes of a message from the host. */
export const parseHostMessage = (data: unknown): Parsed<HostMessage> => parseWith<HostMessage>(hostPayloads, data);

/** What the loader makes of a message from the lesson. */
export const parseLessonMessage = (data: unknown): Parsed<LessonMessage> => parseWith<LessonMessage>(lessonPayloads, data);

/** A message ready for postMessage (plain JSON: it survives structured cloning unchanged). */
export function createMessage<M extends { type: string; payload?: unknown; id?: string; replyTo?: string }>(
  message: M,
): M & { ns: typeof PROTOCOL_NS; v: typeof PROTOCOL_VERSION } {
  return { ns: PROTOCOL_NS, v: PROTOCOL_VERSION, ...message };
}
