/**
 * The whole state of one simulated KMS as ONE structured-cloneable value: keys with their
 * non-extractable CryptoKeys, aliases, tombstones of deleted keys, the audit log, where the id
 * generator stands and the model time. IndexedDB (and `structuredClone`) copy CryptoKeys without
 * ever exporting them, so a saved sandbox keeps its key material and old ciphertexts still decrypt.
 *
 * Time effects are not timers: rotation dates, deletion dates and material expiry are fields of the
 * keys, and the engine applies whatever is due whenever the clock moves or a call arrives. So a
 * restored engine replays the pending deletions and rotations exactly when model time passes them.
 *
 * Not kept: request quota buckets (they start full again), quota overrides set with
 * `kms.quotas.setRate` (the sandbox sets none), and the access decisions behind ALLOWED calls:
 * the audit log keeps a decision's input and evaluates it when a view opens it, so saving every
 * decision would mean evaluating every call again at each save. Denials — the decisions a learner
 * comes back to — are kept.
 */
import type { RngState } from '../../sim/core/rng.ts';
import type { KmsAccessRequest } from '../access/policy/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CloudTrailEvent } from '../audit/cloudtrail-event.ts';
import type { KeyStore, KeyStoreContents } from '../keys/key-store.ts';

/** Bumped whenever the shape changes; a saved state of another version is refused, not guessed at. */
export const KMS_STATE_VERSION = 1;

export interface KmsEngineState {
  version: typeof KMS_STATE_VERSION;
  /** Model time (ms) when the state was taken. */
  time: number;
  /** The generator of key ids, request ids and grant ids, so ids go on without repeating. */
  rng: RngState;
  accountId: string;
  store: KeyStoreContents;
  audit: CloudTrailEvent[];
  /** The decision inputs of denied calls, by eventID (absent in states saved before they were kept). */
  denials?: [eventID: string, requests: KmsAccessRequest[]][];
}

/** A deep, independent copy of the engine's state (CryptoKeys are cloned, never exported). */
export function captureEngineState(parts: {
  time: number;
  rng: RngState;
  accountId: string;
  store: KeyStore;
  audit: AuditLog;
}): KmsEngineState {
  const denied = parts.audit.events.filter((event) => event.errorCode === 'AccessDeniedException');
  return structuredClone({
    version: KMS_STATE_VERSION,
    time: parts.time,
    rng: parts.rng,
    accountId: parts.accountId,
    store: parts.store.contents(),
    audit: [...parts.audit.events],
    denials: denied.map((event): [string, KmsAccessRequest[]] => [event.eventID, parts.audit.decisionsOf(event.eventID).map((d) => d.request)]),
  });
}

/** Puts the saved events back into an empty audit log, with the decisions kept for them. */
export function refillAuditLog(audit: AuditLog, state: KmsEngineState): void {
  const decisions = new Map(state.denials ?? []);
  for (const event of state.audit) audit.append(event, decisions.get(event.eventID));
}
