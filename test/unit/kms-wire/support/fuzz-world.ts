/**
 * The seeded world the wire fuzz test runs against: keys of every simulated type and state,
 * aliases, a grant, ciphertexts, signatures and an import token, built through the engine's own
 * operations. Its values feed the request generators so that generated requests reach deep.
 */
import { createKms, type Kms } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createRng } from '../../../../src/sim/core/rng';
import type { FuzzPools } from './fuzz-requests';

export const FUZZ_ACCOUNT = '111122223333';
export const FUZZ_REGION = 'eu-west-2';
const root = { arn: `arn:aws:iam::${FUZZ_ACCOUNT}:root` };
const context = { caller: root, region: FUZZ_REGION };

/** Operations whose handler does slow work (RSA key generation): their AWS quotas stay in force. */
const EXPENSIVE = new Set(['CreateKey', 'GetParametersForImport']);

export async function seedFuzzWorld(): Promise<{ kms: Kms; pools: FuzzPools }> {
  const clock = createModelClock();
  const kms = createKms({ clock, rng: createRng(20261128) });
  // The clock never moves, so every bucket holds one second's worth. Cheap management operations
  // get a high rate so the fuzz reaches their state changes; the expensive ones keep AWS's rates
  // (CreateKey 5, GetParametersForImport and RSA data key pairs 1), which bounds key generation.
  for (const name of Object.keys(kms.operations)) if (!EXPENSIVE.has(name)) kms.quotas.setRate({ operation: name }, 1e6);
  kms.quotas.enabled = false; // seeding below is not part of the fuzz
  const call = (operation: string, input: Record<string, unknown>) => kms.call(operation, input, context);
  const create = async (input: Record<string, unknown>) => ((await call('CreateKey', input)).KeyMetadata as { KeyId: string; Arn: string });

  const symmetric = await create({ Description: 'fuzz symmetric' });
  const second = await create({});
  const rsaCrypt = await create({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
  const rsaSign = await create({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
  const ecc = await create({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  const hmac = await create({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  const external = await create({ Origin: 'EXTERNAL' });
  const disabled = await create({});
  await call('DisableKey', { KeyId: disabled.KeyId });
  const doomed = await create({});
  await call('ScheduleKeyDeletion', { KeyId: doomed.KeyId, PendingWindowInDays: 7 });
  await call('CreateAlias', { AliasName: 'alias/fuzz-sym', TargetKeyId: symmetric.KeyId });
  await call('CreateAlias', { AliasName: 'alias/fuzz-ecc', TargetKeyId: ecc.KeyId });

  const text = (s: string) => new TextEncoder().encode(s);
  const blobs: Uint8Array[] = [];
  const keep = (value: unknown) => value instanceof Uint8Array && blobs.push(value);
  keep((await call('Encrypt', { KeyId: symmetric.KeyId, Plaintext: text('fuzz') })).CiphertextBlob);
  keep((await call('Encrypt', { KeyId: second.KeyId, Plaintext: text('ctx'), EncryptionContext: { purpose: 'fuzz' } })).CiphertextBlob);
  const dataKey = await call('GenerateDataKey', { KeyId: symmetric.KeyId, KeySpec: 'AES_256' });
  keep(dataKey.CiphertextBlob);
  keep(dataKey.Plaintext);
  keep((await call('Encrypt', { KeyId: rsaCrypt.KeyId, Plaintext: text('rsa'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })).CiphertextBlob);
  keep((await call('Sign', { KeyId: ecc.KeyId, Message: text('m'), SigningAlgorithm: 'ECDSA_SHA_256' })).Signature);
  keep((await call('Sign', { KeyId: rsaSign.KeyId, Message: text('m'), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })).Signature);
  keep((await call('GenerateMac', { KeyId: hmac.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' })).Mac);
  keep((await call('GetPublicKey', { KeyId: ecc.KeyId })).PublicKey);
  const importParameters = await call('GetParametersForImport', {
    KeyId: external.KeyId,
    WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
    WrappingKeySpec: 'RSA_2048',
  });
  keep(importParameters.ImportToken);
  keep(text('m'));

  // Keys only the correct-use templates name (see FuzzPools.sanctuary).
  const safe = await create({ Description: 'fuzz sanctuary' });
  const safeOther = await create({});
  const safeEcc = await create({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  const safeHmac = await create({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  const sealedContext = { tenant: 'fuzz' };
  const sealed = await call('Encrypt', { KeyId: safe.KeyId, Plaintext: text('sanctuary'), EncryptionContext: sealedContext });
  const signedMessage = text('signed');
  const signed = await call('Sign', { KeyId: safeEcc.KeyId, Message: signedMessage, SigningAlgorithm: 'ECDSA_SHA_256' });
  const mac = await call('GenerateMac', { KeyId: safeHmac.KeyId, Message: signedMessage, MacAlgorithm: 'HMAC_SHA_256' });

  const grantee = `arn:aws:iam::${FUZZ_ACCOUNT}:role/fuzz`;
  const grant = await call('CreateGrant', { KeyId: symmetric.KeyId, GranteePrincipal: grantee, Operations: ['Encrypt', 'Decrypt'] });
  kms.quotas.enabled = true;

  const keys = [symmetric, second, rsaCrypt, rsaSign, ecc, hmac, external, disabled, doomed];
  const pools: FuzzPools = {
    keyRefs: [
      ...keys.flatMap((k) => [k.KeyId, k.Arn]),
      'alias/fuzz-sym',
      `arn:aws:kms:${FUZZ_REGION}:${FUZZ_ACCOUNT}:alias/fuzz-ecc`,
      'alias/missing',
      'alias/aws/s3',
      'fake-key-id',
      '00000000-0000-4000-8000-000000000000',
      `arn:aws:kms:us-east-1:${FUZZ_ACCOUNT}:key/${symmetric.KeyId}`,
      `arn:aws:kms:${FUZZ_REGION}:444455556666:key/${symmetric.KeyId}`,
    ],
    aliasNames: ['alias/fuzz-sym', 'alias/fuzz-ecc', 'alias/fuzz-new', 'alias/fuzz-other', 'alias/aws/ebs', 'fuzz', 'alias/bad name'],
    principals: [root.arn, grantee, `arn:aws:iam::${FUZZ_ACCOUNT}:user/alice`, 'arn:aws:iam::444455556666:root', '*', 'not a principal'],
    grantTokens: [String(grant.GrantToken), 'not-a-token'],
    grantIds: [String(grant.GrantId), '0'.repeat(64)],
    blobs,
    policies: [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: root.arn }, Action: 'kms:*', Resource: '*' }],
      }),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: root.arn }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${FUZZ_ACCOUNT}:user/alice` }, Action: 'kms:Decrypt', Resource: '*' },
        ],
      }),
      '{"Version": "2012-10-17"',
      '{}',
    ],
    nowSeconds: clock.now() / 1000,
    sanctuary: {
      symmetric: safe.Arn,
      other: safeOther.KeyId,
      ecc: safeEcc.KeyId,
      hmac: safeHmac.Arn,
      sealed: { blob: sealed.CiphertextBlob as Uint8Array, context: sealedContext },
      signed: { message: signedMessage, signature: signed.Signature as Uint8Array },
      mac: { message: signedMessage, mac: mac.Mac as Uint8Array },
    },
  };
  return { kms, pools };
}
