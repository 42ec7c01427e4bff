/**
 * What the room sees besides the step, as reactive state for views: the audience screen blanked,
 * and the diagram's zoom. Kept in step across tabs by PresentSync (sync/present-sync.ts).
 */
import { DEFAULT_ROOM, type RoomState } from './sync/protocol';

export class Room {
  blank = $state(DEFAULT_ROOM.blank);
  zoom = $state(DEFAULT_ROOM.zoom);

  set(room: RoomState): void {
    this.blank = room.blank;
    this.zoom = room.zoom;
  }
}

/** Full screen for this tab, or back. Browsers allow it only from a key press or click here. */
export function toggleFullscreen(): void {
  const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
  request?.catch(() => {
    /* refused (an embed without allowfullscreen, say): the page simply stays as it is */
  });
}
