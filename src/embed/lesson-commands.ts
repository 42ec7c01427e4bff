/**
 * The host's commands, run against the embedded lesson. Step commands drive the engine's player
 * and resolve with the state once it has settled (so `await lesson.next()` sees the new step);
 * they exist only in walkthrough mode. Theme and presenter belong to the page around the lesson
 * and are passed in.
 */
import type { Lesson, LessonPlayer } from '../lessons/types';
import { stepOfState, type EmbedState } from './embed-state';
import { EmbedCommandError, type Command, type EmbedMode, type EmbedTheme } from './protocol';

export interface CommandTarget {
  lesson: Pick<Lesson, 'id' | 'version' | 'steps'>;
  mode: EmbedMode;
  /** The walkthrough's player (a new one whenever the page rebuilds it). */
  player(): LessonPlayer | undefined;
  setTheme(theme: EmbedTheme): void;
  /** Opens the presenter view in a new tab; returns its address (throws `popup-blocked`). */
  openPresenter(stepId: string | undefined): string;
}

export function stateOf(target: CommandTarget): EmbedState {
  const snapshot = target.mode === 'walkthrough' ? target.player()?.getSnapshot() : undefined;
  return {
    lessonId: target.lesson.id,
    lessonVersion: target.lesson.version,
    mode: target.mode,
    ...(snapshot ? { stepId: snapshot.stepId } : {}),
    completedSteps: snapshot ? [...snapshot.completedSteps] : [],
  };
}

function walkthroughPlayer(target: CommandTarget, name: string): LessonPlayer {
  if (target.mode !== 'walkthrough') {
    throw new EmbedCommandError('not-in-this-mode', `"${name}" moves between steps, and ${target.mode} mode has no steps`);
  }
  const player = target.player();
  if (!player) throw new EmbedCommandError('failed', 'the lesson is not running yet (it is still loading, or it failed to start)');
  return player;
}

async function stepCommand(target: CommandTarget, name: string, move: (player: LessonPlayer) => void): Promise<EmbedState> {
  const player = walkthroughPlayer(target, name);
  move(player);
  await player.settled();
  return stateOf(target);
}

export async function runCommand(command: Command, target: CommandTarget): Promise<unknown> {
  switch (command.name) {
    case 'next':
      return stepCommand(target, command.name, (player) => player.next());
    case 'prev':
      return stepCommand(target, command.name, (player) => player.previous());
    case 'reset':
      return stepCommand(target, command.name, (player) => player.reset());
    case 'goTo': {
      const [stepId] = command.args;
      if (!target.lesson.steps.some((step) => step.id === stepId)) {
        throw new EmbedCommandError('unknown-step', `the lesson has no step "${stepId}"`);
      }
      return stepCommand(target, command.name, (player) => player.goTo(stepId));
    }
    case 'setState': {
      walkthroughPlayer(target, command.name);
      const stepId = stepOfState(command.args[0], target.lesson);
      return stepCommand(target, command.name, (player) => player.goTo(stepId));
    }
    case 'getState':
      return stateOf(target);
    case 'setTheme':
      target.setTheme(command.args[0]);
      return { theme: command.args[0] };
    case 'openPresenter':
      return { url: target.openPresenter(stateOf(target).stepId) };
  }
}
