/**
 * Runes adapter for the engine's LessonPlayer (an XState machine inside): the latest snapshot as
 * $state.raw, so components re-render on every snapshot and never mutate it. The UI only sends
 * the player commands; what a step means and whether it is complete is the engine's to decide.
 */
import type { LessonPlayer, PlayerSnapshot } from '../../lessons/types';

export class PlayerState {
  snapshot: PlayerSnapshot;
  readonly player: LessonPlayer;
  #unsubscribe: () => void;

  constructor(player: LessonPlayer) {
    this.snapshot = $state.raw(player.getSnapshot());
    this.player = player;
    this.#unsubscribe = player.subscribe((snapshot) => {
      this.snapshot = snapshot;
    });
  }

  dispose(): void {
    this.#unsubscribe();
    this.player.stop();
  }
}
