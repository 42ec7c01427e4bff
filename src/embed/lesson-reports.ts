/**
 * What an embedded lesson tells its host, read from the engine: a `stepchange` when the learner
 * reaches a step or completes it, `completed` once every step is complete, `error` when the
 * simulation stops, and, in quiz mode,
 * `answered` for every question the engine grades and `completed` for the whole quiz. Views
 * never decide any of it.
 */
import type { QuizGrader } from '../lessons/quiz/grader';
import type { QuestionResult } from '../lessons/quiz/grade';
import type { Lesson, LessonPlayer, PlayerSnapshot } from '../lessons/types';
import type { AnsweredPayload, CompletedPayload, ProtocolError, StepChangePayload } from './protocol';

export interface LessonReporter {
  stepChanged(step: StepChangePayload, completedCount: number): void;
  answered(answer: AnsweredPayload): void;
  completed(done: CompletedPayload): void;
  /** The simulation stopped with an error (the step's prose still shows). */
  failed(error: ProtocolError): void;
}

type LessonInfo = Pick<Lesson, 'id' | 'version' | 'steps'>;

export function stepChangeOf(lesson: LessonInfo, snapshot: PlayerSnapshot): StepChangePayload {
  return {
    lessonId: lesson.id,
    stepId: snapshot.stepId,
    title: lesson.steps[snapshot.stepIndex]?.title ?? snapshot.stepId,
    index: snapshot.stepIndex,
    total: lesson.steps.length,
    completed: snapshot.completedSteps.includes(snapshot.stepId),
  };
}

/**
 * Reports a player's progress until the returned function is called. Replays (after a jump,
 * back or reset) are not progress: only the snapshot the learner sees when they end counts.
 */
export function reportPlayer(
  player: LessonPlayer,
  lesson: LessonInfo,
  reporter: LessonReporter,
  now: () => number = () => Date.now(),
): () => void {
  const startedAt = now();
  let lastKey = '';
  let lessonDone = false;
  let lastError: string | undefined;

  function look(snapshot: PlayerSnapshot): void {
    if (snapshot.error !== lastError) {
      lastError = snapshot.error;
      if (lastError !== undefined) reporter.failed({ code: 'failed', message: `The simulation stopped: ${lastError}` });
    }
    if (snapshot.status === 'replaying' || snapshot.busy) return;
    const step = stepChangeOf(lesson, snapshot);
    const key = `${step.stepId}|${step.completed}`;
    if (key !== lastKey) {
      lastKey = key;
      reporter.stepChanged(step, snapshot.completedSteps.length);
    }
    const allDone = lesson.steps.every((s) => snapshot.completedSteps.includes(s.id));
    if (allDone && !lessonDone) {
      lessonDone = true;
      reporter.completed({
        lessonId: lesson.id,
        lessonVersion: lesson.version,
        kind: 'walkthrough',
        score: lesson.steps.length,
        maxScore: lesson.steps.length,
        durationMs: now() - startedAt,
      });
    }
  }

  look(player.getSnapshot());
  return player.subscribe(look);
}

/**
 * The same grader, reporting as it grades: `answered` for each question the learner submits (the
 * attempt counts how many times that question was graded), and when the whole quiz is graded,
 * `answered` for the answered questions not yet reported plus `completed` with the score.
 */
export function reportingGrader(
  grader: QuizGrader,
  lesson: Pick<Lesson, 'id' | 'version' | 'quiz'>,
  reporter: LessonReporter,
  now: () => number = () => Date.now(),
): QuizGrader {
  const startedAt = now();
  const attempts = new Map<string, number>();
  let reportedThisRound = new Set<string>();

  function report(result: QuestionResult): void {
    const attempt = (attempts.get(result.questionId) ?? 0) + 1;
    attempts.set(result.questionId, attempt);
    reportedThisRound.add(result.questionId);
    const question = lesson.quiz.questions.find((q) => q.id === result.questionId);
    const objective = question?.refs[0];
    reporter.answered({
      lessonId: lesson.id,
      questionId: result.questionId,
      ...(objective === undefined ? {} : { objective }),
      correct: result.correct,
      score: result.score,
      maxScore: result.max,
      attempt,
    });
  }

  return {
    key: () => grader.key(),
    async gradeQuestion(questionId, response) {
      const result = await grader.gradeQuestion(questionId, response);
      if (result.answered) report(result);
      return result;
    },
    async gradeQuiz(responses) {
      const total = await grader.gradeQuiz(responses);
      for (const result of total.results) {
        if (result.answered && !reportedThisRound.has(result.questionId)) report(result);
      }
      reportedThisRound = new Set(); // the next grading is a new attempt
      reporter.completed({
        lessonId: lesson.id,
        lessonVersion: lesson.version,
        kind: 'quiz',
        score: total.score,
        maxScore: total.max,
        durationMs: now() - startedAt,
      });
      return total;
    },
  };
}
