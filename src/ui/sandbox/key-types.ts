/**
 * How the console names and offers key types, derived from the engine's spec table so the wizard
 * offers exactly what KMS Lab simulates (and says what it does not).
 */
import type { KeySummary } from '../../kms/index.ts';
import { KEY_SPECS, SPECS, type KeySpec, type KeyUsage } from '../../kms/keys/key-specs.ts';

export type KeyType = 'AWS managed' | 'Customer managed' | 'Imported';

/** AWS managed (KeyManager AWS), imported (Origin EXTERNAL) or customer managed. */
export function keyType(metadata: KeySummary['metadata']): KeyType {
  if (metadata.KeyManager === 'AWS') return 'AWS managed';
  if (metadata.Origin === 'EXTERNAL') return 'Imported';
  return 'Customer managed';
}

/** The wizard's first choice, as the AWS console words it. */
export type WizardKeyType = 'symmetric' | 'asymmetric' | 'hmac';

/** Specs of a wizard key type that serve a usage, simulated ones only, in the engine's order. */
export function specsFor(type: WizardKeyType, usage: KeyUsage): KeySpec[] {
  const families = type === 'symmetric' ? ['symmetric'] : type === 'hmac' ? ['hmac'] : ['rsa', 'ecc'];
  return KEY_SPECS.filter((spec) => {
    const info = SPECS[spec];
    return families.includes(info.family) && info.usages.includes(usage) && !info.notSimulated;
  }).sort();
}

/** Specs of a wizard key type that KMS has but KMS Lab does not simulate, with the reason. */
export function notSimulatedSpecs(type: WizardKeyType, usage: KeyUsage): { spec: KeySpec; reason: string }[] {
  const families = type === 'symmetric' ? ['symmetric'] : type === 'hmac' ? ['hmac'] : ['rsa', 'ecc'];
  return KEY_SPECS.flatMap((spec) => {
    const info = SPECS[spec];
    return families.includes(info.family) && info.usages.includes(usage) && info.notSimulated ? [{ spec, reason: info.notSimulated }] : [];
  });
}

export const USAGES_BY_TYPE: Record<WizardKeyType, { usage: KeyUsage; label: string }[]> = {
  symmetric: [{ usage: 'ENCRYPT_DECRYPT', label: 'Encrypt and decrypt' }],
  asymmetric: [
    { usage: 'ENCRYPT_DECRYPT', label: 'Encrypt and decrypt' },
    { usage: 'SIGN_VERIFY', label: 'Sign and verify' },
    { usage: 'KEY_AGREEMENT', label: 'Key agreement' },
  ],
  hmac: [{ usage: 'GENERATE_VERIFY_MAC', label: 'Generate and verify MAC' }],
};

export function isAsymmetric(spec: unknown): boolean {
  return typeof spec === 'string' && (spec.startsWith('RSA_') || spec.startsWith('ECC_') || spec === 'SM2');
}

/** Automatic and on-demand rotation are for symmetric encryption keys. */
export function isRotatable(spec: unknown): boolean {
  return spec === 'SYMMETRIC_DEFAULT';
}

/** The name a key goes by in the console: its first alias, else its id. */
export function displayName(key: KeySummary): string {
  return key.aliases[0] ?? String(key.metadata.KeyId);
}
