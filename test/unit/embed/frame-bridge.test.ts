import { beforeEach, describe, expect, it } from 'vitest';
import { FrameBridge, type EmbeddedLesson } from '../../../src/embed/frame-bridge';
import { EmbedCommandError, type Command, type ReadyPayload } from '../../../src/embed/protocol';

const HOST = 'https://course.example';
const PARENT = { name: 'parent window' };
const SIBLING = { name: 'a sibling frame' };

const READY: ReadyPayload = {
  protocol: 1, lessonId: 'tiny', lessonVersion: 1, title: 'Tiny', mode: 'walkthrough', modes: ['walkthrough'],
  steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
};
const STEP_A = { lessonId: 'tiny', stepId: 'a', title: 'A', index: 0, total: 2, completed: true };

let posted: { message: { type: string; payload: unknown; replyTo?: string }; origin: string }[];
let loaded: boolean;
let ran: Command[];
let bridge: FrameBridge;

const lesson: EmbeddedLesson = {
  describe: () => (loaded ? READY : undefined),
  currentStep: () => (loaded ? { step: STEP_A, completedCount: 1 } : undefined),
  async run(command) {
    ran.push(command);
    if (command.name === 'goTo') throw new EmbedCommandError('unknown-step', 'no such step');
    if (command.name === 'reset') throw new Error('the world broke');
    return { stepId: 'a' };
  },
};

const ours = (message: object) => ({ ns: 'kms-lab', v: 1, ...message });
const send = (message: object, origin = HOST, source: unknown = PARENT) => bridge.receive({ data: ours(message), origin, source });
const types = () => posted.map((p) => p.message.type);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  posted = [];
  ran = [];
  loaded = true;
  bridge = new FrameBridge(
    { parentOrigin: HOST, allowList: [] },
    { post: (message, origin) => posted.push({ message: message as never, origin }), isParent: (source) => source === PARENT },
    lesson,
    'https://site.example/kms-lab/',
  );
});

describe('before a hello', () => {
  it('says nothing: events and heights are not sent to a page that did not ask', () => {
    bridge.reportHeight(500);
    bridge.stepChanged(STEP_A, 1);
    bridge.completed({ lessonId: 'tiny', lessonVersion: 1, kind: 'walkthrough', score: 2, maxScore: 2, durationMs: 5 });
    expect(posted).toEqual([]);
  });
});

describe('hello', () => {
  it('is answered with ready, the height and the current step, all to the host origin only', () => {
    bridge.reportHeight(480.2);
    send({ type: 'hello' });
    expect(types()).toEqual(['ready', 'resize', 'stepchange']);
    expect(posted[0]?.message.payload).toEqual(READY);
    expect(posted[1]?.message.payload).toEqual({ height: 481 });
    expect(posted.every((p) => p.origin === HOST)).toBe(true);
  });

  it('waits for the lesson to load before answering', () => {
    loaded = false;
    send({ type: 'hello' });
    expect(posted).toEqual([]);
    loaded = true;
    bridge.lessonReady();
    expect(types()).toEqual(['ready', 'stepchange']);
  });

  it('is answered with an error when the lesson cannot load', () => {
    loaded = false;
    send({ type: 'hello' });
    bridge.lessonFailed({ code: 'failed', message: 'there is no lesson with id "nope"' });
    expect(posted).toEqual([{ origin: HOST, message: expect.objectContaining({ type: 'error', payload: { code: 'failed', message: expect.stringContaining('nope') } }) }]);
  });
});

describe('who is heard', () => {
  it('ignores messages from another origin, or from a frame that is not the parent, without replying', async () => {
    send({ type: 'hello' }, 'https://evil.example');
    send({ type: 'command', id: 'c', payload: { name: 'next' } }, 'https://evil.example');
    send({ type: 'hello' }, HOST, SIBLING);
    send({ type: 'command', id: 'c', payload: { name: 'next' } }, HOST, SIBLING);
    await flush();
    expect(posted).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('hears an allow-listed origin when the address names no parent, and then talks only to it', () => {
    bridge = new FrameBridge(
      { allowList: ['https://lms.example'] },
      { post: (message, origin) => posted.push({ message: message as never, origin }), isParent: (source) => source === PARENT },
      lesson,
      'https://site.example/',
    );
    send({ type: 'hello' }, HOST);
    expect(posted).toEqual([]);
    send({ type: 'hello' }, 'https://lms.example');
    expect(posted.map((p) => p.origin)).toEqual(['https://lms.example', 'https://lms.example']);
  });

  it('ignores messages that are not kms-lab messages', () => {
    bridge.receive({ data: { type: 'webpackOk' }, origin: HOST, source: PARENT });
    bridge.receive({ data: 'hello', origin: HOST, source: PARENT });
    expect(posted).toEqual([]);
  });
});

describe('bad messages', () => {
  it('answers an unknown version and a malformed payload with an error, replying to the id', () => {
    bridge.receive({ data: { ns: 'kms-lab', v: 9, type: 'command', id: 'c9', payload: { name: 'next' } }, origin: HOST, source: PARENT });
    send({ type: 'command', id: 'c10', payload: { name: 'fly' } });
    expect(posted).toEqual([
      { origin: HOST, message: expect.objectContaining({ type: 'error', replyTo: 'c9', payload: expect.objectContaining({ code: 'unsupported-version' }) }) },
      { origin: HOST, message: expect.objectContaining({ type: 'error', replyTo: 'c10', payload: expect.objectContaining({ code: 'malformed' }) }) },
    ]);
    expect(ran).toEqual([]);
  });
});

describe('commands', () => {
  it('replies with the result, or with the error code and message, by id', async () => {
    send({ type: 'command', id: 'c1', payload: { name: 'next' } });
    send({ type: 'command', id: 'c2', payload: { name: 'goTo', args: ['zzz'] } });
    send({ type: 'command', id: 'c3', payload: { name: 'reset' } });
    await flush();
    expect(posted.map((p) => p.message)).toEqual([
      expect.objectContaining({ type: 'reply', replyTo: 'c1', payload: { ok: true, result: { stepId: 'a' } } }),
      expect.objectContaining({ type: 'reply', replyTo: 'c2', payload: { ok: false, error: { code: 'unknown-step', message: 'no such step' } } }),
      expect.objectContaining({ type: 'reply', replyTo: 'c3', payload: { ok: false, error: { code: 'failed', message: 'the world broke' } } }),
    ]);
  });
});

describe('events', () => {
  it('sends a height only when it changes', () => {
    send({ type: 'hello' });
    posted = [];
    bridge.reportHeight(600);
    bridge.reportHeight(600);
    bridge.reportHeight(601);
    expect(posted.map((p) => p.message.payload)).toEqual([{ height: 600 }, { height: 601 }]);
  });

  it('adds xAPI statements only when the host opted in with an actor', () => {
    send({ type: 'hello' });
    bridge.answered({ lessonId: 'tiny', questionId: 'q1', correct: true, score: 1, maxScore: 1, attempt: 1 });
    expect(types()).not.toContain('xapi');
    posted = [];
    send({ type: 'hello', payload: { xapi: { actor: { mbox: 'mailto:ada@course.example' } } } });
    expect(types()).toEqual(['ready', 'stepchange', 'xapi']);
    bridge.answered({ lessonId: 'tiny', questionId: 'q1', correct: true, score: 1, maxScore: 1, attempt: 1 });
    const statement = (posted.at(-1)?.message.payload as { statement: { verb: { id: string }; actor: unknown } }).statement;
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(statement.actor).toEqual({ mbox: 'mailto:ada@course.example' });
  });
});
