/**
 * Questions an auditor asks of KMS's CloudTrail events, answered from the events alone: who
 * decrypted a given S3 object, which calls were refused, which calls changed a key. The scenario's
 * checks and the quiz both ask through these functions, so the answer a learner is graded against
 * is exactly what the engine logged.
 */
import type { CloudTrailEvent } from '../../src/kms/index';

/** The encryption context S3 sends with SSE-KMS: it names the object (S3 User Guide, "Encryption context"). */
export const S3_CONTEXT_KEY = 'aws:s3:arn';

export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

export function encryptionContextOf(event: CloudTrailEvent): Record<string, string> {
  const context = event.requestParameters?.encryptionContext;
  return context && typeof context === 'object' ? (context as Record<string, string>) : {};
}

/** Events whose encryption context names this S3 object (every KMS call S3 made for it). */
export function eventsForObject(events: readonly CloudTrailEvent[], objectArnValue: string): CloudTrailEvent[] {
  return events.filter((e) => encryptionContextOf(e)[S3_CONTEXT_KEY] === objectArnValue);
}

/** Principals (userIdentity.arn) whose Decrypt of this object succeeded, in the order they first did. */
export function whoDecrypted(events: readonly CloudTrailEvent[], objectArnValue: string): string[] {
  const readers = eventsForObject(events, objectArnValue).filter((e) => e.eventName === 'Decrypt' && !e.errorCode).map((e) => e.userIdentity.arn);
  return [...new Set(readers)];
}

/** Calls that ended with this error code (AccessDeniedException: refused by the access decision). */
export const refusedWith = (events: readonly CloudTrailEvent[], errorCode: string): CloudTrailEvent[] => events.filter((e) => e.errorCode === errorCode);

/** Every call that ended in an error, whatever the error. */
export const failedCalls = (events: readonly CloudTrailEvent[]): CloudTrailEvent[] => events.filter((e) => Boolean(e.errorCode));

/** Calls that change something (`readOnly: false`): what a "write-only" trail keeps. */
export const writeEvents = (events: readonly CloudTrailEvent[]): CloudTrailEvent[] => events.filter((e) => !e.readOnly);

/** Distinct event names, in the order they first appear. */
export const eventNames = (events: readonly CloudTrailEvent[]): string[] => [...new Set(events.map((e) => e.eventName))];

/**
 * The events an EventBridge rule with this pattern would match ({"source": ["aws.kms"],
 * "detail-type": ["AWS API Call via CloudTrail"], "detail": {"eventName": [...]}}): the same test
 * as the rule's, on the same events. The rule, its delivery and any alarm are not simulated.
 */
export function matchingEventNames(events: readonly CloudTrailEvent[], names: readonly string[]): CloudTrailEvent[] {
  return events.filter((e) => e.eventSource === 'kms.amazonaws.com' && e.eventType === 'AwsApiCall' && names.includes(e.eventName));
}

/** Whether any member of the event's request or response holds this text (the plaintext, say). */
export function eventMentions(event: CloudTrailEvent, text: string): boolean {
  return JSON.stringify([event.requestParameters, event.responseElements]).includes(JSON.stringify(text).slice(1, -1));
}

/** `arn:aws:iam::111122223333:user/bob` → `user/bob`, as the audit log's rows name principals. */
export const shortPrincipal = (arn: string): string => arn.replace(/^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:/, '');
