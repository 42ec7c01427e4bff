import { KmsError, messages } from '../errors.ts';
import type { KmsKey } from './kms-key.ts';
import type { KeyState } from './key-state-machine.ts';

/**
 * The key-state table of the reference (§7): for each operation, which states refuse it and with
 * which exception. A state not listed for an operation allows it. AWS checks the state after the
 * lookup and before key spec/usage, so handlers call `assertKeyState` first thing.
 */
type Refusal = (key: KmsKey) => KmsError;

const disabled: Refusal = (k) => new KmsError('DisabledException', messages.disabled(k.arn));
const pendingDeletion: Refusal = (k) => new KmsError('KMSInvalidStateException', messages.pendingDeletion(k.arn));
const pendingImport: Refusal = (k) => new KmsError('KMSInvalidStateException', messages.pendingImport(k.arn));
const unavailable: Refusal = (k) => new KmsError('KMSInvalidStateException', messages.unavailable(k.arn));
const notPendingDeletion: Refusal = (k) => new KmsError('KMSInvalidStateException', messages.notPendingDeletion(k.arn));
const originExternal: Refusal = (k) => new KmsError('UnsupportedOperationException', messages.originInvalid(k.arn, k.origin));

type Row = Partial<Record<KeyState, Refusal>>;

/** Footnotes 1, 3, 5, 11: cryptographic use needs an Enabled key. */
const USE: Row = { Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: pendingImport, Unavailable: unavailable };
const EVERY_STATE: Row = {};
const NOT_PENDING_DELETION: Row = { PendingDeletion: pendingDeletion };

export const KEY_STATE_TABLE: Record<string, Row> = {
  Encrypt: USE,
  Decrypt: USE,
  ReEncrypt: USE,
  GenerateDataKey: USE,
  GenerateDataKeyWithoutPlaintext: USE,
  GenerateDataKeyPair: USE,
  GenerateDataKeyPairWithoutPlaintext: USE,
  Sign: USE,
  Verify: USE,
  GenerateMac: USE,
  DeriveSharedSecret: USE,
  VerifyMac: USE,
  // The table says DisabledException for a disabled key; LocalStack claims AWS allows it. We follow the table.
  GetPublicKey: USE,
  CreateGrant: { Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: pendingImport },
  CancelKeyDeletion: { Enabled: notPendingDeletion, Disabled: notPendingDeletion, PendingImport: notPendingDeletion, Unavailable: notPendingDeletion },
  CreateAlias: NOT_PENDING_DELETION,
  UpdateAlias: NOT_PENDING_DELETION, // footnote 10: the destination key must not be pending deletion
  DeleteAlias: EVERY_STATE,
  DescribeKey: EVERY_STATE,
  GetKeyPolicy: EVERY_STATE,
  PutKeyPolicy: EVERY_STATE,
  ListKeyPolicies: EVERY_STATE,
  ListGrants: EVERY_STATE,
  ListAliases: EVERY_STATE,
  ListResourceTags: EVERY_STATE,
  RetireGrant: EVERY_STATE,
  RevokeGrant: EVERY_STATE,
  ListKeyRotations: EVERY_STATE,
  DisableKey: { PendingDeletion: pendingDeletion, PendingImport: pendingImport },
  EnableKey: { PendingDeletion: pendingDeletion, PendingImport: pendingImport },
  EnableKeyRotation: { Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: originExternal, Unavailable: originExternal },
  DisableKeyRotation: { Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: originExternal, Unavailable: originExternal },
  GetKeyRotationStatus: { PendingImport: originExternal },
  // Recorded 2025-11: disabled → DisabledException (state before spec), no material → pending import.
  RotateKeyOnDemand: USE,
  GetParametersForImport: { PendingDeletion: pendingDeletion },
  ImportKeyMaterial: { PendingDeletion: pendingDeletion },
  DeleteImportedKeyMaterial: EVERY_STATE,
  ScheduleKeyDeletion: NOT_PENDING_DELETION,
  TagResource: NOT_PENDING_DELETION,
  UntagResource: NOT_PENDING_DELETION,
  UpdateKeyDescription: NOT_PENDING_DELETION,
};

/** Throws the table's exception when `operation` is not allowed in the key's current state. */
export function assertKeyState(operation: string, key: KmsKey): void {
  const refusal = KEY_STATE_TABLE[operation]?.[key.state];
  if (refusal) throw refusal(key);
}

/** For views: does the table allow `operation` in `state`? */
export function stateAllows(operation: string, state: KeyState): boolean {
  return !KEY_STATE_TABLE[operation]?.[state];
}
