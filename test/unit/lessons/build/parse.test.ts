import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../../src/lessons/errors';
import { parseLesson, parseStep, readLessons, type LessonSources } from '../../../../src/lessons/build/vite-plugin';

const root = resolve(import.meta.dirname, '../../../..');
const fixtures = resolve(root, 'test/fixtures/lessons');

const lessonMd = `---
id: demo
title: Demo
summary: A demo.
objectives: [Learn.]
estimatedMinutes: 3
actors: [{ id: client, label: Client, kind: client }]
version: 1
seed: 1
---
Intro.
`;

function stepMd(frontmatter: string, body = 'Body.'): string {
  return `---\n${frontmatter}\n---\n${body}\n`;
}

function sources(overrides: Partial<LessonSources> = {}): LessonSources {
  return {
    folder: '01-demo',
    sourceDir: 'lessons/01-demo',
    lessonMd,
    steps: [{ fileName: '01-one.md', file: 'lessons/01-demo/steps/01-one.md', source: stepMd('id: one\ntitle: One\nnotes: N.') }],
    hasScenario: true,
    hasQuiz: true,
    ...overrides,
  };
}

function problemsOf(input: LessonSources): string[] {
  const result = parseLesson(input);
  if (result.ok) throw new Error('expected the lesson to be invalid');
  return result.problems.map((p) => `${p.file}:${p.field === undefined ? '' : ` field "${p.field}":`} ${p.message}`);
}

describe('readLessons on the valid fixtures', () => {
  const lessons = readLessons(resolve(fixtures, 'valid'), root);

  it('sorts lessons by the numeric NN prefix and keeps metadata', () => {
    expect(lessons.map((l) => l.summary.folder)).toEqual(['01-tiny-lesson', '10-second-lesson']);
    expect(lessons.map((l) => l.summary.order)).toEqual([1, 10]);
    const tiny = lessons[0].summary;
    expect(tiny).toMatchObject({ id: 'tiny-lesson', version: 1, seed: 42, estimatedMinutes: 2, sourceDir: 'test/fixtures/lessons/valid/01-tiny-lesson' });
    expect(tiny.actors.map((a) => a.id)).toEqual(['client', 'server']);
    expect(tiny.steps).toEqual([
      { id: 'hello', title: 'The client says hello', handsOn: false },
      { id: 'press', title: 'Press the button', handsOn: true },
      { id: 'done', title: 'Done', handsOn: false },
    ]);
  });

  it('renders markdown with raw HTML disabled and dangerous links refused', () => {
    const [tiny] = lessons;
    expect(tiny.introHtml).toContain('<strong>three</strong>');
    expect(tiny.introHtml).not.toContain('<script');
    expect(tiny.introHtml).toContain('&lt;script&gt;');
    expect(tiny.steps[0].html).not.toMatch(/<img/);
    expect(tiny.steps[2].html).not.toContain('href="javascript:');
    expect(tiny.steps[1].hintHtml).toContain('<strong>press</strong>');
    expect(tiny.steps[1].notesHtml).toContain('Let the room press it.');
  });

  it('keeps step frontmatter typed, indexed and pointing at its file', () => {
    const press = lessons[0].steps[1];
    expect(press).toMatchObject({
      index: 1,
      id: 'press',
      await: 'pressed',
      actions: ['press', 'explode'],
      solution: [{ action: 'press', input: { word: 'hi' } }],
      file: 'test/fixtures/lessons/valid/01-tiny-lesson/steps/02-press.md',
      handsOn: true,
    });
    expect('send' in press).toBe(false);
    expect(lessons[0].steps[0].send).toEqual([{ type: 'hello' }]);
    expect(lessons[0].markdownFiles).toHaveLength(4);
  });

  it('gives no lessons for a folder that does not exist yet', () => {
    expect(readLessons(resolve(fixtures, 'does-not-exist'), root)).toEqual([]);
  });
});

describe('invalid lessons fail naming the file, the field and what was expected', () => {
  it('reports a wrongly typed field in a step file on disk', () => {
    expect(() => readLessons(resolve(fixtures, 'invalid-await'), root)).toThrowError(
      'test/fixtures/lessons/invalid-await/01-bad-await/steps/02-tls.md: field "await": expected a check name (of scenario.ts checks), got number',
    );
    try {
      readLessons(resolve(fixtures, 'invalid-await'), root);
    } catch (error) {
      expect(error).toBeInstanceOf(LessonError);
      expect((error as LessonError).problems).toEqual([
        { file: 'test/fixtures/lessons/invalid-await/01-bad-await/steps/02-tls.md', field: 'await', message: 'expected a check name (of scenario.ts checks), got number' },
      ]);
    }
  });

  it('reports missing fields, unknown fields, bad enums and nested paths in lesson.md', () => {
    const broken = lessonMd
      .replace('title: Demo\n', '')
      .replace('kind: client', 'kind: browser')
      .replace('seed: 1', 'seed: 1\nsummry: typo');
    expect(problemsOf(sources({ lessonMd: broken }))).toEqual([
      'lessons/01-demo/lesson.md: field "title": expected a title, got nothing (the field is missing)',
      'lessons/01-demo/lesson.md: field "actors[0].kind": expected one of client, server, storage, kms, attacker, ca, service, network, got "browser"',
      'lessons/01-demo/lesson.md: field "summry": is not a field here; the fields are id, title, summary, objectives, estimatedMinutes, actors, version, seed',
    ]);
  });

  it('reports values of the right type that break a rule', () => {
    const broken = lessonMd.replace('id: demo', 'id: Demo Lesson').replace('estimatedMinutes: 3', 'estimatedMinutes: 2.5');
    expect(problemsOf(sources({ lessonMd: broken }))).toEqual([
      'lessons/01-demo/lesson.md: field "id": expected a lesson id in lowercase-with-hyphens, such as "encryption-in-flight", got "Demo Lesson"',
      'lessons/01-demo/lesson.md: field "estimatedMinutes": expected a whole number of minutes, got 2.5',
    ]);
  });

  it('reports YAML syntax errors with the line number in the file', () => {
    const broken = lessonMd.replace('version: 1', 'version: [1');
    const [problem] = problemsOf(sources({ lessonMd: broken }));
    expect(problem).toMatch(/^lessons\/01-demo\/lesson\.md: invalid YAML in the frontmatter at line \d+: /);
  });

  it('reports a file without frontmatter', () => {
    expect(problemsOf(sources({ lessonMd: '# Just markdown' }))).toEqual([
      'lessons/01-demo/lesson.md: expected YAML frontmatter between a first line "---" and a closing "---"',
    ]);
  });

  it('reports missing files, a badly named folder and duplicate actor ids', () => {
    const twoClients = lessonMd.replace(
      'actors: [{ id: client, label: Client, kind: client }]',
      'actors: [{ id: client, label: A, kind: client }, { id: client, label: B, kind: server }]',
    );
    expect(problemsOf(sources({ folder: 'demo', lessonMd: twoClients, hasQuiz: false, steps: [] }))).toEqual([
      'lessons/01-demo: a lesson folder must be named NN-slug, such as 01-encryption-in-flight',
      'lessons/01-demo/quiz.ts: expected this file, but it is missing',
      'lessons/01-demo/lesson.md: field "actors[1].id": expected a unique actor id, but "client" is already used by an earlier actor',
      'lessons/01-demo/steps: expected at least one step file named NN-slug.md',
    ]);
    expect(problemsOf(sources({ lessonMd: undefined }))).toEqual(['lessons/01-demo/lesson.md: expected this file, but it is missing']);
  });

  it('orders steps by NN, and refuses duplicate prefixes, duplicate ids and bad file names', () => {
    const step = (fileName: string, id: string) => ({
      fileName,
      file: `lessons/01-demo/steps/${fileName}`,
      source: stepMd(`id: ${id}\ntitle: T\nnotes: N.`),
    });
    const ordered = parseLesson(sources({ steps: [step('10-b.md', 'b'), step('02-a.md', 'a')] }));
    expect(ordered.ok && ordered.lesson.steps.map((s) => [s.id, s.index])).toEqual([['a', 0], ['b', 1]]);

    expect(problemsOf(sources({ steps: [step('01-a.md', 'a'), step('01-b.md', 'b')] }))).toEqual([
      'lessons/01-demo/steps/01-b.md: expected a unique NN prefix, but lessons/01-demo/steps/01-a.md has the same number; the prefix orders the steps',
    ]);
    expect(problemsOf(sources({ steps: [step('01-a.md', 'same'), step('02-b.md', 'same')] }))).toEqual([
      'lessons/01-demo/steps/02-b.md: field "id": expected a unique step id, but "same" is already the id of lessons/01-demo/steps/01-a.md',
    ]);
    expect(problemsOf(sources({ steps: [step('intro.md', 'a')] }))).toEqual([
      'lessons/01-demo/steps/intro.md: a step file must be named NN-slug.md, such as 02-tls-handshake.md',
    ]);
  });
});

describe('parseStep', () => {
  const file = 'lessons/01-demo/steps/02-try.md';
  const parse = (frontmatter: string, body?: string) => parseStep({ fileName: '02-try.md', file, source: stepMd(frontmatter, body) }, 1);
  const messages = (result: ReturnType<typeof parse>) => (result.ok ? [] : result.problems.map((p) => `${p.field ?? '-'}: ${p.message}`));

  it('needs a solution and actions for a hands-on step, and await for a solution', () => {
    expect(messages(parse('id: try\ntitle: T\nnotes: N.\nawait: done'))).toEqual([
      'solution: expected the stored walkthrough (a list of learner actions that satisfy "await"), got nothing (the field is missing)',
      'actions: expected the actions the learner may take, because the step has "await", got nothing (the field is missing)',
    ]);
    expect(messages(parse('id: try\ntitle: T\nnotes: N.\nsolution: [{ action: go }]'))).toEqual([
      'solution: a solution needs "await" (the check it satisfies); without "await" the step is narration',
    ]);
  });

  it('names nested fields in send and solution', () => {
    expect(messages(parse('id: try\ntitle: T\nnotes: N.\nsend: [{ kind: x }]'))).toEqual([
      'send[0].type: expected an event type, got nothing (the field is missing)',
    ]);
    expect(messages(parse('id: try\ntitle: T\nnotes: N.\nawait: c\nactions: [go]\nsolution: [{ action: go, input: { count: 3 } }]'))).toEqual([
      'solution[0].input.count: expected a string (quote numbers in YAML: "3"), got number',
    ]);
  });

  it('requires presenter notes and prose', () => {
    expect(messages(parse('id: try\ntitle: T', 'Body.'))).toEqual(['notes: expected presenter notes (markdown), got nothing (the field is missing)']);
    expect(messages(parse('id: try\ntitle: T\nnotes: N.', '  '))).toEqual(['-: expected the step text (markdown) after the frontmatter, got nothing']);
  });

  it('refuses the step id "quiz", which is the address of the lesson\'s quiz', () => {
    const [problem] = messages(parse('id: quiz\ntitle: T\nnotes: N.'));
    expect(problem).toMatch(/^id: expected a step id other than "quiz"/);
  });

  it('keeps scenario events as written', () => {
    const result = parse('id: try\ntitle: T\nnotes: N.\nsend: [{ type: login, password: hunter2, tries: 2 }]');
    expect(result.ok && result.step.send).toEqual([{ type: 'login', password: 'hunter2', tries: 2 }]);
    expect(result.ok && result.order).toBe(2);
  });
});
