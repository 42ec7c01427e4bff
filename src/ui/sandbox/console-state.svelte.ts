/**
 * The console's reactive view of the sandbox session. The session tells us THAT something changed
 * (a KMS call, a clock step, act-as, a file); every view reads what it needs from here and
 * re-renders. Data flows one way: an action calls KMS → the session notifies → the views re-read.
 */
import type { KeySummary } from '../../kms/index.ts';
import type { ConsolePrincipal, ConsoleSession } from './console-session.ts';
import type { ActionOutcome } from './actions.ts';

export class ConsoleState {
  readonly session: ConsoleSession;
  /** Bumped on every session change; everything below reads it so Svelte knows to recompute. */
  #version = $state(0);
  /** What the last action did, shown on the page the console moves to (e.g. "Key created" on the new key). */
  flash = $state.raw<{ outcome: ActionOutcome; success: string }[]>([]);

  constructor(session: ConsoleSession) {
    this.session = session;
  }

  /** Starts following the session; returns the function that stops it. */
  connect(): () => void {
    return this.session.subscribe(() => {
      this.#version += 1;
    });
  }

  /** Changes when a reset or an import replaced the session's parts (the terminal starts afresh then). */
  get generation(): number {
    void this.#version;
    return this.session.generation;
  }

  get shell() {
    void this.#version;
    return this.session.shell;
  }

  get kms() {
    void this.#version;
    return this.session.kms;
  }

  get saveProblem(): string | undefined {
    void this.#version;
    return this.session.saveProblem;
  }

  get now(): number {
    void this.#version;
    return this.session.clock.now();
  }

  readonly principals: ConsolePrincipal[] = $derived.by(() => {
    void this.#version;
    return this.session.world.principals();
  });

  readonly current: string = $derived.by(() => {
    void this.#version;
    return this.session.world.current;
  });

  readonly currentPrincipal: ConsolePrincipal | undefined = $derived(this.principals.find((p) => p.arn === this.current));

  readonly region: string = $derived.by(() => {
    void this.#version;
    return this.session.region;
  });

  /** The console shows the keys of the account of the principal it acts as, in its Region. */
  readonly accountId: string = $derived.by(() => this.currentPrincipal?.accountId ?? this.session.kms.accountId);

  readonly keys: KeySummary[] = $derived.by(() => {
    void this.#version;
    return this.session.kms.keys({ accountId: this.accountId, region: this.region });
  });

  key(keyId: string): KeySummary | undefined {
    return this.keys.find((key) => key.metadata.KeyId === keyId || key.metadata.Arn === keyId || key.aliases.includes(keyId));
  }
}
