/**
 * The decision the access engine made for one audited call, when the KMS recorded it
 * (`kms.audit.decisionOf`): service events and calls made before access control was decided have none.
 */
import type { Kms } from '../../../kms/index.ts';
import type { RecordedDecision } from '../../access/recorded-decision';

type AuditWithDecisions = Kms['audit'] & { decisionOf?: (eventID: string) => RecordedDecision | undefined };

export function decisionFor(kms: Kms, eventID: string): RecordedDecision | undefined {
  return (kms.audit as AuditWithDecisions).decisionOf?.(eventID);
}
