import type { KmsWorld } from '../engine-context.ts';
import { moveKey, rotateGeneratedMaterial } from './lifecycle.ts';
import type { KmsKey } from './kms-key.ts';

/** CloudTrail names of what KMS does by itself as time passes (reference §10: "DeleteKey event by AWS"). */
export type ServiceEventName = 'DeleteKey' | 'RotateKey' | 'DeleteExpiredKeyMaterial';

export type ServiceEventSink = (name: ServiceEventName, key: KmsKey, at: number) => void;

const DAY = 86_400_000;

/** Cheap check run before every call: is anything due at `now`? */
export function hasDueTimeEffects(world: KmsWorld, now: number): boolean {
  for (const key of world.store.all()) {
    const r = key.rotation;
    if (key.state === 'Enabled' && r.enabled && r.nextRotationAt !== undefined && r.nextRotationAt <= now && key.origin === 'AWS_KMS') return true;
    if (key.state === 'PendingDeletion' && key.deletionDate !== undefined && key.deletionDate <= now) return true;
    if (key.origin === 'EXTERNAL') {
      const current = key.backing.find((b) => b.materialId === key.currentMaterialId)?.imported;
      if (current?.expirationModel === 'KEY_MATERIAL_EXPIRES' && current.validTo !== undefined && current.validTo <= now) return true;
    }
  }
  return false;
}

/**
 * Applies everything the model clock has made due, key by key in creation order (deterministic):
 * automatic rotation, expiry of imported key material, and the end of deletion windows. Runs before
 * every call and whenever the clock advances, so nothing depends on wall time.
 *
 * Rotation happens only while the key is Enabled. A key that was disabled across its rotation
 * date rotates when it is next seen Enabled, once per missed period, dated at each period boundary.
 */
export async function applyDueTimeEffects(world: KmsWorld, now: number, emit: ServiceEventSink): Promise<void> {
  for (const key of world.store.all()) {
    const r = key.rotation;
    if (key.state === 'Enabled' && r.enabled && r.nextRotationAt !== undefined && key.origin === 'AWS_KMS') {
      while (r.nextRotationAt !== undefined && r.nextRotationAt <= now) {
        const at: number = r.nextRotationAt;
        await rotateGeneratedMaterial(world, key, 'AUTOMATIC', at);
        r.nextRotationAt = at + r.periodDays * DAY;
        emit('RotateKey', key, at);
      }
    }
    const current = key.backing.find((b) => b.materialId === key.currentMaterialId);
    const validTo = current?.imported?.expirationModel === 'KEY_MATERIAL_EXPIRES' ? current.imported.validTo : undefined;
    if (validTo !== undefined && validTo <= now) {
      // KMS deletes expired imported material: every version goes, the key waits for a new import.
      key.backing = [];
      key.currentMaterialId = undefined;
      if (key.state !== 'PendingDeletion') moveKey(world, key, { type: 'MATERIAL_REMOVED' });
      emit('DeleteExpiredKeyMaterial', key, validTo);
    }
    if (key.state === 'PendingDeletion' && key.deletionDate !== undefined && key.deletionDate <= now) {
      emit('DeleteKey', key, key.deletionDate);
      moveKey(world, key, { type: 'DELETION_WINDOW_ENDED' });
    }
  }
}
