/**
 * The answer key of a lesson's quiz. Fixed answers are taken as written; computed answers are computed by
 * running a fresh scenario (same world as the lesson, default the lesson's seed), so the quiz and the
 * engine cannot disagree.
 *
 *   createQuizEngine(lesson) → QuizEngine           what a ComputedAnswer's compute() receives
 *   resolveAnswerKey(lesson) → Promise<AnswerKey>   question id → option id (single) or ids (multi, order)
 *     throws a LessonError naming quiz.ts and the question when a computation fails or its result does
 *     not fit the question (answer-shape.ts)
 */
import { LessonError, messageOf, type LessonProblem } from '../errors';
import { createWorld } from '../player/world';
import { lessonSourceDir } from '../references';
import type { ComputedAnswer, Lesson, QuizEngine, QuizQuestion } from '../types';
import { answerShapeProblem, type ResolvedAnswer } from './answer-shape';

export type { ResolvedAnswer };
export type AnswerKey = Record<string, ResolvedAnswer>;

type QuizLesson = Pick<Lesson, 'quiz' | 'scenario' | 'seed' | 'folder' | 'sourceDir'>;

export function createQuizEngine(lesson: Pick<Lesson, 'scenario' | 'seed'>): QuizEngine {
  return {
    async createScenario(seed) {
      const world = await createWorld(lesson.scenario, seed ?? lesson.seed);
      return { instance: world.instance, events: world.stream.events };
    },
  };
}

export function isComputed(answer: QuizQuestion['answer']): answer is ComputedAnswer<string> | ComputedAnswer<string[]> {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer) && 'compute' in answer;
}

export async function resolveAnswerKey(lesson: QuizLesson): Promise<AnswerKey> {
  const file = `${lessonSourceDir(lesson)}/quiz.ts`;
  const engine = createQuizEngine(lesson);
  const key: AnswerKey = {};
  const problems: LessonProblem[] = [];
  // One at a time: each computation builds its own world, and worlds may share WebCrypto work.
  for (const question of lesson.quiz.questions) {
    const field = `question "${question.id}" answer`;
    let answer: unknown;
    try {
      answer = isComputed(question.answer) ? await question.answer.compute(engine) : question.answer;
    } catch (error) {
      const how = isComputed(question.answer) ? ` ("${question.answer.describe}")` : '';
      problems.push({ file, field, message: `computing the answer${how} failed: ${messageOf(error)}` });
      continue;
    }
    const problem = answerShapeProblem(question, answer);
    if (problem) problems.push({ file, field, message: isComputed(question.answer) ? `the computed answer ${problem}` : problem });
    else key[question.id] = answer as ResolvedAnswer;
  }
  if (problems.length > 0) throw new LessonError(problems);
  return key;
}
