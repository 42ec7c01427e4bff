/**
 * Saving a simulated KMS and bringing it back (the sandbox keeps its keys across reloads):
 *
 *   const state = await kms.snapshot();          // structured-cloneable; put it in IndexedDB as is
 *   const again = createKms({ state: readKmsState(await loadFromIndexedDb()), authorize });
 *
 * Key material stays in non-extractable CryptoKeys throughout: IndexedDB clones them, nothing
 * exports them. See engine-state.ts for what is kept and what is not.
 */
export { KMS_STATE_VERSION, captureEngineState, refillAuditLog, type KmsEngineState } from './engine-state.ts';
export { readKmsState, issuePath, modelTimeSchema, LATEST_MODEL_TIME } from './read-state.ts';
export {
  publicKmsState, publicKmsStateSchema, publicStateProblems, stateWithNewMaterial, MAX_IMPORTED_KEYS,
  type PublicKmsState, type CheckedPublicKmsState,
} from './public-state.ts';
