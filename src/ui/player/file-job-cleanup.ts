/**
 * A file job's outputs belong to the world they were made in: when the player rebuilds its world
 * (reset, going back) or goes away (the lesson is left), they are removed from disk and the file
 * view is cleared, unless a job ran during the rebuild (a replay made them for the new world).
 *
 * Every lesson page loads this, so it does not load the job control: a job can only have started
 * once a lesson loaded the control, and before that its generation is 0 and there is nothing to
 * remove (src/sim/envelope/stream/loaded-control.ts).
 */
import { fileJobs } from '../../lessons/learner-files';
import { loadedFileJobControl } from '../../sim/envelope/stream/loaded-control';
import { onLessonPlayer } from './player-hooks';

/** The generation of the latest file job (0 while no job control is loaded: no job has started). */
const generation = (): number => loadedFileJobControl()?.generation ?? 0;

onLessonPlayer((player) => {
  let world = player.scenarioState;
  let seen = generation();
  const forget = async () => {
    const control = loadedFileJobControl();
    if (control && (await control.discardUpTo(seen))) fileJobs.update(undefined);
  };
  const stop = player.subscribe(() => {
    if (player.scenarioState === world) {
      seen = generation();
      return;
    }
    world = player.scenarioState;
    void forget();
  });
  return () => {
    stop();
    seen = generation();
    void forget();
  };
});
