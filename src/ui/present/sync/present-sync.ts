/**
 * Keeps one tab's lesson player in step with the other tabs of a presentation. The presenter page
 * and every lesson page (through onLessonPlayer) each run one; either can drive.
 *
 *   new PresentSync({ role, lessonId, player, channel, onOtherLesson?, onRoom?, onPresenter? })
 *   sync.setRoom({ blank?, zoom? })   change what the room sees, here and in every other tab
 *   sync.stop()
 *
 * No echo loops: a tab announces only the steps its own learner or presenter moved to. Steps it was
 * told to go to are remembered until its player reaches them (a quick "next, next" from the other tab
 * arrives as two steps while this player is still busy with the first), and reaching one is silent.
 * The same holds for a reset and for a learner action (mirrored so every tab's diagram shows the same
 * world). Going to the step a player is already on changes nothing in the
 * player (goTo is a no-op there), so two tabs that agree never talk back and forth.
 *
 * Lessons: the presenter's lesson wins. An audience tab told of a step in another lesson asks its page
 * to go there (onOtherLesson); a presenter ignores audience tabs on other lessons.
 */
import type { LessonPlayer, PlayerSnapshot } from '../../../lessons/types';
import {
  DEFAULT_ROOM,
  parsePresentMessage,
  presentMessage,
  type PresentMessage,
  type PresentRole,
  type RoomState,
} from './protocol';

export interface SyncChannel {
  post(message: PresentMessage): void;
  /** Calls `handler` with each message other tabs post; returns a function that stops listening. */
  listen(handler: (data: unknown) => void): () => void;
}

export type FollowedPlayer = Pick<LessonPlayer, 'getSnapshot' | 'subscribe' | 'goTo' | 'reset' | 'act' | 'learnerLog'>;

export interface PresentSyncOptions {
  role: PresentRole;
  lessonId: string;
  player: FollowedPlayer;
  channel: SyncChannel;
  /** Identifies this tab's messages; default a random id. */
  tabId?: string;
  room?: RoomState;
  /** A presenter moved to a step of another lesson: the page should open it. */
  onOtherLesson?(lessonId: string, stepId: string): void;
  /** The room changed (blank, zoom), here or in another tab. */
  onRoom?(room: RoomState): void;
  /** A presenter tab is taking part (an audience tab then answers the presenter's keys). */
  onPresenter?(): void;
}

export class PresentSync {
  room: RoomState;
  readonly #options: PresentSyncOptions;
  readonly #tabId: string;
  /** Steps other tabs moved this player to, not reached yet, oldest first. */
  #toldSteps: string[] = [];
  #toldResets = 0;
  /** Actions other tabs did that this player is doing, as JSON, oldest first. */
  #toldActs: string[] = [];
  /** How many actions the player's log held at the last snapshot (new ones are announced). */
  #logLength: number;
  #last: PlayerSnapshot;
  readonly #stops: (() => void)[] = [];

  constructor(options: PresentSyncOptions) {
    this.#options = options;
    this.#tabId = options.tabId ?? Math.random().toString(36).slice(2);
    this.room = options.room ?? DEFAULT_ROOM;
    this.#last = options.player.getSnapshot();
    this.#logLength = options.player.learnerLog().length;
    this.#stops.push(options.player.subscribe((snapshot) => this.#onSnapshot(snapshot)));
    this.#stops.push(options.channel.listen((data) => this.#onMessage(data)));
    this.#post({ type: 'hello', lessonId: options.lessonId, stepId: this.#last.stepId });
  }

  setRoom(change: Partial<RoomState>): void {
    this.room = { ...this.room, ...change };
    this.#options.onRoom?.(this.room);
    this.#post({ type: 'room', room: this.room });
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  #post(body: Parameters<typeof presentMessage>[2]): void {
    this.#options.channel.post(presentMessage(this.#tabId, this.#options.role, body));
  }

  #onSnapshot(snapshot: PlayerSnapshot): void {
    const previous = this.#last;
    this.#last = snapshot;
    const { lessonId } = this.#options;
    this.#announceActs(snapshot.stepId);
    if (snapshot.stepId !== previous.stepId) {
      const told = this.#toldSteps.indexOf(snapshot.stepId);
      if (told !== -1) {
        this.#toldSteps.splice(0, told + 1);
        return;
      }
      this.#toldSteps = []; // a move of our own: whatever we were told before is overtaken
      this.#post({ type: 'step', lessonId, stepId: snapshot.stepId });
      return;
    }
    // The same step rebuilt from scratch: a reset (entering a step never replays the step itself).
    const restarted = snapshot.status === 'replaying' && previous.status !== 'replaying';
    if (!restarted) return;
    if (this.#toldResets > 0) this.#toldResets--;
    else this.#post({ type: 'reset', lessonId, stepId: snapshot.stepId });
  }

  /** New learner actions at the end of the log (a rebuild only shortens it) are announced, unless told. */
  #announceActs(stepId: string): void {
    const log = this.#options.player.learnerLog();
    const fresh = log.slice(this.#logLength);
    this.#logLength = log.length;
    for (const { source, action } of fresh) {
      if (source !== 'learner') continue;
      const told = this.#toldActs.indexOf(JSON.stringify(action));
      if (told !== -1) this.#toldActs.splice(told, 1);
      else this.#post({ type: 'act', lessonId: this.#options.lessonId, stepId, action });
    }
  }

  #onMessage(data: unknown): void {
    const message = parsePresentMessage(data);
    if (!message || message.from === this.#tabId) return;
    const { role, lessonId, player } = this.#options;
    if (message.role === 'presenter' && role === 'audience') this.#options.onPresenter?.();
    switch (message.type) {
      case 'room':
        this.room = message.room;
        this.#options.onRoom?.(message.room);
        return;
      case 'hello':
        if (message.role === 'presenter') return this.#follow(message.lessonId, message.stepId);
        if (role === 'presenter') {
          // A new audience tab: tell it where we are and what the room sees.
          this.#post({ type: 'step', lessonId, stepId: player.getSnapshot().stepId });
          this.#post({ type: 'room', room: this.room });
        }
        return;
      case 'step':
        return this.#follow(message.lessonId, message.stepId, message.role);
      case 'reset':
        if (message.lessonId !== lessonId || message.stepId !== player.getSnapshot().stepId) return;
        this.#toldResets++;
        player.reset();
        return;
      case 'act': {
        if (message.lessonId !== lessonId || message.stepId !== player.getSnapshot().stepId) return;
        const told = JSON.stringify(message.action);
        this.#toldActs.push(told);
        // Refused here (the step moved on meanwhile, say): nothing happened, so nothing to wait for.
        player.act(message.action).catch(() => {
          const index = this.#toldActs.indexOf(told);
          if (index !== -1) this.#toldActs.splice(index, 1);
        });
        return;
      }
    }
  }

  #follow(lessonId: string, stepId: string, from: PresentRole = 'presenter'): void {
    if (lessonId !== this.#options.lessonId) {
      if (from === 'presenter' && this.#options.role === 'audience') this.#options.onOtherLesson?.(lessonId, stepId);
      return;
    }
    if (stepId === this.#options.player.getSnapshot().stepId) return;
    // Remembered before asking: the player announces the new step synchronously.
    this.#toldSteps.push(stepId);
    try {
      this.#options.player.goTo(stepId);
    } catch {
      // a step this version of the lesson does not have: stay put rather than fail
      this.#toldSteps.pop();
    }
  }
}
