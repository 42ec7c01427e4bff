import { KmsError } from '../errors.ts';
import { generateAesKey } from '../crypto/aes-gcm.ts';
import type { KmsWorld } from '../engine-context.ts';
import { type KeyLifecycleEvent, nextKeyState } from './key-state-machine.ts';
import type { KmsKey } from './kms-key.ts';

/**
 * Moves a key through the lifecycle machine. The key-state table has already refused illegal
 * operations with AWS's messages, so a refusal here is an engine bug, reported as such.
 */
export function moveKey(world: KmsWorld, key: KmsKey, event: KeyLifecycleEvent): void {
  const hasMaterial = key.origin !== 'EXTERNAL' || key.currentMaterialId !== undefined;
  const next = nextKeyState(key.state, event, hasMaterial);
  if (next === undefined) throw new KmsError('KMSInternalException', `lifecycle does not allow ${event.type} in ${key.state}`);
  if (next === 'Deleted') {
    world.store.remove(key);
    return;
  }
  key.state = next;
  if (next !== 'PendingDeletion') {
    key.deletionDate = undefined;
    key.pendingWindowInDays = undefined;
  }
}

/** A new backing key for a symmetric AWS_KMS key; old versions stay so old ciphertexts decrypt. */
export async function rotateGeneratedMaterial(world: KmsWorld, key: KmsKey, type: 'AUTOMATIC' | 'ON_DEMAND', at: number): Promise<void> {
  const materialId = world.rng.hex(64);
  key.backing.push({ materialId, key: await generateAesKey(), createdAt: at, rotationType: type, rotatedAt: at });
  key.currentMaterialId = materialId;
}
