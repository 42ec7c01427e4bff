/**
 * Do exam questions point at real lessons and steps? `lessonId` must be a lesson's id and every ref
 * one of that lesson's step ids (the first is linked from a wrong answer: `#/lessons/<lessonId>/<refs[0]>`).
 *
 *   examReferenceProblems(questions, lessons, fileOf?) → LessonProblem[]
 */
import type { LessonProblem } from '../errors.ts';
import type { LessonSummary } from '../types.ts';
import type { ExamQuestion } from './types.ts';

export function examReferenceProblems(
  questions: readonly ExamQuestion[],
  lessons: readonly Pick<LessonSummary, 'id' | 'steps'>[],
  fileOf: (question: ExamQuestion) => string = () => 'lessons/exam/bank',
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  for (const question of questions) {
    const file = fileOf(question);
    const lesson = lessons.find((candidate) => candidate.id === question.lessonId);
    if (!lesson) {
      const known = lessons.map((candidate) => candidate.id).join(', ') || 'none';
      problems.push({ file, field: `question "${question.id}" lessonId`, message: `expected the id of a lesson (${known}), got "${question.lessonId}": there is no such lesson yet` });
      continue;
    }
    for (const ref of question.refs) {
      if (!lesson.steps.some((step) => step.id === ref)) {
        problems.push({ file, field: `question "${question.id}" refs`, message: `expected step ids of lesson ${lesson.id} (${lesson.steps.map((s) => s.id).join(', ')}), got "${ref}"` });
      }
    }
  }
  return problems;
}
