import { evaluateKmsAccess } from '../access/policy/evaluate.ts';
import type { KmsAccessRequest, KmsAccessResult } from '../access/policy/types.ts';

/**
 * One access decision of a recorded call: the exact input the engine gave `evaluateKmsAccess`
 * and what it answered. The decision view opens it from an audit event (`kms.audit.decisionOf`).
 */
export interface RecordedDecision {
  request: KmsAccessRequest;
  result: KmsAccessResult;
}

/** How many recent results are kept once computed (views open the same few events repeatedly). */
const RESULT_CACHE_SIZE = 64;

/**
 * The decisions behind audit events, by eventID. Only the requests are kept: they are small and
 * share the policy documents with the key and the caller, while a trace is several kilobytes. The
 * result is computed again on demand — `evaluateKmsAccess` is pure, so it is the same result the
 * call got. The audit log drops an event's decisions when it drops the event.
 */
export class DecisionBook {
  private readonly requests = new Map<string, readonly KmsAccessRequest[]>();
  private readonly results = new Map<KmsAccessRequest, KmsAccessResult>();

  record(eventID: string, requests: readonly KmsAccessRequest[]): void {
    if (requests.length) this.requests.set(eventID, requests);
  }

  forget(eventID: string): void {
    for (const request of this.requests.get(eventID) ?? []) this.results.delete(request);
    this.requests.delete(eventID);
  }

  /** Every decision of the call, in the order they were made (ReEncrypt: source key, then destination). */
  all(eventID: string): RecordedDecision[] {
    return (this.requests.get(eventID) ?? []).map((request) => ({ request, result: this.resultOf(request) }));
  }

  /**
   * The decision that settled the call: the denial when one stopped it (a denial ends the call, so
   * it is the last), otherwise the first — the key the operation is about.
   */
  decisive(eventID: string): RecordedDecision | undefined {
    const all = this.all(eventID);
    const last = all.at(-1);
    return last && last.result.decision !== 'Allow' ? last : all[0];
  }

  private resultOf(request: KmsAccessRequest): KmsAccessResult {
    let result = this.results.get(request);
    if (!result) {
      result = evaluateKmsAccess(request);
      if (this.results.size >= RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value as KmsAccessRequest);
      this.results.set(request, result);
    }
    return result;
  }
}
