/**
 * The embedded lesson's end of the protocol. It listens only to its parent frame at an accepted
 * origin (src/embed/origins.ts), answers `hello` with `ready` once the lesson has loaded, runs
 * commands and replies to each by id, and reports the lesson's events (and, when the host opted
 * in, xAPI statements) to that one origin. Before a `hello` it says nothing: a page that embeds
 * the lesson as a plain iframe never receives a message.
 *
 * Pure TypeScript over two small interfaces (the channel to the parent, the lesson behind it), so
 * the rules are tested in Node; src/ui/embed wires it to window.parent and the lesson player.
 */
import { acceptsOrigin, type OriginPolicy } from './origins';
import {
  createMessage,
  EmbedCommandError,
  parseHostMessage,
  type AnsweredPayload,
  type Command,
  type CompletedPayload,
  type ProtocolError,
  type ReadyPayload,
  type StepChangePayload,
  type XapiAgent,
} from './protocol';
import { answeredStatement, completedStatement, progressedStatement, type XapiContext, type XapiStatement } from './xapi';

export interface ParentChannel {
  /** window.parent.postMessage(message, targetOrigin): always an exact origin. */
  post(message: unknown, targetOrigin: string): void;
  /** The message came from the parent frame (not a sibling frame, a popup or this page). */
  isParent(source: unknown): boolean;
}

/** The lesson behind the bridge, as the embed app runs it. */
export interface EmbeddedLesson {
  /** The `ready` payload, once the lesson has loaded. */
  describe(): ReadyPayload | undefined;
  /** The step shown now (walkthrough), sent after `ready` so the host starts in step. */
  currentStep(): { step: StepChangePayload; completedCount: number } | undefined;
  /** Runs one command; throws EmbedCommandError (or any error, reported as `failed`). */
  run(command: Command): Promise<unknown>;
}

export interface IncomingMessage {
  data: unknown;
  origin: string;
  source: unknown;
}

export class FrameBridge {
  /** The origin that said hello: every message goes there and nowhere else. */
  #host: string | undefined;
  #helloPending = false;
  #announced = false;
  #actor: XapiAgent | undefined;
  #height: number | undefined;
  #sentHeight: number | undefined;
  #loadError: ProtocolError | undefined;

  constructor(
    private readonly policy: OriginPolicy,
    private readonly channel: ParentChannel,
    private readonly lesson: EmbeddedLesson,
    /** Where xAPI activity ids point: the site's folder URL. */
    private readonly siteUrl: string,
  ) {}

  /** Feed every `message` event of the window here. */
  receive(event: IncomingMessage): void {
    if (!this.channel.isParent(event.source) || !acceptsOrigin(this.policy, event.origin)) return;
    const parsed = parseHostMessage(event.data);
    if (parsed.kind === 'foreign') return;
    if (parsed.kind === 'rejected') {
      this.#post(event.origin, { type: 'error', ...(parsed.replyTo ? { replyTo: parsed.replyTo } : {}), payload: parsed.error });
      return;
    }
    const message = parsed.message;
    this.#host = event.origin;
    if (message.type === 'hello') {
      this.#actor = message.payload.xapi?.actor;
      this.#helloPending = true;
      this.lessonReady();
      return;
    }
    void this.#runCommand(message.id, message.payload);
  }

  /** Call when the lesson has loaded (and again after it changes): answers a waiting hello. */
  lessonReady(): void {
    const description = this.lesson.describe();
    if (!this.#helloPending || !this.#host) return;
    if (!description) {
      if (this.#loadError) this.#post(this.#host, { type: 'error', payload: this.#loadError });
      return;
    }
    this.#helloPending = false;
    this.#announced = true;
    this.#post(this.#host, { type: 'ready', payload: description });
    if (this.#height !== undefined) this.#sendHeight();
    const current = this.lesson.currentStep();
    if (current) this.stepChanged(current.step, current.completedCount);
  }

  /** The lesson cannot be loaded: a hello is answered with this `error` instead of `ready`. */
  lessonFailed(error: ProtocolError): void {
    this.#loadError = error;
    this.lessonReady();
  }

  /** The content's height in CSS pixels; sent when it changes, once the host has said hello. */
  reportHeight(height: number): void {
    this.#height = Math.ceil(height);
    if (this.#announced) this.#sendHeight();
  }

  stepChanged(step: StepChangePayload, completedCount: number): void {
    this.#event({ type: 'stepchange', payload: step }, (ctx) => progressedStatement(ctx, step, completedCount));
  }

  answered(answer: AnsweredPayload): void {
    this.#event({ type: 'answered', payload: answer }, (ctx) => answeredStatement(ctx, answer));
  }

  completed(done: CompletedPayload): void {
    this.#event({ type: 'completed', payload: done }, (ctx) => completedStatement(ctx, done));
  }

  /** Something went wrong inside the lesson that the host should know about (the prose still shows). */
  failed(error: ProtocolError): void {
    if (this.#announced && this.#host) this.#post(this.#host, { type: 'error', payload: error });
  }

  #event(message: { type: string; payload: unknown }, statement: (ctx: XapiContext) => XapiStatement): void {
    if (!this.#announced || !this.#host) return;
    this.#post(this.#host, message);
    const description = this.lesson.describe();
    if (this.#actor && description) {
      const ctx: XapiContext = { actor: this.#actor, siteUrl: this.siteUrl, lessonTitle: description.title };
      this.#post(this.#host, { type: 'xapi', payload: { statement: statement(ctx) } });
    }
  }

  #sendHeight(): void {
    if (!this.#host || this.#height === undefined || this.#height === this.#sentHeight) return;
    this.#sentHeight = this.#height;
    this.#post(this.#host, { type: 'resize', payload: { height: this.#height } });
  }

  async #runCommand(id: string, command: Command): Promise<void> {
    const origin = this.#host;
    if (!origin) return;
    try {
      const result = await this.lesson.run(command);
      this.#post(origin, { type: 'reply', replyTo: id, payload: { ok: true, ...(result === undefined ? {} : { result }) } });
    } catch (error) {
      const payload: ProtocolError =
        error instanceof EmbedCommandError
          ? { code: error.code, message: error.message }
          : { code: 'failed', message: error instanceof Error ? error.message : String(error) };
      this.#post(origin, { type: 'reply', replyTo: id, payload: { ok: false, error: payload } });
    }
  }

  #post(origin: string, message: { type: string; payload: unknown; replyTo?: string }): void {
    this.channel.post(createMessage(message), origin);
  }
}
