/**
 * Envelope encryption for files of any size: one data key per file, the file sealed in chunks in a
 * Web Worker, output built as a Blob of parts (never one giant buffer).
 *
 *   format.ts        the sealed file's layout: header, per-chunk IV and additional data
 *   chunk-cipher.ts  sealFile / openFile / sameBytes over Blobs, chunk by chunk, with progress and cancel
 *   data-key.ts      the plaintext data key imported non-extractable, then zeroed
 *   protocol.ts      worker messages and their handler; worker.ts the entry; client.ts the page's side
 */
export { sealFile, openFile, openHeader, sameBytes, ChunkAuthenticationError, type StreamProgress, type StreamOptions, type SealFileRequest } from './chunk-cipher';
export { importDataKey } from './data-key';
export { STREAM_FORMAT, STREAM_ALGORITHM, DEFAULT_CHUNK_BYTES, STREAM_TAG_BYTES, chunkCount, sealedSize, readHeader, type StreamHeader } from './format';
export { createFileWorkerClient, createFileWorker, createInlineFileWorker, type FileWorkerClient, type FileWorkerLike, type FileRunOptions } from './client';
export type { FileJob, FileJobResult } from './protocol';
