import type { Authorizer } from './access/authorize.ts';
import type { KmsAccessRequest } from './access/policy/types.ts';
import type { ModelClock } from '../sim/core/clock.ts';
import type { Rng } from '../sim/core/rng.ts';
import type { CallContext, KmsCaller } from './caller.ts';
import type { KeyStore, Scope } from './keys/key-store.ts';
import type { KmsKey } from './keys/kms-key.ts';

/** Resource quotas (reference §12.2). On-demand rotations: 25 is the current documented value (10 was recorded in 2025). */
export interface ResourceLimits {
  keysPerRegion: number;
  aliasesPerKey: number;
  grantsPerKey: number;
  onDemandRotationsPerKey: number;
  /** Key policy document size: 32,768 bytes for learners (reference §11.4 flags that it may have been raised). */
  keyPolicyBytes: number;
  tagsPerKey: number;
}

export const DEFAULT_LIMITS: ResourceLimits = {
  keysPerRegion: 100_000,
  aliasesPerKey: 50,
  grantsPerKey: 50_000,
  onDemandRotationsPerKey: 25,
  keyPolicyBytes: 32_768,
  tagsPerKey: 50,
};

/** The state shared by all operations of one simulated KMS. */
export interface KmsWorld {
  store: KeyStore;
  clock: ModelClock;
  rng: Rng;
  defaultAccountId: string;
  limits: ResourceLimits;
  /** The authorization seam in use (policy checks such as the lock-out check ask it too). */
  authorize: Authorizer;
  /** Whether an IAM principal named in a key policy exists (KmsOptions.principalExists); absent = all do. */
  principalExists?: (arn: string) => boolean;
}

/** What a handler gets besides its input. */
export interface OperationContext {
  world: KmsWorld;
  operation: string;
  call: CallContext;
  caller: KmsCaller;
  /** Caller's account and the request's Region: where bare key ids and alias names are looked up. */
  scope: Scope;
  /** The key named by the description's `key` member, already resolved and authorized. */
  key?: KmsKey;
  dryRun: boolean;
  now(): number;
  /** Resolves a further key reference and authorizes `action` on it (ReEncrypt's destination, CreateAlias's target). */
  useKey(ref: string, aliases: boolean, action: string, extra?: AuthorizationExtras): KmsKey;
  /** Authorizes `action` on a key found another way (Decrypt finds its key in the blob). */
  authorizeKey(key: KmsKey, action: string, extra?: AuthorizationExtras): void;
  /** Adds what the CloudTrail record needs beyond the request copy (resolved key ARNs, defaults). */
  note: AuditNotes;
}

export interface AuthorizationExtras {
  encryptionContext?: Record<string, string>;
}

export interface AuditNotes {
  resources: KmsKey[];
  requestParameters: Record<string, unknown>;
  /** The access requests decided during the call, in order (kms.audit.decisionOf). */
  decisions: KmsAccessRequest[];
}
