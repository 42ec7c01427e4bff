/**
 * What the decision view shows: the exact input the engine gave evaluateKmsAccess for one request,
 * and its result. The same shape as `RecordedDecision` of the KMS audit (`kms.audit.decisionOf`).
 */
import type { KmsAccessRequest, KmsAccessResult } from '../../kms/index.ts';

export interface RecordedDecision {
  request: KmsAccessRequest;
  result: KmsAccessResult;
}
