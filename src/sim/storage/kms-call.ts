/**
 * One call to the simulated KMS, drawn as what it is: a request from an actor to KMS and KMS's
 * answer (the output, or the exception with AWS's message). The request body on the wire is the
 * real AWS JSON 1.1 encoding of the input. The answer is whatever the engine decided: this file
 * never guesses an outcome, and a refusal is explained by the decision the engine recorded for it
 * (`kms.audit.decisionOf`), in the access engine's own sentence.
 *
 * Used by the object store (S3 calling KMS on a caller's behalf, with kms:ViaService set) and by
 * anyone in a lesson who calls KMS directly (a thief with a stolen encrypted data key).
 */
import { explainDecision, isKmsError, KmsError, type CallContext, type CloudTrailEvent, type Input, type Kms, type Output } from '../../kms/index';
import { encodeOutput } from '../../kms/wire/encode';
import type { Payload } from '../core/events';
import { metadataPayload } from '../network/payloads';
import type { Network } from '../network/network';
import { utf8 } from '../tls/bytes';

export interface KmsCall {
  net: Network;
  kms: Kms;
  /** The actor that sends the request. */
  from: string;
  /** The KMS actor on the diagram. */
  kmsActor: string;
  operation: string;
  input: Input;
  context: CallContext;
  /** What the request shows on the diagram (blobs described, not dumped). */
  request: Payload[];
  /** What a successful answer shows. */
  response(output: Output): Payload[];
}

export type KmsCallResult =
  | { ok: true; output: Output; audit: CloudTrailEvent | undefined }
  | { ok: false; error: KmsError; audit: CloudTrailEvent | undefined };

/** Who a request is made for, as the diagram shows it ("assumed-role/report-app/web-1 via s3.eu-west-2.amazonaws.com"). */
export function onBehalfOf(context: CallContext): Payload {
  const who = context.caller.arn.replace(/^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:/, '');
  return metadataPayload('caller', context.viaService ? `${who} via ${context.viaService}` : who);
}

export async function callKms(call: KmsCall): Promise<KmsCallResult> {
  const { net, kms, from, kmsActor, operation, input, context } = call;
  const body = JSON.stringify(encodeOutput(input, kms.operations[operation]?.input));
  net.send({ from, to: kmsActor, label: `kms:${operation}`, carries: [...call.request, onBehalfOf(context)], wire: utf8(body) });
  const before = kms.audit.events.length;
  let result: KmsCallResult;
  try {
    const output = await kms.call(operation, input, context);
    result = { ok: true, output, audit: kms.audit.events[before] };
  } catch (caught) {
    const error = isKmsError(caught) ? caught : new KmsError('KMSInternalException', String(caught));
    result = { ok: false, error, audit: kms.audit.events[before] };
  }
  if (result.ok) {
    net.send({ from: kmsActor, to: from, label: `${operation} result`, carries: call.response(result.output), wire: utf8(operation) });
  } else {
    const { code, message } = result.error;
    // A refusal is explained by the decision the engine recorded for this very call.
    const decision = result.audit ? kms.audit.decisionOf(result.audit.eventID) : undefined;
    if (decision && decision.result.decision !== 'Allow') net.note(kmsActor, `refuses: ${explainDecision(decision.result)}`, { tone: 'danger' });
    net.send({ from: kmsActor, to: from, label: code, carries: [metadataPayload('message', message === '' ? '(empty, as AWS sends it)' : message)], wire: utf8(`${code}: ${message}`) });
  }
  return result;
}
