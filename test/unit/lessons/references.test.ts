import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lessons/errors';
import { lessonReferenceProblems } from '../../../src/lessons/references';
import type { Lesson, QuizQuestion } from '../../../src/lessons/types';
import { fixtureLesson } from './support/fixture-lesson';

const DIR = 'test/fixtures/lessons/valid/01-tiny-lesson';
const problems = (lesson: Lesson) => lessonReferenceProblems(lesson).map(formatProblem);

describe('lessonReferenceProblems', () => {
  it('finds nothing wrong with a good lesson', async () => {
    expect(problems(await fixtureLesson())).toEqual([]);
  });

  it('names bad step references: await, actions, solution and focus', async () => {
    const lesson = await fixtureLesson();
    const steps = lesson.steps.map((step) =>
      step.id === 'press'
        ? { ...step, await: 'pushed', actions: ['press', 'fly'], solution: [{ action: 'swim' }, { action: 'explode' }], focus: { actors: ['server', 'mallory'] } }
        : step,
    );
    steps[1] = { ...steps[1], actions: ['press', 'fly'] };
    expect(problems({ ...lesson, steps })).toEqual([
      `${DIR}/steps/02-press.md: field "await": names check "pushed", but scenario.ts has no such check (checks: pressed)`,
      `${DIR}/steps/02-press.md: field "actions[1]": names action "fly", but scenario.ts has no such action (actions: press, explode)`,
      `${DIR}/steps/02-press.md: field "solution[0].action": names action "swim", but scenario.ts has no such action (actions: press, explode)`,
      `${DIR}/steps/02-press.md: field "solution[1].action": uses action "explode", which this step does not offer in "actions"`,
      `${DIR}/steps/02-press.md: field "focus.actors[1]": names actor "mallory", but lesson.md has no such actor (actors: client, server)`,
    ]);
  });

  it('names bad quiz references and fixed answers that do not fit', async () => {
    const lesson = await fixtureLesson();
    const [single, computed, multi, order] = lesson.quiz.questions;
    const questions = [
      { ...single, refs: ['hello', 'nowhere'], answer: 'nobody' },
      { ...computed, id: single.id },
      { ...multi, answer: ['a', 'a'] },
      { ...order, answer: ['hello', 'press'] },
    ] as QuizQuestion[];
    expect(problems({ ...lesson, quiz: { questions } })).toEqual([
      `${DIR}/quiz.ts: field "question "who-greets" refs[1]": names step "nowhere", which is not a step of this lesson (steps: hello, press, done)`,
      `${DIR}/quiz.ts: field "question "who-greets" answer": expected one of the option ids (options: client, server), got "nobody"`,
      `${DIR}/quiz.ts: field "question "who-greets" id": expected a unique question id; another question has it`,
      `${DIR}/quiz.ts: field "question "true-things" answer": names the same id twice`,
      `${DIR}/quiz.ts: field "question "sequence" answer": expected every item exactly once (items: goodbye, hello, press)`,
    ]);
  });

  it('checks the shape of the scenario and quiz modules', async () => {
    const lesson = await fixtureLesson();
    const broken = { ...lesson, scenario: { ...lesson.scenario, checks: { pressed: { description: 'x' } } }, quiz: { questions: [] } } as unknown as Lesson;
    expect(problems(broken)).toEqual([
      `${DIR}/scenario.ts: field "checks.pressed.test": expected a function test(state, events), got nothing (the field is missing)`,
      `${DIR}/quiz.ts: field "questions": expected a non-empty list of questions, got an empty list`,
    ]);
  });
});
