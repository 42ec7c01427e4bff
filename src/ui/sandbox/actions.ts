/**
 * Every console action is a real KMS call, made as the principal the learner acts as, through the
 * same engine the terminal uses. The outcome keeps the request (for the CLI and SDK equivalents)
 * and either the output or KMS's error exactly as KMS worded it.
 */
import { isKmsError } from '../../kms/index.ts';
import type { CodeRequest } from './code/equivalents.ts';
import type { ConsoleSession } from './console-session.ts';

export type ActionOutcome =
  | { ok: true; request: CodeRequest; output: Record<string, unknown> }
  | { ok: false; request: CodeRequest; code: string; message: string };

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
  try {
    const output = await session.kms.call(operation, input, context);
    return { ok: true, request, output };
  } catch (error) {
    // kms.call rejects only with KmsError; anything else is reported as what it is.
    if (isKmsError(error)) return { ok: false, request, code: error.code, message: error.message };
    return { ok: false, request, code: 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}
