/**
 * The embedded lesson's session with its host page: the protocol bridge (src/embed/frame-bridge)
 * wired to this window, to the lesson once it has loaded, and to every lesson player the page
 * creates (through onLessonPlayer, so the lesson page itself knows nothing of embedding).
 */
import { FrameBridge } from '../../embed/frame-bridge';
import { runCommand } from '../../embed/lesson-commands';
import { reportPlayer, stepChangeOf } from '../../embed/lesson-reports';
import { parseOriginList } from '../../embed/origins';
import { presenterUrl, type EmbedOptions } from '../../embed/embed-url';
import { EMBED_MODES, EmbedCommandError, type EmbedMode, type EmbedTheme, type ReadyPayload } from '../../embed/protocol';
import type { Lesson, LessonPlayer } from '../../lessons/types';
import { onLessonPlayer } from '../player/player-hooks';
import { applyTheme } from '../shell/theme.svelte';

/** The site's folder (where index.html and embed.html live), e.g. "https://course.example/kms-lab/". */
export function siteUrlOf(location: Location): string {
  return new URL('./', location.href.replace(/#.*$/, '')).href;
}

export function applyEmbedTheme(theme: EmbedTheme): void {
  // Not saved: the host's choice is for this embed, not the learner's preference on the site.
  applyTheme(theme === 'auto' ? 'system' : theme);
}

export class EmbedSession {
  readonly bridge: FrameBridge;
  /** What the frame shows now: links inside the lesson move between its walkthrough, quiz and the sandbox. */
  mode: EmbedMode;
  #lesson: Lesson | undefined;
  #player: LessonPlayer | undefined;
  readonly #siteUrl: string;
  readonly #stopFollowing: () => void;
  readonly #onMessage = (event: MessageEvent) => this.bridge.receive(event);

  constructor(
    readonly options: EmbedOptions,
    private readonly win: Window = window,
  ) {
    this.mode = options.mode;
    this.#siteUrl = siteUrlOf(win.location);
    const allowList = parseOriginList(win.document.querySelector('meta[name="kms-lab-embed-origins"]')?.getAttribute('content'));
    const ancestors = win.location.ancestorOrigins ? [...win.location.ancestorOrigins] : undefined;
    this.bridge = new FrameBridge(
      { ...(options.parentOrigin ? { parentOrigin: options.parentOrigin } : {}), allowList, ...(ancestors ? { ancestorOrigins: ancestors } : {}) },
      {
        post: (message, origin) => {
          if (win.parent !== win) win.parent.postMessage(message, origin);
        },
        isParent: (source) => win.parent !== win && source === win.parent,
      },
      {
        describe: () => this.#describe(),
        currentStep: () => {
          const snapshot = this.#player?.getSnapshot();
          if (!snapshot || !this.#lesson) return undefined;
          return { step: stepChangeOf(this.#lesson, snapshot), completedCount: snapshot.completedSteps.length };
        },
        run: (command) => {
          if (!this.#lesson) throw new EmbedCommandError('failed', 'the lesson is still loading');
          return runCommand(command, {
            lesson: this.#lesson,
            mode: this.mode,
            player: () => this.#player,
            setTheme: applyEmbedTheme,
            openPresenter: (stepId) => this.#openPresenter(stepId),
          });
        },
      },
      this.#siteUrl,
    );
    win.addEventListener('message', this.#onMessage);
    this.#stopFollowing = onLessonPlayer((player, lesson) => {
      this.#player = player;
      const stop = reportPlayer(player, lesson, this.bridge);
      return () => {
        stop();
        if (this.#player === player) this.#player = undefined;
      };
    });
  }

  lessonLoaded(lesson: Lesson): void {
    this.#lesson = lesson;
    this.bridge.lessonReady();
  }

  /** The lesson could not be loaded at all: a host that says hello hears why instead of waiting for `ready`. */
  loadFailed(message: string): void {
    this.bridge.lessonFailed({ code: 'failed', message });
  }

  dispose(): void {
    this.win.removeEventListener('message', this.#onMessage);
    this.#stopFollowing();
  }

  #describe(): ReadyPayload | undefined {
    const lesson = this.#lesson;
    if (!lesson) return undefined;
    return {
      protocol: 1,
      lessonId: lesson.id,
      lessonVersion: lesson.version,
      title: lesson.title,
      mode: this.mode,
      modes: [...EMBED_MODES],
      steps: lesson.steps.map((step) => ({ id: step.id, title: step.title })),
    };
  }

  #openPresenter(stepId: string | undefined): string {
    const url = presenterUrl(this.#siteUrl, this.#lesson?.id ?? '', stepId);
    const tab = this.win.open(url, '_blank');
    if (!tab) throw new EmbedCommandError('popup-blocked', 'the browser did not open the presenter tab (open it from a click)');
    tab.opener = null;
    return url;
  }
}
