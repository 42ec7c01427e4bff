import { KmsError, messages } from '../errors.ts';
import { generateAesKey } from '../crypto/aes-gcm.ts';
import { generateEcdhMaterial, generateEcSigningMaterial, generateRsaEncryptionMaterial, generateRsaSigningMaterial } from '../crypto/asymmetric-keys.ts';
import type { KmsWorld } from '../engine-context.ts';
import { defaultKeyPolicy } from './default-policy.ts';
import { keyArn } from './identifiers.ts';
import { algorithmsFor, type KeySpec, type KeyUsage, SPECS } from './key-specs.ts';
import { initialKeyState } from './key-state-machine.ts';
import type { KeyManager, KmsKey, Origin } from './kms-key.ts';

export interface NewKey {
  accountId: string;
  region: string;
  spec: KeySpec;
  usage: KeyUsage;
  origin: Origin;
  manager: KeyManager;
  description: string;
  policy?: string;
  tags?: Map<string, string>;
  /** Automatic rotation from birth (AWS managed keys rotate every year). */
  rotationDays?: number;
}

/** Refuses, loudly, what WebCrypto cannot do instead of pretending. */
export function assertSimulated(spec: KeySpec, usage: KeyUsage, origin: Origin): void {
  const info = SPECS[spec];
  if (info.notSimulated) throw new KmsError('UnsupportedOperationException', messages.notSimulated(`KeySpec ${spec} (${info.notSimulated})`));
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE') {
    throw new KmsError('UnsupportedOperationException', messages.notSimulated(`Origin ${origin} (custom key stores)`));
  }
  if (origin === 'EXTERNAL' && spec !== 'SYMMETRIC_DEFAULT') {
    throw new KmsError('UnsupportedOperationException', messages.notSimulated(`Importing key material into a ${spec} key`));
  }
}

/** Creates the key record and its non-extractable key material. */
export async function createKeyRecord(world: KmsWorld, spec: NewKey): Promise<KmsKey> {
  assertSimulated(spec.spec, spec.usage, spec.origin);
  const now = world.clock.now();
  const id = world.rng.uuid();
  const key: KmsKey = {
    id,
    arn: keyArn(spec.region, spec.accountId, id),
    accountId: spec.accountId,
    region: spec.region,
    createdAt: now,
    description: spec.description,
    spec: spec.spec,
    usage: spec.usage,
    origin: spec.origin,
    manager: spec.manager,
    state: initialKeyState(spec.origin !== 'EXTERNAL'),
    backing: [],
    rotation: spec.rotationDays
      ? { enabled: true, periodDays: spec.rotationDays, nextRotationAt: now + spec.rotationDays * 86_400_000, onDemandCount: 0 }
      : { enabled: false, periodDays: 365, onDemandCount: 0 },
    policy: spec.policy ?? defaultKeyPolicy(spec.accountId),
    tags: spec.tags ?? new Map(),
    grants: [],
    importedMaterialIds: new Set(),
  };
  if (spec.origin === 'EXTERNAL') return key;
  await addKeyMaterial(key, { now, newMaterialId: () => world.rng.hex(64) });
  return key;
}

/**
 * Gives a key record without material its first, freshly generated, non-extractable material: a
 * backing key (symmetric), a key pair (RSA, ECC) or an HMAC key. Also used when a sandbox export
 * is imported: the keys come back with NEW material, because material never leaves.
 */
export async function addKeyMaterial(key: KmsKey, options: { now: number; newMaterialId: () => string }): Promise<void> {
  const info = SPECS[key.spec];
  if (info.family === 'symmetric') {
    const materialId = options.newMaterialId();
    key.backing.push({ materialId, key: await generateAesKey(), createdAt: options.now, rotatedAt: options.now });
    key.currentMaterialId = materialId;
  } else if (info.family === 'rsa') {
    key.asymmetric = key.usage === 'ENCRYPT_DECRYPT'
      ? await generateRsaEncryptionMaterial(info.rsaBits!)
      : await generateRsaSigningMaterial(info.rsaBits!);
  } else if (info.family === 'ecc' && key.usage === 'KEY_AGREEMENT') {
    key.asymmetric = await generateEcdhMaterial(info.curve!);
  } else if (info.family === 'ecc') {
    const [algorithm] = algorithmsFor(key.spec, key.usage).SigningAlgorithms ?? [];
    key.asymmetric = await generateEcSigningMaterial(info.curve!, algorithm);
  } else {
    const bits = Number(key.spec.slice('HMAC_'.length));
    key.hmacKey = await crypto.subtle.generateKey({ name: 'HMAC', hash: info.hmacHash!, length: bits }, false, ['sign', 'verify']);
  }
}
