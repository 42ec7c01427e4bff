/**
 * Every lesson page can be the audience of a presentation, with nothing to set up: each lesson
 * player (through onLessonPlayer, so the lesson page needs no presenter code) listens on the
 * presentation channel and says hello. Only when a presenter tab speaks is the rest loaded
 * (./audience-session.ts), so a learner alone never downloads it; its own hello then makes the
 * presenter repeat where it is.
 */
import type { Lesson, LessonPlayer } from '../../lessons/types';
import { onLessonPlayer } from '../player/player-hooks';
import { openPresentChannel } from './sync/broadcast-channel';
import { parsePresentMessage, presentMessage } from './sync/protocol';

function listenForPresenter(player: LessonPlayer, lesson: Lesson): () => void {
  const channel = openPresentChannel();
  let leave: (() => void) | undefined;
  let joining = false;
  let gone = false;
  const stopListening = channel.listen((data) => {
    if (joining || parsePresentMessage(data)?.role !== 'presenter') return;
    joining = true;
    stopListening();
    void import('./audience-session').then(({ joinPresentation }) => {
      if (!gone) leave = joinPresentation(player, lesson, channel);
    });
  });
  // A presenter already open answers this; one opened later says hello itself.
  channel.post(presentMessage('lesson-page', 'audience', { type: 'hello', lessonId: lesson.id, stepId: player.getSnapshot().stepId }));
  return () => {
    gone = true;
    stopListening();
    leave?.();
    channel.close();
  };
}

onLessonPlayer(listenForPresenter);
