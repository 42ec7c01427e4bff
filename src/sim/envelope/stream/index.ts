/**
 * Envelope encryption for files of any size: one data key per file, the file sealed in chunks in a
 * Web Worker, output written to disk as it is made (never one giant buffer).
 *
 *   format.ts        the sealed file's layout: header, per-chunk IV and additional data
 *   chunk-cipher.ts  sealFile / openFile / sameBytes over Blobs, chunk by chunk, with progress and cancel
 *   data-key.ts      the plaintext data key imported non-extractable, then zeroed
 *   pipeline.ts      the bounded read-ahead every job runs on (memory: a few chunks, whatever the size)
 *   sink.ts, opfs.ts where output goes: the origin's private file system (disk), else memory
 *   protocol.ts      worker messages and their handler; worker.ts the entry; client.ts the page's side
 *   job-control.ts   the page's one running job: cancel, output names, removal when superseded or reset
 */
export { sealFile, openFile, openHeader, sameBytes, ChunkAuthenticationError, DEFAULT_READ_AHEAD, type StreamProgress, type StreamOptions, type SealFileRequest } from './chunk-cipher';
export { pipeChunks, type ByteSource, type ChunkPipeline } from './pipeline';
export { memorySink, type ChunkSink, type OutputStorage } from './sink';
export { openDiskSink, removeStoredOutput, OUTPUT_FOLDER } from './opfs';
export { createFileJobControl, fileJobControl, type FileJobControl, type FileJobControlView, type FileJobOutcome, type FileJobTicket } from './job-control';
export { importDataKey } from './data-key';
export { STREAM_FORMAT, STREAM_ALGORITHM, DEFAULT_CHUNK_BYTES, STREAM_TAG_BYTES, chunkCount, sealedSize, readHeader, type StreamHeader } from './format';
export { createFileWorkerClient, createFileWorker, createInlineFileWorker, type FileWorkerClient, type FileWorkerLike, type FileRunOptions } from './client';
export type { FileJob, FileJobResult } from './protocol';
