/**
 * The sandbox session that `#/sandbox` (the console and the terminal) runs on, and its storage.
 *
 * ```ts
 * const session = await createSandboxSession({ storage: indexedDbStorage() });
 * if (session.restoreNotice) show(session.restoreNotice);
 * await session.shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt');
 * session.world.actAs('arn:aws:iam::111122223333:user/bob');      // the terminal and console act as bob
 * await session.advance(30 * MS_PER_DAY);                           // deletion windows and rotations play out
 * const stop = session.subscribe(() => rerender());                 // any change; saved shortly after
 * ```
 *
 * Kept across reloads in IndexedDB: the keys WITH their key material (non-extractable CryptoKeys
 * are stored by structured clone, never exported), aliases, policies, grants, tags, pending
 * deletions, rotation dates, the audit log, the world, the files, the terminal's history and
 * directory, and the model time. Not kept: shell variables (`export`), and the decision traces
 * of ALLOWED calls of an earlier visit (denials keep theirs; see src/kms/persist/engine-state.ts).
 * Request quotas are off in the sandbox (see parts.ts).
 */
export { createSandboxSession } from './session.ts';
export { memoryStorage } from './memory-storage.ts';
export { indexedDbStorage } from './indexed-db-storage.ts';
export { SandboxImportError } from './import-sandbox.ts';
export { SANDBOX_REGION } from './parts.ts';
export { SEED_FILES, TUTORIAL_ALIAS } from './seed.ts';
export { EXPORT_NOTE, IMPORT_NOTE, SANDBOX_EXPORT_FORMAT, SANDBOX_EXPORT_VERSION } from './export-format.ts';
export { SAVED_SANDBOX_FORMAT, SAVED_SANDBOX_VERSION, type SavedSandbox } from './saved-sandbox.ts';
export type { SandboxSession, SandboxStorage, SandboxOptions, ImportReport } from './types.ts';
