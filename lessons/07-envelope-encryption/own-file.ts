/**
 * The learner's own file, envelope-encrypted and decrypted in chunks: one GenerateDataKey for the
 * file, the chunks sealed in the file worker (src/sim/envelope/stream) into a file of the origin's
 * private file system, then the way back through KMS Decrypt with the encrypted data key the sealed
 * file's header carries into a second private file, and a byte-by-byte comparison of the decrypted
 * copy with the original, chunk by chunk. Memory stays a few chunks whatever the file's size (where
 * the browser has no private file system the outputs are kept in memory, and the page says so).
 * The page sees progress and the two results through src/lessons/learner-files.ts, and can cancel
 * through the stream's job control (which also removes the files when superseded or reset); the
 * scenario's state keeps only the sizes and the verdict.
 */
import { fileJobs, type FileJobPhase, type FileJobView, type LearnerFile } from '../../src/lessons/learner-files';
import type { KmsInvoker } from '../../src/sim/envelope';
import { chunkCount, createFileWorkerClient, DEFAULT_CHUNK_BYTES, fileJobControl, openHeader, type FileJobResult, type FileJobTicket } from '../../src/sim/envelope/stream';
import type { EncryptionContext } from '../../src/sim/envelope';

export interface OwnFileRun {
  name: string;
  bytes: number;
  chunks: number;
  sealedBytes: number;
  decryptedBytes: number;
  /** The decrypted copy equals the original, compared byte by byte. */
  identical: boolean;
  /** Set when a step failed: the KMS exception, the local error, or CANCELLED_MESSAGE. */
  error?: string;
}

/** What the page announces, and the run records, when the learner cancels. */
export const CANCELLED_MESSAGE = 'Cancelled: nothing was kept';

const outputOf = (result: FileJobResult, ticket: FileJobTicket): Blob => {
  if (!('blob' in result)) throw new Error('the file worker answered without a file');
  ticket.stored(result.storage);
  return result.blob;
};

export async function runOwnFile(kms: KmsInvoker, keyId: string, file: LearnerFile, context: EncryptionContext): Promise<OwnFileRun> {
  const run: OwnFileRun = { name: file.name, bytes: file.blob.size, chunks: chunkCount(file.blob.size, DEFAULT_CHUNK_BYTES), sealedBytes: 0, decryptedBytes: 0, identical: false };
  const view = { name: file.name, done: 0, total: file.blob.size };
  const show = (phase: FileJobPhase, extra: Partial<FileJobView> = {}) => fileJobs.update({ ...view, ...fileJobs.current, ...extra, name: file.name, phase });
  const progress = (phase: FileJobPhase) => (p: { done: number; total: number }) => show(phase, { done: p.done, total: p.total });
  // The previous job's files are removed (superseded) before this one starts.
  fileJobs.update({ ...view, phase: 'encrypting' });
  const ticket = await fileJobControl.begin();
  const { signal } = ticket;
  const stopIfCancelled = () => signal.throwIfAborted();
  const worker = createFileWorkerClient();
  try {
    const made = await kms('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context });
    if (!made.ok) return await fail(run, ticket, made.error.code);
    // A copy moves to the worker (transferred, so this side's buffer is detached); KMS's answer is zeroed now.
    const plaintext = made.output.Plaintext as Uint8Array;
    const dataKey = new Uint8Array(plaintext);
    plaintext.fill(0);
    stopIfCancelled();
    const sealed = outputOf(
      await worker.run(
        { kind: 'seal', file: file.blob, dataKey, kmsKeyArn: made.output.KeyId as string, encryptionContext: context, encryptedDataKey: made.output.CiphertextBlob as Uint8Array, output: ticket.outputName('sealed') },
        { onProgress: progress('encrypting'), signal },
      ),
      ticket,
    );
    run.sealedBytes = sealed.size;
    show('decrypting', { encrypted: sealed, done: 0, total: sealed.size });

    // The way back reads only what the sealed file holds: its header names the encrypted data key and the context.
    const { header, encryptedDataKey } = await openHeader(sealed);
    const opened = await kms('Decrypt', { CiphertextBlob: encryptedDataKey, EncryptionContext: header.encryptionContext });
    if (!opened.ok) return await fail(run, ticket, opened.error.code);
    const key = opened.output.Plaintext as Uint8Array;
    const openKey = new Uint8Array(key);
    key.fill(0);
    stopIfCancelled();
    const decrypted = outputOf(await worker.run({ kind: 'open', sealed, dataKey: openKey, output: ticket.outputName('decrypted') }, { onProgress: progress('decrypting'), signal }), ticket);
    run.decryptedBytes = decrypted.size;
    show('comparing', { decrypted, done: 0, total: decrypted.size });

    const compared = await worker.run({ kind: 'compare', a: file.blob, b: decrypted }, { onProgress: progress('comparing'), signal });
    run.identical = 'equal' in compared && compared.equal;
    show('done', { done: decrypted.size, total: decrypted.size });
    await ticket.finish('done');
    return run;
  } catch (caught) {
    if (signal.aborted) return await fail(run, ticket, CANCELLED_MESSAGE, 'cancelled');
    return await fail(run, ticket, caught instanceof Error ? caught.message : String(caught));
  } finally {
    worker.dispose();
  }
}

/** Ends the job keeping nothing: its files are removed, and the page offers no download. */
async function fail(run: OwnFileRun, ticket: FileJobTicket, error: string, outcome: 'failed' | 'cancelled' = 'failed'): Promise<OwnFileRun> {
  await ticket.finish(outcome);
  fileJobs.update({ ...(fileJobs.current ?? { done: 0, total: run.bytes }), encrypted: undefined, decrypted: undefined, name: run.name, phase: 'failed', message: error });
  return { ...run, error };
}
