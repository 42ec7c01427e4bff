/**
 * Cross-checks between a lesson's markdown and its code, run when a lesson loads (catalogue.ts) and by the
 * lesson tests. The build cannot do this: scenario.ts and quiz.ts are code.
 *
 *   lessonReferenceProblems(lesson) → LessonProblem[]   (empty when all is well)
 *
 * - scenario.ts and quiz.ts export the shapes of defineScenario / defineQuiz
 * - a step's `await` names a scenario check; its `actions` and `solution` name scenario actions, and the
 *   solution only uses actions the step offers (the walkthrough goes through the same door as a learner)
 * - `focus.actors` are actors of lesson.md
 * - quiz: unique question ids, unique option ids, `refs` name steps, fixed answers fit their question
 */
import type { LessonProblem } from './errors';
import { answerShapeProblem } from './quiz/answer-shape';
import { quizSchema, scenarioShapeSchema } from './schema';
import { validateWith } from './schema-issues';
import type { Lesson, QuizQuestion, Step } from './types';

export function lessonSourceDir(lesson: Pick<Lesson, 'sourceDir' | 'folder'>): string {
  return lesson.sourceDir ?? `lessons/${lesson.folder}`;
}

export function lessonReferenceProblems(lesson: Lesson): LessonProblem[] {
  const dir = lessonSourceDir(lesson);
  const scenario = validateWith(scenarioShapeSchema, lesson.scenario, `${dir}/scenario.ts`);
  const quiz = validateWith(quizSchema, lesson.quiz, `${dir}/quiz.ts`);
  const problems = [...(scenario.ok ? [] : scenario.problems), ...(quiz.ok ? [] : quiz.problems)];
  if (scenario.ok) problems.push(...lesson.steps.flatMap((step) => stepProblems(lesson, step)));
  if (quiz.ok) problems.push(...quizProblems(lesson, `${dir}/quiz.ts`));
  return problems;
}

function stepProblems(lesson: Lesson, step: Step): LessonProblem[] {
  const checks = Object.keys(lesson.scenario.checks);
  const actions = Object.keys(lesson.scenario.actions);
  const actors = lesson.actors.map((actor) => actor.id);
  const offered = step.actions ?? [];
  const problems: LessonProblem[] = [];
  /** A name that the file it points into does not define. */
  const unknown = (field: string, kind: string, name: string, where: string, known: string[]) =>
    problems.push({ file: step.file, field, message: `names ${kind} "${name}", but ${where} has no such ${kind} ${listed(`${kind}s`, known)}` });

  if (step.await !== undefined && !checks.includes(step.await)) unknown('await', 'check', step.await, 'scenario.ts', checks);
  offered.forEach((name, i) => {
    if (!actions.includes(name)) unknown(`actions[${i}]`, 'action', name, 'scenario.ts', actions);
  });
  (step.solution ?? []).forEach(({ action }, i) => {
    if (!actions.includes(action)) unknown(`solution[${i}].action`, 'action', action, 'scenario.ts', actions);
    else if (!offered.includes(action)) {
      problems.push({ file: step.file, field: `solution[${i}].action`, message: `uses action "${action}", which this step does not offer in "actions"` });
    }
  });
  (step.focus?.actors ?? []).forEach((id, i) => {
    if (!actors.includes(id)) unknown(`focus.actors[${i}]`, 'actor', id, 'lesson.md', actors);
  });
  return problems;
}

function quizProblems(lesson: Lesson, file: string): LessonProblem[] {
  const stepIds = lesson.steps.map((step) => step.id);
  const problems: LessonProblem[] = [];
  const seen = new Set<string>();
  lesson.quiz.questions.forEach((question: QuizQuestion) => {
    const field = (name: string) => `question "${question.id}" ${name}`;
    if (seen.has(question.id)) problems.push({ file, field: field('id'), message: 'expected a unique question id; another question has it' });
    seen.add(question.id);
    question.refs.forEach((ref, i) => {
      if (!stepIds.includes(ref)) {
        problems.push({ file, field: field(`refs[${i}]`), message: `names step "${ref}", which is not a step of this lesson ${listed('steps', stepIds)}` });
      }
    });
    const optionIds = (question.kind === 'order' ? question.items : question.options).map((option) => option.id);
    if (new Set(optionIds).size !== optionIds.length) {
      problems.push({ file, field: field(question.kind === 'order' ? 'items' : 'options'), message: 'expected unique option ids' });
    }
    const fixed = typeof question.answer === 'string' || Array.isArray(question.answer);
    const shape = fixed ? answerShapeProblem(question, question.answer) : undefined;
    if (shape) problems.push({ file, field: field('answer'), message: shape });
  });
  return problems;
}

function listed(what: string, names: string[]): string {
  return names.length === 0 ? `(it has no ${what})` : `(${what}: ${names.join(', ')})`;
}
