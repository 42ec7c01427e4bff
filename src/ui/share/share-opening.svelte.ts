/**
 * Share links as the lesson page meets them: the player options a share link in the address asks
 * for (src/lessons/share/share-plan.ts), the notices to show about it, and the seed each lesson's
 * player runs with (a link made from a replayed run carries the seed it was replayed from).
 *
 *   shareOpening.playerOptions(lesson, hash, usual)  the options for the lesson page's next player
 *   shareOpening.generation   read it inside the effect that creates the player: it is bumped when the
 *                             player should be built again from a share link (one pasted into a tab that
 *                             already shows its lesson, or the link planner arriving, below)
 *   shareOpening.notices      sentences for the person who opened the link; dismiss() clears them
 *   shareOpening.seedOf(lesson)
 *
 * The planner is loaded only when a share link is opened, so an ordinary lesson's first load does not
 * carry it: until it arrives the player opens the link's step like any deep link, then it is rebuilt
 * from the link's log.
 */
import type { Lesson } from '../../lessons/types';
import type { PlayerOptions } from '../../lessons/player/player';
import { isShareHash } from '../../lessons/share/share-marker';
import { hashSegments } from '../router/routes';

type Planner = typeof import('../../lessons/share/share-plan');

class ShareOpening {
  generation = $state(0);
  notices = $state<string[]>([]);
  readonly #seeds = new Map<string, number>();
  #planner: Planner | undefined;
  /** A share link waiting for the planner (the address no longer shows it by then). */
  #waiting: string | undefined;

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('hashchange', () => {
      if (isShareHash(window.location.hash)) this.generation++;
    });
  }

  playerOptions(lesson: Lesson, hash: string, usual: PlayerOptions): PlayerOptions {
    const link = isShareHash(hash) ? hash : this.#waiting;
    this.#waiting = undefined;
    // Another lesson's link is for that lesson's page, which is on its way.
    const forThisLesson = link !== undefined && hashSegments(link)[1] === lesson.id;
    if (forThisLesson && !this.#planner) this.#loadPlanner(link);
    const plan = forThisLesson ? this.#planner?.planShareLink(lesson, link) : undefined;
    this.notices = plan?.notices ?? [];
    const options = plan?.options ?? usual;
    this.#seeds.set(lesson.id, options.seed ?? lesson.seed);
    return options;
  }

  seedOf(lesson: Lesson): number {
    return this.#seeds.get(lesson.id) ?? lesson.seed;
  }

  dismiss(): void {
    this.notices = [];
  }

  #loadPlanner(link: string): void {
    this.#waiting = link;
    import('../../lessons/share/share-plan').then(
      (planner) => {
        this.#planner = planner;
        this.generation++;
      },
      () => {
        this.#waiting = undefined;
        this.notices = ['This share link could not be opened: a part of the site did not load. Reload the page to try again.'];
      },
    );
  }
}

export const shareOpening = new ShareOpening();
