/**
 * What the console needs from the sandbox session (contracts.md, section S), and nothing more.
 * Components take this narrow shape so that component tests can hand them a small session of
 * their own; the page hands them the real one from `src/lessons/sandbox`.
 */
import type { CallContext, Kms, KmsCaller, NamedPolicy } from '../../kms/index.ts';
import type { Shell } from '../../cli/shell/index.ts';

export interface ConsolePrincipal {
  arn: string;
  name: string;
  kind: 'root' | 'user' | 'role' | 'assumed-role' | 'service';
  accountId: string;
  description: string;
}

export interface ConsoleWorld {
  principals(): ConsolePrincipal[];
  /** The ARN of the principal every console action and terminal command acts as. */
  readonly current: string;
  actAs(arn: string): void;
  /** The caller KMS sees for a principal (default: the current one), with its identity policies and tags. */
  caller(arn?: string): KmsCaller;
  identityPolicies(arn: string): NamedPolicy[];
  callContext(options?: { viaService?: string; region?: string; sourceIp?: string }): CallContext;
}

/**
 * After a reset or an import the session's kms, world, clock and shell are NEW objects: read them
 * from the session whenever it notifies, never keep them.
 */
export interface ConsoleSession {
  readonly kms: Kms;
  readonly world: ConsoleWorld;
  readonly clock: { now(): number };
  readonly shell: Shell;
  /** The Region the console and the terminal work in. */
  readonly region: string;
  /** Grows each time a reset or an import replaces the parts above. */
  readonly generation: number;
  /** Moves the model clock forward and waits until rotations and deletions it makes due are done. */
  advance(ms: number): Promise<void>;
  /** Called after every change: a KMS call, a clock step, act-as, a file change. */
  subscribe(listener: () => void): () => void;
  reset(): Promise<void>;
  exportJson(): string;
  /** Resolves with a note for the learner (what an import means for key material). */
  importJson(text: string): Promise<{ note: string }>;
  /** Set when a saved sandbox could not be restored (it was reported and started afresh). */
  readonly restoreNotice?: string;
  /** Set when the last save failed (storage full or blocked). */
  readonly saveProblem?: string;
}
