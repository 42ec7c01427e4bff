/**
 * The lesson engine, for views (src/ui) and embeds. Plain TypeScript: no Svelte, no DOM, runs in Node.
 * (The build side, src/lessons/build/, is NOT exported here: it is for vite.config.ts and tests only.)
 *
 * Catalogue   listLessons() · findLesson(id) · loadLesson(id) → Promise<Lesson>
 *             loadLesson throws a LessonError; when the lesson loaded but its references are wrong,
 *             `error.lesson` holds it, so the prose can be shown with the error.
 * Player      createLessonPlayer(lesson, { seed?, startAt? }) → LessonPlayer (contract in types.ts,
 *             behaviour in player/player.ts) · stepActions(lesson, stepIndex) · stepIndexOf(lesson, stepId)
 * Terminal    terminalAction · terminalLineOf · playerShell(player, terminal); scenarios build the terminal's
 *             world with createTerminalWorld from ./terminal (not exported here: it loads the KMS)
 * Quiz        createQuizGrader(lesson) · resolveAnswerKey(lesson) · gradeQuestion · gradeQuiz
 * Progress    openProgressStore(storage?) · loadProgress · saveProgress · exportProgress · importProgress
 *             and the pure updates markStepSeen · markCheckPassed · recordPlayerProgress · recordQuiz
 * Walkthrough replayWalkthrough(lesson) (tests and authoring)
 */
export * from './types';
export { LessonError, ActionRejectedError, formatProblem, type LessonProblem } from './errors';
export { listLessons, findLesson, loadLesson } from './catalogue';
export { lessonReferenceProblems } from './references';
export { createLessonPlayer, stepIndexOf, type PlayerOptions } from './player/player';
export { stepActions, type OfferedAction } from './player/step-actions';
export { playerShell } from './player/player-shell';
export { terminalAction, terminalLineOf, TERMINAL_ACTION, TERMINAL_EVENT } from './terminal-action';
export * from './quiz';
export * from './progress';
export { replayWalkthrough, type WalkthroughReport } from './walkthrough';
