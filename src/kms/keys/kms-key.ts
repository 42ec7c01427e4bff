import type { AsymmetricMaterial } from '../crypto/asymmetric-keys.ts';
import type { KeySpec, KeyUsage } from './key-specs.ts';
import type { KeyState } from './key-state-machine.ts';

export type Origin = 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
export type KeyManager = 'CUSTOMER' | 'AWS';
export type ExpirationModel = 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';

/** One backing key (key material version) of a symmetric KMS key. Old versions stay to decrypt old blobs. */
export interface BackingKey {
  /** KeyMaterialId: 64 lower-case hex characters. */
  materialId: string;
  /** Non-extractable AES-256-GCM key. */
  key: CryptoKey;
  createdAt: number;
  /** How this version became current (absent for the first). */
  rotationType?: 'AUTOMATIC' | 'ON_DEMAND';
  /** Model time it became (or becomes) current; undefined while PENDING_ROTATION. */
  rotatedAt?: number;
  /** Imported material only. */
  imported?: { expirationModel: ExpirationModel; validTo?: number; description?: string };
}

export interface RotationSettings {
  enabled: boolean;
  periodDays: number;
  /** Next automatic rotation, model ms. */
  nextRotationAt?: number;
  onDemandCount: number;
}

export interface Grant {
  grantId: string;
  token: string;
  name?: string;
  keyArn: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  issuingAccount: string;
  operations: string[];
  constraints?: { EncryptionContextSubset?: Record<string, string>; EncryptionContextEquals?: Record<string, string> };
  createdAt: number;
}

export interface ImportParameters {
  token: string;
  wrappingAlgorithm: string;
  wrappingKeySpec: string;
  /** Non-extractable RSA-OAEP private key used only to unwrap imported material. */
  unwrappingKey: CryptoKey;
  validTo: number;
}

/** Everything the simulated KMS knows about one KMS key. Never serialised whole: it holds CryptoKeys. */
export interface KmsKey {
  id: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: number;
  description: string;
  spec: KeySpec;
  usage: KeyUsage;
  origin: Origin;
  manager: KeyManager;
  state: KeyState;
  deletionDate?: number;
  pendingWindowInDays?: number;
  /** Symmetric encryption keys: every version ever used, current last-rotated. */
  backing: BackingKey[];
  currentMaterialId?: string;
  asymmetric?: AsymmetricMaterial;
  hmacKey?: CryptoKey;
  rotation: RotationSettings;
  policy: string;
  tags: Map<string, string>;
  grants: Grant[];
  importParameters?: ImportParameters;
  /** Every KeyMaterialId ever imported (EXTERNAL keys): only these may be re-imported as EXISTING_KEY_MATERIAL. */
  importedMaterialIds: Set<string>;
}

export function currentBacking(key: KmsKey): BackingKey | undefined {
  return key.backing.find((b) => b.materialId === key.currentMaterialId);
}
