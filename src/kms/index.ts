/**
 * KMS Lab's simulated AWS KMS — the public API of `src/kms`.
 *
 * ```ts
 * import { createKms, KmsError } from '../kms/index.ts';
 *
 * const kms = createKms({ clock, rng, accountId: '111122223333' });   // all optional
 * const alice = { caller: { arn: 'arn:aws:iam::111122223333:user/alice' }, region: 'eu-west-2' };
 * const { KeyMetadata } = await kms.call('CreateKey', { Description: 'tutorial' }, alice);
 * const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: KeyMetadata.KeyId, Plaintext: bytes }, alice);
 * ```
 *
 * `kms.call(operation, input, context)`
 * - `operation`: the AWS name (`'Encrypt'`, `'CreateKey'` …); see `operations` below for the list.
 * - `input`: the request members by their AWS (PascalCase) names, ALREADY DECODED: blobs as
 *   `Uint8Array`, timestamps as `Date`, numbers as numbers. The engine validates constraints
 *   (lengths, ranges, enums, patterns, required members) with AWS's exact ValidationException text;
 *   a member of the wrong JS type is a `SerializationException`; unknown members are ignored.
 * - `context`: `{ caller: { arn, accountId?, type?, principalId?, accessKeyId?, identityPolicies?,
 *   tags?, iamAllows? }, region, sourceIp?, userAgent?, viaService? }` (see caller.ts; the simulated
 *   world's `world.callContext()` builds one).
 * - Resolves with the output object (blobs `Uint8Array`, timestamps `Date`, members in AWS's order;
 *   `{}` for operations without output) or REJECTS WITH A `KmsError` — never anything else
 *   (unexpected failures become `KMSInternalException` and are logged).
 * - Calls run one at a time in arrival order (ids come from one seeded stream, so runs replay exactly).
 *
 * For the wire layer:
 * - `operations[name]` (also `kms.operations`) is the single source of truth: `input`/`output`
 *   StructureShapes (shape.ts vocabulary) say which members are `blob` (base64 on the wire) and
 *   `timestamp` (epoch seconds), including nested ones (KeyMetadata, ListAliases' dates, grants).
 *   `action`, `quota`, `readOnly`, `cryptographic`, `doc` and member docs serve the CLI and audit.
 * - `KmsError`: `code` (the `__type`), `message`, `status` (400, or 500 for server faults),
 *   `messageKey` (`'Message'` for AccessDeniedException, `'message'` otherwise) and `toWire()`.
 *   Unknown operation → `UnknownOperationException`.
 *
 * For views and lessons:
 * - `kms.audit.events` / `kms.audit.subscribe(fn)`: CloudTrail-style events of every call (allowed
 *   or denied, succeeded or failed) and of what KMS does by itself (RotateKey, DeleteKey,
 *   DeleteExpiredKeyMaterial; `eventType: 'AwsServiceEvent'` — count API calls with
 *   `eventType === 'AwsApiCall'`). Never plaintext, never key material.
 * - `kms.keys(filter?)`, `kms.aliases({ region })`: view-safe snapshots (no CryptoKey).
 * - `kms.keyStateMachine`: the XState machine of the key lifecycle the engine enforces.
 * - `kms.clock`: the model clock. Advancing it applies rotations, material expiry and deletions;
 *   `await kms.settle()` waits until they are done.
 * - `kms.quotas.setRate(family, perSecond)`: lower a quota ('symmetric-crypto', 'rsa-crypto',
 *   'ecc-crypto', 'data-key-pair:RSA_2048', { operation: 'CreateKey' } …). Buckets refill in MODEL
 *   time: with a clock that never advances, a burst beyond the bucket is throttled for good; pass
 *   `quotas: false` to createKms for a server that does not model time.
 * - `kms.awsManagedKey(service, { region })`: what an integrated service does on first use —
 *   creates `alias/aws/<service>` (KeyManager AWS, yearly rotation, usable only via the service:
 *   call with `context.viaService = '<service>.<region>.amazonaws.com'`).
 *
 * Authorization: one seam, `access/authorize.ts`, deciding every call with `evaluateKmsAccess`:
 * the key policy, the caller's IAM identity policies (`caller.identityPolicies`, real documents;
 * `iamAllows` for older callers), grants, and the request context (encryption context,
 * kms:ViaService, aws:SourceIp, aws:CurrentTime from the model clock, aws:PrincipalTag/… from
 * `caller.tags`). `kms.audit.decisionOf(eventID)` gives any call's decision (request and trace);
 * `createKms({ authorize })` can replace the seam. The simulated world (src/sim/world) makes callers.
 *
 * Not simulated (answered with UnsupportedOperationException "… is not simulated in KMS Lab."):
 * ECC_SECG_P256K1, HMAC_224 (no SHA-224 in WebCrypto), SM2, ML-DSA and Ed25519 keys; multi-Region
 * keys; custom key stores; Nitro Enclaves `Recipient`; Sign with MessageType DIGEST (after AWS's
 * digest-length check; Verify with DIGEST works); importing into asymmetric or HMAC keys; wrapping
 * algorithms other than RSAES_OAEP_SHA_1/SHA_256.
 */
export { createKms, type Kms, type KmsOptions, type KeySummary } from './engine.ts';
export { KmsError, KMS_ERROR_CODES, type KmsErrorCode, isKmsError } from './errors.ts';
export { operations } from './operations/index.ts';
export type { OperationDescription, Input, Output } from './operations/description.ts';
export type { CallContext, KmsCaller } from './caller.ts';
export type { CloudTrailEvent } from './audit/cloudtrail-event.ts';
export type { RecordedDecision } from './audit/recorded-decision.ts';
export { AUDIT_LOG_CAPACITY } from './audit/audit-log.ts';
export { keyStateMachine, KEY_STATES, type KeyState } from './keys/key-state-machine.ts';
export { KEY_STATE_TABLE, stateAllows } from './keys/key-state-rules.ts';
export { defaultAuthorizer, type Authorizer, type AuthorizationDecision, type AuthorizationRequest } from './access/authorize.ts';
export * from './operations/shape.ts';
export * from './access/policy/index.ts';
export { KMS_STATE_VERSION, readKmsState, type KmsEngineState } from './persist/index.ts';
