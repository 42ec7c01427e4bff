/**
 * An audience tab in a presentation: loaded (./audience.ts) once a presenter tab speaks on the
 * channel. From then on this tab follows the presenter, can drive it, shows the black screen and
 * the zoom, and answers the presenter's keys (clicker PageDown/PageUp, Space, B, ., F) too.
 *
 *   joinPresentation(player, lesson, channel) → leave()
 */
import { mount, unmount } from 'svelte';
import type { Lesson, LessonPlayer } from '../../lessons/types';
import { hashLocation } from '../router/location.svelte';
import { links } from '../router/routes';
import { navigationKey, presenterKey } from '../shell/keys';
import AudienceRoom from './AudienceRoom.svelte';
import { Room, toggleFullscreen } from './room.svelte';
import { PresentSync, type SyncChannel } from './sync/present-sync';

export function joinPresentation(player: LessonPlayer, lesson: Lesson, channel: SyncChannel): () => void {
  const room = new Room();
  const sync = new PresentSync({
    role: 'audience',
    lessonId: lesson.id,
    player,
    channel,
    onRoom: (state) => room.set(state),
    onOtherLesson: (lessonId, stepId) => hashLocation.navigate(links.lesson(lessonId, stepId)),
  });
  const view = mount(AudienceRoom, {
    target: document.body,
    props: { room, onunblank: () => sync.setRoom({ blank: false }) },
  });

  function onkeydown(event: KeyboardEvent): void {
    // → and ← are the lesson page's own.
    if (navigationKey(event)) return;
    const key = presenterKey(event);
    if (!key) return;
    event.preventDefault();
    const snapshot = player.getSnapshot();
    if (key === 'next' && snapshot.canNext) player.next();
    else if (key === 'previous' && snapshot.canPrevious) player.previous();
    else if (key === 'blank') sync.setRoom({ blank: !room.blank });
    else if (key === 'fullscreen') toggleFullscreen();
  }
  window.addEventListener('keydown', onkeydown);

  return () => {
    window.removeEventListener('keydown', onkeydown);
    sync.stop();
    void unmount(view);
  };
}
