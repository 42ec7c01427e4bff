/**
 * Every console action is a real KMS call, made as the principal the learner acts as, through the
 * same engine the terminal uses. The outcome keeps the request (for the CLI and SDK equivalents)
 * and either the output or KMS's error exactly as KMS worded it.
 */
import { isKmsError, type RecordedDecision } from '../../kms/index.ts';
import type { CodeRequest } from './code/equivalents.ts';
import type { ConsoleSession } from './console-session.ts';

export type ActionOutcome =
  | { ok: true; request: CodeRequest; output: Record<string, unknown> }
  | {
      ok: false;
      request: CodeRequest;
      code: string;
      message: string;
      /** The access decision behind a refusal (what the policy engine saw and why it said no). */
      decision?: RecordedDecision;
    };

export interface ActionOptions {
  /** Blob members read from sandbox files, so the CLI equivalent says `fileb://…`. */
  files?: Readonly<Record<string, string>>;
}

export async function runAction(
  session: ConsoleSession,
  operation: string,
  input: Record<string, unknown>,
  options: ActionOptions = {},
): Promise<ActionOutcome> {
  const context = session.world.callContext();
  const request: CodeRequest = { operation, input, files: options.files, region: context.region };
  const kms = session.kms;
  const before = kms.audit.events.length;
  try {
    const output = await kms.call(operation, input, context);
    return { ok: true, request, output };
  } catch (error) {
    // kms.call rejects only with KmsError; anything else is reported as what it is.
    if (!isKmsError(error)) return { ok: false, request, code: 'Error', message: error instanceof Error ? error.message : String(error) };
    return { ok: false, request, code: error.code, message: error.message, decision: refusal(session, before, operation, error.code) };
  }
}

/** The decision recorded with this call's audit event, when KMS refused it for access. */
function refusal(session: ConsoleSession, before: number, operation: string, code: string): RecordedDecision | undefined {
  if (code !== 'AccessDeniedException') return undefined;
  const event = session.kms.audit.events
    .slice(before)
    .find((candidate) => candidate.eventType === 'AwsApiCall' && candidate.eventName === operation && candidate.errorCode === code);
  return event ? session.kms.audit.decisionOf(event.eventID) : undefined;
}
