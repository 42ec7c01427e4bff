import { type CallContext, callerAccount, callerType } from '../caller.ts';
import type { KmsError } from '../errors.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import type { OperationDescription } from '../operations/description.ts';
import type { CloudTrailEvent } from './cloudtrail-event.ts';
import { redactStructure } from './redact.ts';

/** Documentation address range (RFC 5737): what a caller's IP looks like when the world does not say. */
export const DEFAULT_SOURCE_IP = '192.0.2.10';
export const DEFAULT_USER_AGENT = 'kms-lab';

const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function resourcesOf(keys: KmsKey[]): CloudTrailEvent['resources'] {
  const seen = new Map<string, KmsKey>();
  for (const key of keys) seen.set(key.arn, key);
  return [...seen.values()].map((k) => ({ accountId: k.accountId, type: 'AWS::KMS::Key' as const, ARN: k.arn }));
}

export interface CallRecord {
  operation: string;
  description?: OperationDescription;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
  error?: KmsError;
  context: CallContext;
  defaultAccountId: string;
  at: number;
  requestId: string;
  eventId: string;
  resources: KmsKey[];
  extraRequestParameters: Record<string, unknown>;
}

/** Builds the CloudTrail event of one API call. Never plaintext, never key material (see redact.ts). */
export function apiCallEvent(r: CallRecord): CloudTrailEvent {
  const { caller, viaService } = r.context;
  const account = callerAccount(caller, r.defaultAccountId);
  const type = callerType(caller);
  const serviceHost = viaService?.replace(/^([a-z0-9-]+)\.[a-z0-9-]+\.amazonaws\.com$/, '$1.amazonaws.com');
  const description = r.description;
  const requestParameters = description
    ? { ...redactStructure(description.input, r.input), ...r.extraRequestParameters }
    : null;
  let responseElements: Record<string, unknown> | null = null;
  if (description && !description.cryptographic && r.output && !r.error) {
    const copied = redactStructure(description.output, r.output);
    responseElements = Object.keys(copied).length > 0 ? copied : null;
  }
  const event: CloudTrailEvent = {
    eventVersion: '1.08',
    userIdentity: {
      type,
      principalId: caller.principalId ?? (type === 'Root' ? account : `AIDA${r.requestId.replace(/-/g, '').slice(0, 17).toUpperCase()}`),
      arn: caller.arn,
      accountId: account,
      ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
      ...(type === 'IAMUser' ? { userName: caller.arn.split('/').pop() } : {}),
      ...(serviceHost ? { invokedBy: serviceHost } : {}),
    },
    eventTime: isoSeconds(r.at),
    eventSource: 'kms.amazonaws.com',
    eventName: r.operation,
    awsRegion: r.context.region,
    sourceIPAddress: serviceHost ?? r.context.sourceIp ?? DEFAULT_SOURCE_IP,
    userAgent: serviceHost ?? r.context.userAgent ?? DEFAULT_USER_AGENT,
    requestParameters,
    responseElements,
    requestID: r.requestId,
    eventID: r.eventId,
    readOnly: description?.readOnly ?? true,
    resources: resourcesOf(r.resources),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
  if (r.error) {
    event.errorCode = r.error.code;
    event.errorMessage = r.error.message;
  }
  return event;
}

/** What KMS records when it acts by itself (rotation, end of a deletion window). */
export function serviceEvent(name: string, key: KmsKey, at: number, requestId: string, eventId: string): CloudTrailEvent {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'AWSService', principalId: 'kms.amazonaws.com', arn: 'kms.amazonaws.com', accountId: key.accountId, invokedBy: 'kms.amazonaws.com' },
    eventTime: isoSeconds(at),
    eventSource: 'kms.amazonaws.com',
    eventName: name,
    awsRegion: key.region,
    sourceIPAddress: 'kms.amazonaws.com',
    userAgent: 'kms.amazonaws.com',
    requestParameters: null,
    responseElements: null,
    requestID: requestId,
    eventID: eventId,
    readOnly: false,
    resources: resourcesOf([key]),
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: key.accountId,
    eventCategory: 'Management',
  };
}
