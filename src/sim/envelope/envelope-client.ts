/**
 * Client-side envelope encryption, the two paths:
 *
 *   seal  GenerateDataKey(KeyId, KeySpec AES_256, EncryptionContext) → encrypt locally with the
 *         plaintext data key (AES-256-GCM, the context as additional data) → erase the plaintext
 *         data key → an Envelope: the encrypted data key, the context and the ciphertext, together.
 *   open  Decrypt(CiphertextBlob = the encrypted data key, EncryptionContext) → decrypt locally →
 *         erase the data key again.
 *
 * Who calls KMS, as whom, and whether the call is drawn is the caller's business: both paths take a
 * `KmsInvoker`. `directKms` calls the engine silently (tests, workers); `drawnKms` draws each call as
 * a request and an answer on the diagram, refusals explained by the engine's recorded decision.
 * A refusal or any KMS exception is returned, never thrown, so a lesson can show it.
 */
import { isKmsError, KmsError, type CallContext, type Input, type Kms } from '../../kms/index';
import type { Network } from '../network/network';
import { bytesPayload, metadataPayload } from '../network/payloads';
import { callKms, type KmsCallResult } from '../storage/kms-call';
import type { Bytes } from '../tls/bytes';
import { decryptWithDataKey, encryptWithDataKey } from './data-key-cipher';
import { canonicalContext, describeContext, type EncryptionContext } from './encryption-context';
import { encodeEnvelope, type Envelope } from './envelope-record';

export type EnvelopeKmsOperation = 'GenerateDataKey' | 'Decrypt';

/** One KMS call as the envelope paths need it; the answer is the engine's, exceptions included. */
export type KmsInvoker = (operation: EnvelopeKmsOperation, input: Input) => Promise<KmsCallResult>;

/** Calls the engine as `context.caller`, drawing nothing. */
export function directKms(kms: Kms, context: CallContext): KmsInvoker {
  return async (operation, input) => {
    const before = kms.audit.events.length;
    try {
      const output = await kms.call(operation, input, context);
      return { ok: true, output, audit: kms.audit.events[before] };
    } catch (caught) {
      const error = isKmsError(caught) ? caught : new KmsError('KMSInternalException', String(caught));
      return { ok: false, error, audit: kms.audit.events[before] };
    }
  };
}

export interface DrawnKmsOptions {
  net: Network;
  kms: Kms;
  /** The actor that calls KMS (the client), and KMS's actor on the diagram. */
  from: string;
  kmsActor: string;
  context: CallContext;
}

/** Calls the engine as `context.caller`, each call drawn as a request and KMS's answer (src/sim/storage's callKms). */
export function drawnKms({ net, kms, from, kmsActor, context }: DrawnKmsOptions): KmsInvoker {
  return (operation, input) => {
    const encryptionContext = describeContext((input.EncryptionContext as EncryptionContext | undefined) ?? {});
    const request =
      operation === 'GenerateDataKey'
        ? [metadataPayload('KeyId', String(input.KeyId)), metadataPayload('KeySpec', String(input.KeySpec)), metadataPayload('EncryptionContext', encryptionContext)]
        : [bytesPayload('encrypted-key', 'CiphertextBlob (the encrypted data key)', input.CiphertextBlob as Uint8Array), metadataPayload('EncryptionContext', encryptionContext)];
    return callKms({
      net,
      kms,
      from,
      kmsActor,
      operation,
      input,
      context,
      request,
      response: (output) => [
        bytesPayload('key', 'Plaintext (the data key)', output.Plaintext as Uint8Array, 8),
        ...(operation === 'GenerateDataKey' ? [bytesPayload('encrypted-key', 'CiphertextBlob (the data key, encrypted under the KMS key)', output.CiphertextBlob as Uint8Array)] : []),
      ],
    });
  };
}

export interface SealRequest {
  /** Key id, ARN or alias of a symmetric encryption KMS key. */
  keyId: string;
  encryptionContext: EncryptionContext;
  plaintext: Uint8Array;
}

export type SealResult = { ok: true; envelope: Envelope; bytes: Bytes } | { ok: false; error: KmsError };

/** Envelope-encrypts `plaintext` under a fresh data key; nothing is encrypted if KMS refuses the data key. */
export async function sealEnvelope(kms: KmsInvoker, request: SealRequest): Promise<SealResult> {
  const { keyId, encryptionContext, plaintext } = request;
  const result = await kms('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: encryptionContext });
  if (!result.ok) return { ok: false, error: result.error };
  // encryptWithDataKey erases the plaintext data key as soon as WebCrypto holds it.
  const { iv, ciphertext } = await encryptWithDataKey(result.output.Plaintext as Uint8Array, plaintext, canonicalContext(encryptionContext));
  const envelope: Envelope = { kmsKeyArn: result.output.KeyId as string, encryptionContext: { ...encryptionContext }, encryptedDataKey: result.output.CiphertextBlob as Bytes, iv, ciphertext };
  return { ok: true, envelope, bytes: encodeEnvelope(envelope) };
}

export interface OpenOptions {
  /** The context the reader supplies; default the one the envelope's header carries. A different one fails at KMS. */
  encryptionContext?: EncryptionContext;
  /** Name the key the reader expects (good practice); KMS answers IncorrectKeyException if the blob is another key's. */
  keyId?: string;
}

export type OpenResult =
  | { ok: true; plaintext: Bytes; kmsKeyArn: string }
  /** KMS refused the data key (AccessDeniedException, InvalidCiphertextException, DisabledException …). */
  | { ok: false; stage: 'kms'; error: KmsError }
  /** KMS returned a data key but the local AES-GCM tag did not verify: the ciphertext or IV was changed. */
  | { ok: false; stage: 'local'; error: Error };

export async function openEnvelope(kms: KmsInvoker, envelope: Envelope, options: OpenOptions = {}): Promise<OpenResult> {
  const encryptionContext = options.encryptionContext ?? envelope.encryptionContext;
  const input: Input = { CiphertextBlob: envelope.encryptedDataKey, EncryptionContext: encryptionContext, ...(options.keyId ? { KeyId: options.keyId } : {}) };
  const result = await kms('Decrypt', input);
  if (!result.ok) return { ok: false, stage: 'kms', error: result.error };
  try {
    const plaintext = await decryptWithDataKey(result.output.Plaintext as Uint8Array, envelope.iv, envelope.ciphertext, canonicalContext(encryptionContext));
    return { ok: true, plaintext, kmsKeyArn: result.output.KeyId as string };
  } catch (caught) {
    return { ok: false, stage: 'local', error: caught instanceof Error ? caught : new Error(String(caught)) };
  }
}
