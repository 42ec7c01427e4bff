/**
 * The lesson engine, for views (src/ui) and embeds. Plain TypeScript: no Svelte, no DOM, runs in Node.
 *
 * Catalogue   listLessons() · findLesson(id) · loadLesson(id) → Promise<Lesson> (throws LessonError with
 *             `.lesson` set when the lesson loaded but its references are wrong: show the prose and the error)
 * Player      createLessonPlayer(lesson, { seed?, startAt? }) → LessonPlayer (see player/player.ts)
 *             stepActions(lesson, stepIndex) → the actions a step offers, with their form specs
 * Quiz        resolveAnswerKey(lesson) · gradeQuestion(question, key, response) · gradeQuiz(quiz, key, responses)
 * Progress    loadProgress(storage) · saveProgress(storage, progress) · openProgressStore(storage)
 *             markStepSeen · markCheckPassed · recordQuiz · exportProgress · importProgress
 * Walkthrough replayWalkthrough(lesson) (tests and authoring)
 */
export * from './types';
export { LessonError, ActionRejectedError, formatProblem, type LessonProblem } from './errors';
export { listLessons, findLesson, loadLesson } from './catalogue';
export { lessonReferenceProblems } from './references';
export { createLessonPlayer, stepIndexOf, type PlayerOptions } from './player/player';
