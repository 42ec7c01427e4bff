/**
 * embed.js: the `<kms-lesson>` element for course sites. No framework, a few kilobytes.
 *
 *   <script src="https://site/kms-lab/embed.js"></script>
 *   <kms-lesson lesson="key-management" step="create-key" mode="walkthrough" theme="auto"></kms-lesson>
 *
 * It creates the iframe (embed.html of the same site, found from this script's own address or the
 * `site` attribute), says hello, sizes the iframe to the lesson's content, re-dispatches the
 * lesson's messages as DOM events (`ready`, `stepchange`, `answered`, `completed`, `error`, `xapi`;
 * the payload is `event.detail`), and offers promise-returning methods. It listens only to its own
 * iframe at the site's origin and sends only to that origin.
 */
import { embedUrl, presenterUrl } from './embed-url';
import { createMessage, parseLessonMessage, type Command, type EmbedTheme, type ReadyPayload, type XapiAgent } from './protocol';

/** The site folder this script was loaded from (a classic script knows its own address while it runs). */
const scriptSite = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL('./', src).href : undefined;
})();

const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_HEIGHT_PX = 480;

/** Why a method's promise was rejected: the lesson's error code (or `timeout`) and its message. */
export class KmsLessonError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KmsLessonError';
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: KmsLessonError): void;
  timer: ReturnType<typeof setTimeout>;
}

export class KmsLessonElement extends HTMLElement {
  static observedAttributes = ['lesson', 'step', 'mode', 'theme', 'controls', 'site', 'title'];

  #frame: HTMLIFrameElement | undefined;
  #site = '';
  #origin = '';
  #pending = new Map<string, Pending>();
  #sequence = 0;
  #ready: ReadyPayload | undefined;
  #waiting: (() => void)[] = [];
  #stepId: string | undefined;
  #actor: XapiAgent | undefined;

  /** Set to receive xAPI statements (as `xapi` events) for this learner; the host forwards them to its LRS. */
  get xapiActor(): XapiAgent | undefined {
    return this.#actor;
  }
  set xapiActor(actor: XapiAgent | undefined) {
    this.#actor = actor;
    if (this.#ready) this.#hello();
  }

  /** The lesson's `ready` payload (steps, version…) once it has arrived. */
  get lessonInfo(): ReadyPayload | undefined {
    return this.#ready;
  }

  connectedCallback(): void {
    window.addEventListener('message', this.#onMessage);
    if (!this.#frame) this.#load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#onMessage);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#frame || old === value) return;
    if (name === 'theme') void this.setTheme((value ?? 'auto') as EmbedTheme).catch(() => undefined);
    else if (name === 'title') this.#frame.title = this.#frameTitle();
    // Another step of the same lesson: move there instead of reloading the lesson.
    else if (name === 'step' && this.#ready && value) void this.goTo(value).catch(() => undefined);
    else this.#load();
  }

  next = (): Promise<unknown> => this.#call({ name: 'next' });
  prev = (): Promise<unknown> => this.#call({ name: 'prev' });
  goTo = (stepId: string): Promise<unknown> => this.#call({ name: 'goTo', args: [stepId] });
  reset = (): Promise<unknown> => this.#call({ name: 'reset' });
  getState = (): Promise<unknown> => this.#call({ name: 'getState' });
  setState = (state: unknown): Promise<unknown> => this.#call({ name: 'setState', args: [state] });
  setTheme = (theme: EmbedTheme): Promise<unknown> => this.#call({ name: 'setTheme', args: [theme] });

  /**
   * Opens the presenter view of the current step in a new tab. Opened from this page (not from the
   * iframe) so the click that called it still counts as the user's: browsers block tabs opened later.
   */
  openPresenter = (): Promise<{ url: string }> => {
    const lesson = this.getAttribute('lesson') ?? '';
    const url = presenterUrl(this.#site, lesson, this.#stepId ?? this.getAttribute('step') ?? undefined);
    const tab = window.open(url, '_blank');
    if (!tab) return Promise.reject(new KmsLessonError('popup-blocked', 'the browser did not open the presenter tab'));
    tab.opener = null;
    return Promise.resolve({ url });
  };

  #frameTitle(): string {
    return this.getAttribute('title') ?? `KMS Lab lesson${this.#ready ? `: ${this.#ready.title}` : ''}`;
  }

  #load(): void {
    this.#site = new URL(this.getAttribute('site') ?? scriptSite ?? './', document.baseURI).href;
    this.#origin = new URL(this.#site).origin;
    this.#ready = undefined;
    this.#stepId = undefined;
    this.#waiting = [];
    for (const [id, pending] of this.#pending) this.#settle(id, pending, new KmsLessonError('failed', 'the lesson was reloaded'));
    let root = this.shadowRoot;
    if (!root) {
      root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block}iframe{display:block;width:100%;border:0;color-scheme:normal}';
      root.append(style);
    }
    // A new iframe for every new address: only the hash would change, and a hash change does not reload a page.
    const frame = document.createElement('iframe');
    frame.style.height = this.#frame?.style.height || `${FIRST_HEIGHT_PX}px`;
    frame.addEventListener('load', () => this.#hello());
    if (this.#frame) this.#frame.replaceWith(frame);
    else root.append(frame);
    this.#frame = frame;
    frame.title = this.#frameTitle();
    const attr = (name: string) => this.getAttribute(name) ?? undefined;
    frame.src = embedUrl(this.#site, {
      lessonId: attr('lesson') ?? '',
      stepId: attr('step'),
      mode: attr('mode') as never,
      theme: attr('theme') as never,
      controls: attr('controls') as never,
      parentOrigin: location.origin,
    });
  }

  #hello(): void {
    this.#post({ type: 'hello', payload: this.#actor ? { xapi: { actor: this.#actor } } : {} });
  }

  #post(message: { type: string; payload: unknown; id?: string }): void {
    this.#frame?.contentWindow?.postMessage(createMessage(message), this.#origin);
  }

  #call(command: Command): Promise<unknown> {
    const id = `kms-${++this.#sequence}`;
    const timeout = Number(this.getAttribute('timeout')) || DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.#settle(id, pending, new KmsLessonError('timeout', `the lesson did not answer "${command.name}" within ${timeout} ms`)),
        timeout,
      );
      const pending: Pending = { resolve, reject, timer };
      this.#pending.set(id, pending);
      const send = () => this.#pending.has(id) && this.#post({ type: 'command', id, payload: command });
      if (this.#ready) send();
      else this.#waiting.push(send);
    });
  }

  #settle(id: string, pending: Pending, outcome: KmsLessonError | { result: unknown }): void {
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    if (outcome instanceof KmsLessonError) pending.reject(outcome);
    else pending.resolve(outcome.result);
  }

  #onMessage = (event: MessageEvent): void => {
    // Only this element's own iframe, at the site's origin: never another frame or page.
    if (!this.#frame || event.source !== this.#frame.contentWindow || event.origin !== this.#origin) return;
    const parsed = parseLessonMessage(event.data);
    if (parsed.kind !== 'message') return;
    const message = parsed.message;
    switch (message.type) {
      case 'resize':
        this.#frame.style.height = `${message.payload.height}px`;
        return;
      case 'reply': {
        const pending = this.#pending.get(message.replyTo);
        if (!pending) return;
        const reply = message.payload;
        this.#settle(message.replyTo, pending, reply.ok ? { result: reply.result } : new KmsLessonError(reply.error.code, reply.error.message));
        return;
      }
      case 'ready':
        this.#ready = message.payload;
        this.#frame.title = this.#frameTitle();
        for (const send of this.#waiting.splice(0)) send();
        break;
      case 'stepchange':
        this.#stepId = message.payload.stepId;
        break;
      case 'error':
        if (message.replyTo && this.#pending.has(message.replyTo)) {
          this.#settle(message.replyTo, this.#pending.get(message.replyTo)!, new KmsLessonError(message.payload.code, message.payload.message));
        }
        break;
    }
    this.dispatchEvent(new CustomEvent(message.type, { detail: message.payload }));
  };
}

if (!customElements.get('kms-lesson')) customElements.define('kms-lesson', KmsLessonElement);
