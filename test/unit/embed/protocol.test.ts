import { describe, expect, it } from 'vitest';
import { createMessage, parseHostMessage, parseLessonMessage, PROTOCOL_NS, PROTOCOL_VERSION } from '../../../src/embed/protocol';

const ours = (message: object) => ({ ns: PROTOCOL_NS, v: PROTOCOL_VERSION, ...message });

describe('messages that are not ours', () => {
  it.each([null, undefined, 'kms-lab', 42, [], {}, { ns: 'other-widget', v: 1, type: 'hello' }, { type: 'command' }])(
    'ignores %j without a word',
    (data) => {
      expect(parseHostMessage(data)).toEqual({ kind: 'foreign' });
      expect(parseLessonMessage(data)).toEqual({ kind: 'foreign' });
    },
  );
});

describe('versions', () => {
  it('rejects an unknown version, replying to its id', () => {
    expect(parseHostMessage({ ns: PROTOCOL_NS, v: 2, type: 'command', id: 'c1', payload: { name: 'next' } })).toEqual({
      kind: 'rejected',
      error: { code: 'unsupported-version', message: expect.stringContaining('version 2') },
      replyTo: 'c1',
    });
  });

  it('rejects a message with no version, and does not echo an id that is not a short string', () => {
    const parsed = parseHostMessage({ ns: PROTOCOL_NS, type: 'hello', id: 'x'.repeat(65) });
    expect(parsed).toMatchObject({ kind: 'rejected', error: { code: 'unsupported-version' } });
    expect(parsed).not.toHaveProperty('replyTo');
  });
});

describe('host → lesson messages', () => {
  it('reads hello, with or without a payload', () => {
    expect(parseHostMessage(ours({ type: 'hello' }))).toEqual({ kind: 'message', message: ours({ type: 'hello', payload: {} }) });
    expect(parseHostMessage(ours({ type: 'hello', payload: {} }))).toMatchObject({ kind: 'message' });
  });

  it('reads every command with its arguments', () => {
    for (const payload of [
      { name: 'next' },
      { name: 'prev', args: [] },
      { name: 'reset' },
      { name: 'getState' },
      { name: 'openPresenter' },
      { name: 'goTo', args: ['certificates'] },
      { name: 'setState', args: [{ anything: 'is checked later, against the lesson' }] },
      { name: 'setTheme', args: ['dark'] },
    ]) {
      expect(parseHostMessage(ours({ type: 'command', id: 'c', payload }))).toEqual({
        kind: 'message',
        message: ours({ type: 'command', id: 'c', payload }),
      });
    }
  });

  it.each([
    ['an unknown type', { type: 'launch', payload: {} }],
    ['a command without an id', { type: 'command', payload: { name: 'next' } }],
    ['an unknown command', { type: 'command', id: 'c', payload: { name: 'eval', args: ['alert(1)'] } }],
    ['goTo without a step', { type: 'command', id: 'c', payload: { name: 'goTo' } }],
    ['goTo with a number', { type: 'command', id: 'c', payload: { name: 'goTo', args: [3] } }],
    ['next with arguments', { type: 'command', id: 'c', payload: { name: 'next', args: ['x'] } }],
    ['an unknown theme', { type: 'command', id: 'c', payload: { name: 'setTheme', args: ['neon'] } }],
    ['a command with no payload', { type: 'command', id: 'c' }],
  ])('rejects %s as malformed', (_, message) => {
    const parsed = parseHostMessage(ours(message));
    expect(parsed).toMatchObject({ kind: 'rejected', error: { code: 'malformed' } });
    if ('id' in message) expect(parsed).toMatchObject({ replyTo: message.id });
  });

  it('drops fields the protocol does not define', () => {
    const parsed = parseHostMessage(ours({ type: 'command', id: 'c', payload: { name: 'next', html: '<img onerror=x>' }, extra: 1 }));
    expect(parsed).toEqual({ kind: 'message', message: ours({ type: 'command', id: 'c', payload: { name: 'next' } }) });
  });

  it('accepts an xAPI actor with exactly one identifier', () => {
    const hello = (actor: object) => parseHostMessage(ours({ type: 'hello', payload: { xapi: { actor } } }));
    expect(hello({ mbox: 'mailto:ada@course.example', name: 'Ada' })).toMatchObject({ kind: 'message' });
    expect(hello({ account: { homePage: 'https://lms.example', name: 'u-42' } })).toMatchObject({ kind: 'message' });
    expect(hello({ name: 'nobody' })).toMatchObject({ kind: 'rejected', error: { code: 'malformed', message: expect.stringContaining('exactly one') } });
    expect(hello({ mbox: 'mailto:a@b.example', openid: 'https://id.example/a' })).toMatchObject({ kind: 'rejected' });
    expect(hello({ mbox: 'ada@course.example' })).toMatchObject({ kind: 'rejected' });
  });
});

describe('lesson → host messages', () => {
  it('reads replies, both kinds', () => {
    expect(parseLessonMessage(ours({ type: 'reply', replyTo: 'c', payload: { ok: true, result: { stepId: 'a' } } }))).toMatchObject({
      kind: 'message',
      message: { type: 'reply', replyTo: 'c', payload: { ok: true, result: { stepId: 'a' } } },
    });
    expect(parseLessonMessage(ours({ type: 'reply', replyTo: 'c', payload: { ok: false, error: { code: 'bad-state', message: 'no' } } }))).toMatchObject({
      kind: 'message',
    });
  });

  it('rejects a reply without replyTo, a negative height and a stepchange missing its step', () => {
    expect(parseLessonMessage(ours({ type: 'reply', payload: { ok: true } }))).toMatchObject({ kind: 'rejected' });
    expect(parseLessonMessage(ours({ type: 'resize', payload: { height: -1 } }))).toMatchObject({ kind: 'rejected' });
    expect(parseLessonMessage(ours({ type: 'stepchange', payload: { lessonId: 'l', index: 0, total: 1 } }))).toMatchObject({
      kind: 'rejected',
      error: { message: expect.stringContaining('stepId') },
    });
  });

  it('reads ready, stepchange, answered, completed, error and xapi', () => {
    const accepted = [
      { type: 'ready', payload: { protocol: 1, lessonId: 'l', lessonVersion: 1, title: 'T', mode: 'walkthrough', modes: ['walkthrough', 'quiz'], steps: [{ id: 'a', title: 'A' }] } },
      { type: 'stepchange', payload: { lessonId: 'l', stepId: 'a', title: 'A', index: 0, total: 3, completed: true } },
      { type: 'answered', payload: { lessonId: 'l', questionId: 'q1', objective: 'a', correct: false, score: 0, maxScore: 1, attempt: 2 } },
      { type: 'completed', payload: { lessonId: 'l', lessonVersion: 1, kind: 'quiz', score: 3, maxScore: 4, durationMs: 1200 } },
      { type: 'error', payload: { code: 'failed', message: 'the lesson could not load' } },
      { type: 'xapi', payload: { statement: { verb: {} } } },
    ];
    for (const message of accepted) expect(parseLessonMessage(ours(message))).toMatchObject({ kind: 'message', message: { type: message.type } });
  });
});

it('createMessage stamps the namespace and version', () => {
  expect(createMessage({ type: 'resize', payload: { height: 10 } })).toEqual({ ns: 'kms-lab', v: 1, type: 'resize', payload: { height: 10 } });
});
