/** What the host hears, read from a real player and a real quiz grader (the tiny fixture lesson). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportingGrader, reportPlayer, type LessonReporter } from '../../../src/embed/lesson-reports';
import type { AnsweredPayload, CompletedPayload, StepChangePayload } from '../../../src/embed/protocol';
import { createQuizGrader } from '../../../src/lessons/quiz/grader';
import { createLessonPlayer } from '../../../src/lessons/player/player';
import type { Lesson, LessonPlayer } from '../../../src/lessons/types';
import { fixtureLesson } from '../lessons/support/fixture-lesson';

let lesson: Lesson;
let heard: { steps: StepChangePayload[]; counts: number[]; answers: AnsweredPayload[]; done: CompletedPayload[]; errors: string[] };
const reporter: LessonReporter = {
  stepChanged: (step, count) => {
    heard.steps.push(step);
    heard.counts.push(count);
  },
  answered: (answer) => heard.answers.push(answer),
  completed: (done) => heard.done.push(done),
  failed: (error) => heard.errors.push(`${error.code}: ${error.message}`),
};

beforeEach(async () => {
  lesson = await fixtureLesson();
  heard = { steps: [], counts: [], answers: [], done: [], errors: [] };
});

describe('reportPlayer', () => {
  let player: LessonPlayer;
  let stop: () => void;
  let clock = 0;
  beforeEach(async () => {
    player = createLessonPlayer(lesson);
    await player.settled();
    stop = reportPlayer(player, lesson, reporter, () => clock);
  });
  afterEach(() => {
    stop();
    player.stop();
  });

  it('reports the step shown now, each step reached, and a hands-on step when it completes', async () => {
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'hi' } });
    await player.settled();
    expect(heard.steps.map((s) => `${s.stepId}:${s.completed}`)).toEqual(['hello:true', 'press:false', 'press:true']);
    expect(heard.steps[1]).toEqual({ lessonId: 'tiny-lesson', stepId: 'press', title: 'Press the button', index: 1, total: 3, completed: false });
    expect(heard.counts).toEqual([1, 1, 2]);
    expect(heard.done).toEqual([]);
  });

  it('reports completed once, when every step is complete', async () => {
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'hi' } });
    clock = 4_000;
    player.next();
    await player.settled();
    player.previous();
    player.next();
    await player.settled();
    expect(heard.done).toEqual([{ lessonId: 'tiny-lesson', lessonVersion: 1, kind: 'walkthrough', score: 3, maxScore: 3, durationMs: 4_000 }]);
  });

  it('does not report the steps a jump replays on the way', async () => {
    player.goTo('done');
    await player.settled();
    expect(heard.steps.map((s) => s.stepId)).toEqual(['hello', 'done']);
  });

  it('reports an error once when the simulation stops', async () => {
    player.next();
    await player.settled();
    await player.act({ action: 'explode' }).catch(() => undefined);
    await player.settled();
    expect(heard.errors).toEqual([expect.stringMatching(/^failed: The simulation stopped: .*broke on purpose/)]);
  });

  it('stops reporting when told', async () => {
    stop();
    player.next();
    await player.settled();
    expect(heard.steps.map((s) => s.stepId)).toEqual(['hello']);
  });
});

describe('reportingGrader', () => {
  it('reports each graded question with its attempt, then the whole quiz', async () => {
    const grader = reportingGrader(createQuizGrader(lesson), lesson, reporter, () => 0);
    const [first] = lesson.quiz.questions;
    if (!first) throw new Error('the fixture quiz has questions');
    const key = await grader.key();
    const right = key[first.id];
    await grader.gradeQuestion(first.id, right as string);
    expect(heard.answers).toEqual([expect.objectContaining({ lessonId: 'tiny-lesson', questionId: first.id, correct: true, score: 1, maxScore: 1, attempt: 1, objective: first.refs[0] })]);

    const total = await grader.gradeQuiz({ [first.id]: right as string });
    expect(heard.answers).toHaveLength(1); // already reported in this attempt; unanswered ones are not reported
    expect(heard.done).toEqual([{ lessonId: 'tiny-lesson', lessonVersion: 1, kind: 'quiz', score: total.score, maxScore: total.max, durationMs: 0 }]);

    await grader.gradeQuestion(first.id, right as string);
    expect(heard.answers.at(-1)).toMatchObject({ questionId: first.id, attempt: 2 });
  });
});
