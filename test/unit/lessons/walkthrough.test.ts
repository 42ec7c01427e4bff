/**
 * Every lesson in lessons/ is played from its stored walkthrough, headlessly, through the real player
 * (learnGitBranching's guarantee): prose, scenario and checks cannot drift apart unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { listLessons, loadLesson } from '../../../src/lessons/catalogue';
import { createLessonPlayer } from '../../../src/lessons/player/player';
import { replayWalkthrough } from '../../../src/lessons/walkthrough';

const lessons = listLessons();

describe('lessons/', () => {
  it('holds at least one lesson', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });
});

describe.each(lessons.map((summary) => [summary.folder, summary.id] as const))('walkthrough of %s', (_folder, id) => {
  it('completes every step from its stored solution, and replays identically', async () => {
    const lesson = await loadLesson(id);
    const report = await replayWalkthrough(lesson);
    expect(report.steps.map((step) => step.id)).toEqual(lesson.steps.map((step) => step.id));
    for (const step of report.steps) expect(['narration', 'complete']).toContain(step.status);
    expect(report.events.length).toBeGreaterThan(0);
  }, 60_000);

  it('opens every step from a deep link without a scenario error', async () => {
    const lesson = await loadLesson(id);
    for (const step of lesson.steps) {
      const player = createLessonPlayer(lesson, { startAt: step.id });
      const snapshot = await player.settled();
      player.stop();
      expect(snapshot.stepId, step.file).toBe(step.id);
      expect(snapshot.error, step.file).toBeUndefined();
      expect(step.handsOn ? ['awaiting', 'complete'] : ['narration'], step.file).toContain(snapshot.status);
    }
  }, 60_000);
});
