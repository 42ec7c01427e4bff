import type { KmsAccessRequest } from '../access/policy/types.ts';
import type { CloudTrailEvent } from './cloudtrail-event.ts';
import { DecisionBook, type RecordedDecision } from './recorded-decision.ts';

/**
 * How many events a log keeps by default. A long sandbox session or `npm run kms:serve` must not
 * grow without end: beyond this the oldest events (and their decisions) are dropped, as a
 * CloudTrail console view only ever shows recent history.
 */
export const AUDIT_LOG_CAPACITY = 50_000;

/** CloudTrail log with subscribers, bounded to its most recent events: the engine writes, views read. */
export class AuditLog {
  private readonly list: CloudTrailEvent[] = [];
  private readonly listeners = new Set<(event: CloudTrailEvent) => void>();
  private readonly decisions = new DecisionBook();

  constructor(readonly capacity: number = AUDIT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`audit log capacity must be a positive integer, not ${capacity}`);
  }

  get events(): readonly CloudTrailEvent[] {
    return this.list;
  }

  /** Appends one event with the access decisions the call made (none for calls refused before authorization). */
  append(event: CloudTrailEvent, decisions: readonly KmsAccessRequest[] = []): void {
    this.list.push(event);
    this.decisions.record(event.eventID, decisions);
    if (this.list.length > this.capacity) {
      for (const dropped of this.list.splice(0, this.list.length - this.capacity)) this.decisions.forget(dropped.eventID);
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken view must not break KMS.
        console.error('audit subscriber failed', error);
      }
    }
  }

  /** The decision that settled the call of `eventID` (see DecisionBook.decisive). */
  decisionOf(eventID: string): RecordedDecision | undefined {
    return this.decisions.decisive(eventID);
  }

  /** Every decision the call of `eventID` made, in order (ReEncrypt and CreateAlias check two keys). */
  decisionsOf(eventID: string): RecordedDecision[] {
    return this.decisions.all(eventID);
  }

  subscribe(listener: (event: CloudTrailEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
