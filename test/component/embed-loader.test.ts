/**
 * The <kms-lesson> element in a page (jsdom): the iframe it creates, whom it listens to, and how
 * its promises settle. The lesson's side is played here by posting messages as the iframe would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/embed/loader';
import type { KmsLessonElement } from '../../src/embed/loader';

const SITE = 'https://lab.example/kms/';
const APP = 'https://lab.example';

let lesson: KmsLessonElement;
let frame: HTMLIFrameElement;
let sent: { message: { type: string; id?: string; payload: unknown }; origin: string }[];
/** jsdom gives an iframe in a shadow tree no window: this stands in for the lesson's. */
let lessonWindow: { postMessage(message: unknown, origin: string): void };

/** A message event as the browser delivers one from a frame (jsdom's MessageEvent wants a real window as source). */
function fromLesson(data: object, { origin = APP, source = lessonWindow as unknown }: { origin?: string; source?: unknown } = {}): void {
  const event = new Event('message');
  Object.defineProperties(event, { data: { value: { ns: 'kms-lab', v: 1, ...data } }, origin: { value: origin }, source: { value: source } });
  window.dispatchEvent(event);
}
const ready = () =>
  fromLesson({ type: 'ready', payload: { protocol: 1, lessonId: 'key-types', lessonVersion: 1, title: 'Key types', mode: 'walkthrough', modes: ['walkthrough'], steps: [{ id: 'a', title: 'A' }] } });

beforeEach(() => {
  document.body.innerHTML = `<kms-lesson site="${SITE}" lesson="key-types" step="a" mode="quiz" theme="dark" controls="none" timeout="200"></kms-lesson>`;
  lesson = document.querySelector('kms-lesson') as KmsLessonElement;
  frame = lesson.shadowRoot!.querySelector('iframe')!;
  sent = [];
  lessonWindow = { postMessage: (message, origin) => sent.push({ message: message as never, origin }) };
  Object.defineProperty(frame, 'contentWindow', { value: lessonWindow });
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the iframe', () => {
  it('points at embed.html of the site with the lesson, its options and this page as the parent', () => {
    const url = new URL(frame.src);
    expect(url.origin + url.pathname).toBe(`${SITE}embed.html`);
    expect(url.hash).toBe(`#/lessons/key-types/a?mode=quiz&theme=dark&controls=none&parentOrigin=${encodeURIComponent(location.origin)}`);
  });

  it('has a title, naming the lesson once it is ready', () => {
    expect(frame.title).toBe('KMS Lab lesson');
    ready();
    expect(frame.title).toBe('KMS Lab lesson: Key types');
  });

  it('says hello when it loads, to the site origin only', () => {
    frame.dispatchEvent(new Event('load'));
    expect(sent).toEqual([{ origin: APP, message: { ns: 'kms-lab', v: 1, type: 'hello', payload: {} } }]);
  });

  it('takes the height the lesson reports', () => {
    fromLesson({ type: 'resize', payload: { height: 734 } });
    expect(frame.style.height).toBe('734px');
  });
});

describe('whom it listens to', () => {
  it('dispatches the lesson\'s events as DOM events', () => {
    const heard: unknown[] = [];
    lesson.addEventListener('stepchange', (event) => heard.push((event as CustomEvent).detail));
    fromLesson({ type: 'stepchange', payload: { lessonId: 'key-types', stepId: 'a', title: 'A', index: 0, total: 1, completed: true } });
    expect(heard).toEqual([{ lessonId: 'key-types', stepId: 'a', title: 'A', index: 0, total: 1, completed: true }]);
  });

  it('ignores the same message from another origin, another window, or in a bad shape', () => {
    const heard: unknown[] = [];
    lesson.addEventListener('stepchange', (event) => heard.push((event as CustomEvent).detail));
    const step = { type: 'stepchange', payload: { lessonId: 'x', stepId: 'forged', title: 'F', index: 0, total: 1, completed: true } };
    fromLesson(step, { origin: 'https://evil.example' });
    fromLesson(step, { source: window });
    fromLesson({ type: 'stepchange', payload: { stepId: 'forged' } });
    fromLesson({ ...step, v: 2 });
    expect(heard).toEqual([]);
  });
});

describe('methods', () => {
  it('wait for ready, then send the command and resolve with the reply to its id', async () => {
    const next = lesson.next();
    expect(sent).toEqual([]);
    ready();
    expect(sent).toEqual([{ origin: APP, message: expect.objectContaining({ type: 'command', payload: { name: 'next' } }) }]);
    const id = sent[0]!.message.id;
    fromLesson({ type: 'reply', replyTo: 'someone-else', payload: { ok: true, result: 'wrong' } });
    fromLesson({ type: 'reply', replyTo: id, payload: { ok: true, result: { stepId: 'b' } } });
    await expect(next).resolves.toEqual({ stepId: 'b' });
  });

  it('reject with the lesson\'s error code and message', async () => {
    ready();
    const set = lesson.setState({ nonsense: true });
    fromLesson({ type: 'reply', replyTo: sent[0]!.message.id, payload: { ok: false, error: { code: 'bad-state', message: 'not a lesson state' } } });
    await expect(set).rejects.toMatchObject({ name: 'KmsLessonError', code: 'bad-state', message: 'not a lesson state' });
  });

  it('reject on an error message that answers them', async () => {
    ready();
    const go = lesson.goTo('a');
    fromLesson({ type: 'error', replyTo: sent[0]!.message.id, payload: { code: 'malformed', message: 'not understood' } });
    await expect(go).rejects.toMatchObject({ code: 'malformed' });
  });

  it('reject with timeout when the lesson never answers', async () => {
    ready();
    await expect(lesson.getState()).rejects.toMatchObject({ code: 'timeout' });
  });

  it('openPresenter opens the site\'s presenter route from this page, at the current step', async () => {
    const tab = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(tab);
    fromLesson({ type: 'stepchange', payload: { lessonId: 'key-types', stepId: 'b', title: 'B', index: 1, total: 2, completed: true } });
    await expect(lesson.openPresenter()).resolves.toEqual({ url: `${SITE}#/present/key-types/b` });
    expect(open).toHaveBeenCalledWith(`${SITE}#/present/key-types/b`, '_blank');
    expect(tab.opener).toBeNull();
    open.mockReturnValue(null);
    await expect(lesson.openPresenter()).rejects.toMatchObject({ code: 'popup-blocked' });
  });

  it('a new lesson attribute loads a new iframe and rejects what was pending', async () => {
    ready();
    const pending = lesson.getState();
    lesson.setAttribute('lesson', 'key-management');
    await expect(pending).rejects.toMatchObject({ code: 'failed' });
    const newFrame = lesson.shadowRoot!.querySelector('iframe')!;
    expect(newFrame).not.toBe(frame);
    expect(lesson.shadowRoot!.querySelectorAll('iframe')).toHaveLength(1);
    expect(newFrame.src).toContain('#/lessons/key-management/a?');
  });
});
