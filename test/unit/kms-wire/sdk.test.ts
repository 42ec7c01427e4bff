/**
 * The real @aws-sdk/client-kms driving the simulated KMS in-process, one block per operation
 * family: the code a learner would write against AWS, AWS's response shapes, and errors that
 * surface as SDK exceptions with AWS's names and messages.
 */
import * as kmsSdk from '@aws-sdk/client-kms';
import type { KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInProcessKmsClient } from '../../../src/kms/client/create-client';
import { createKms } from '../../../src/kms/index';

const {
  CancelKeyDeletionCommand, CreateAliasCommand, CreateGrantCommand, CreateKeyCommand, DecryptCommand,
  DeleteAliasCommand, DeleteImportedKeyMaterialCommand, DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand,
  EnableKeyRotationCommand, EncryptCommand, GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand,
  GenerateDataKeyPairCommand, GenerateMacCommand, GenerateRandomCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand,
  GetParametersForImportCommand, GetPublicKeyCommand, ImportKeyMaterialCommand, ListAliasesCommand, ListGrantsCommand,
  ListKeyPoliciesCommand, ListKeyRotationsCommand, ListKeysCommand, ListResourceTagsCommand, PutKeyPolicyCommand,
  ReEncryptCommand, RetireGrantCommand, RevokeGrantCommand, RotateKeyOnDemandCommand, ScheduleKeyDeletionCommand,
  SignCommand, TagResourceCommand, UntagResourceCommand, UpdateAliasCommand, UpdateKeyDescriptionCommand,
  VerifyCommand, VerifyMacCommand, KMSServiceException: ServiceException,
} = kmsSdk;

const ACCOUNT = '111122223333';
const REGION = 'eu-west-2';
const ARN = /^arn:aws:kms:eu-west-2:111122223333:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const text = (s: string) => new TextEncoder().encode(s);
/** SDK byte members are Uint8Array<ArrayBufferLike>; WebCrypto wants an ArrayBuffer-backed copy. */
const own = (bytes: Uint8Array | undefined) => new Uint8Array(bytes!);

let client: KMSClient;
let symmetricArn: string;

async function failure(promise: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceException);
    return error as KMSServiceException;
  }
  throw new Error('expected the call to fail');
}

async function newKey(input: ConstructorParameters<typeof CreateKeyCommand>[0] = {}) {
  const { KeyMetadata } = await client.send(new CreateKeyCommand(input));
  return KeyMetadata!;
}

beforeAll(async () => {
  const kms = createKms();
  kms.quotas.enabled = false; // many CreateKey calls in one model second; throttling has its own test
  client = await createInProcessKmsClient(kms, { region: REGION, maxAttempts: 1 });
  symmetricArn = (await newKey({ Description: 'sdk test key' })).Arn!;
});

describe('CreateKey / DescribeKey / ListKeys / UpdateKeyDescription', () => {
  it('returns KeyMetadata as AWS does, with a Date for CreationDate', async () => {
    const metadata = await newKey({ Description: 'hello' });
    expect(metadata).toMatchObject({
      AWSAccountId: ACCOUNT,
      Description: 'hello',
      Enabled: true,
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      MultiRegion: false,
      Origin: 'AWS_KMS',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    });
    expect(metadata.Arn).toMatch(ARN);
    expect(metadata.Arn!.endsWith(`key/${metadata.KeyId}`)).toBe(true);
    expect(metadata.CreationDate).toBeInstanceOf(Date);
    expect(metadata.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);

    await client.send(new UpdateKeyDescriptionCommand({ KeyId: metadata.KeyId, Description: 'changed' }));
    const described = await client.send(new DescribeKeyCommand({ KeyId: metadata.Arn }));
    expect(described.KeyMetadata?.Description).toBe('changed');
    const { Keys } = await client.send(new ListKeysCommand({}));
    expect(Keys).toContainEqual({ KeyId: metadata.KeyId, KeyArn: metadata.Arn });
  });

  it('answers a malformed and an unknown key id with NotFoundException', async () => {
    const malformed = await failure(client.send(new DescribeKeyCommand({ KeyId: 'fake-key-id' })));
    expect([malformed.name, malformed.message, malformed.$metadata.httpStatusCode]).toEqual([
      'NotFoundException',
      "Invalid keyId 'fake-key-id'",
      400,
    ]);
    const id = '00000000-0000-4000-8000-000000000000';
    const missing = await failure(client.send(new DescribeKeyCommand({ KeyId: id })));
    expect(missing.message).toBe(`Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist`);
  });

  it('requires a KeyUsage for an asymmetric spec (ValidationException)', async () => {
    const error = await failure(newKey({ KeySpec: 'HMAC_256' }));
    expect([error.name, error.message]).toEqual([
      'ValidationException',
      'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    ]);
  });
});

describe('Encrypt / Decrypt / ReEncrypt', () => {
  it('round-trips with an encryption context and answers the key ARN', async () => {
    const encrypted = await client.send(
      new EncryptCommand({ KeyId: symmetricArn, Plaintext: text('hello'), EncryptionContext: { purpose: 'test' } }),
    );
    expect(encrypted.KeyId).toBe(symmetricArn);
    expect(encrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(encrypted.CiphertextBlob).toBeInstanceOf(Uint8Array);
    const decrypted = await client.send(
      new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { purpose: 'test' } }),
    );
    expect(decrypted.Plaintext).toEqual(text('hello'));
    expect(decrypted.KeyId).toBe(symmetricArn);

    const wrongContext = await failure(
      client.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { purpose: 'other' } })),
    );
    expect(wrongContext.name).toBe('InvalidCiphertextException');
    const noContext = await failure(client.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob })));
    expect(noContext.name).toBe('InvalidCiphertextException');
  });

  it('re-encrypts under another key without exposing the plaintext', async () => {
    const other = await newKey();
    const first = await client.send(new EncryptCommand({ KeyId: symmetricArn, Plaintext: text('move me') }));
    const moved = await client.send(new ReEncryptCommand({ CiphertextBlob: first.CiphertextBlob, DestinationKeyId: other.KeyId }));
    expect([moved.SourceKeyId, moved.KeyId]).toEqual([symmetricArn, other.Arn]);
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }));
    expect([opened.KeyId, new TextDecoder().decode(opened.Plaintext)]).toEqual([other.Arn, 'move me']);
  });

  it('refuses more than 4,096 bytes with ValidationException', async () => {
    const error = await failure(client.send(new EncryptCommand({ KeyId: symmetricArn, Plaintext: new Uint8Array(4097) })));
    expect([error.name, error.message]).toEqual([
      'ValidationException',
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    ]);
  });

  it('encrypts with RSA-OAEP and needs the KeyId and algorithm to decrypt', async () => {
    const rsa = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    const encrypted = await client.send(
      new EncryptCommand({ KeyId: rsa.KeyId, Plaintext: text('rsa'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
    );
    expect(encrypted.CiphertextBlob).toHaveLength(256);
    const decrypted = await client.send(
      new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, KeyId: rsa.KeyId, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
    );
    expect(decrypted.Plaintext).toEqual(text('rsa'));
  });
});

describe('GenerateDataKey / GenerateDataKeyWithoutPlaintext / GenerateRandom', () => {
  it('gives a 32-byte data key whose encrypted copy decrypts to the same bytes', async () => {
    const dataKey = await client.send(new GenerateDataKeyCommand({ KeyId: symmetricArn, KeySpec: 'AES_256' }));
    expect(dataKey.Plaintext).toHaveLength(32);
    expect(dataKey.KeyId).toBe(symmetricArn);
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    expect(opened.Plaintext).toEqual(dataKey.Plaintext);

    const sealedOnly = await client.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: symmetricArn, NumberOfBytes: 16 }));
    expect('Plaintext' in sealedOnly).toBe(false);
    const later = await client.send(new DecryptCommand({ CiphertextBlob: sealedOnly.CiphertextBlob }));
    expect(later.Plaintext).toHaveLength(16);
  });

  it('gives exactly NumberOfBytes random bytes, and refuses 0 and 1025', async () => {
    for (const n of [1, 44, 1024]) {
      const { Plaintext } = await client.send(new GenerateRandomCommand({ NumberOfBytes: n }));
      expect(Plaintext).toHaveLength(n);
    }
    const zero = await failure(client.send(new GenerateRandomCommand({ NumberOfBytes: 0 })));
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const tooMany = await failure(client.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })));
    expect(tooMany.name).toBe('ValidationException');
  });
});

describe('GenerateDataKeyPair', () => {
  it('gives a P-256 key pair: DER SPKI public key, PKCS#8 private key, and its encrypted copy', async () => {
    const pair = await client.send(new GenerateDataKeyPairCommand({ KeyId: symmetricArn, KeyPairSpec: 'ECC_NIST_P256' }));
    expect([pair.KeyId, pair.KeyPairSpec]).toEqual([symmetricArn, 'ECC_NIST_P256']);
    const privateKey = await crypto.subtle.importKey('pkcs8', own(pair.PrivateKeyPlaintext), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const publicKey = await crypto.subtle.importKey('spki', own(pair.PublicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, text('pair'));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, text('pair'))).toBe(true);
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: pair.PrivateKeyCiphertextBlob }));
    expect(opened.Plaintext).toEqual(pair.PrivateKeyPlaintext);
  });
});

describe('Sign / Verify / GetPublicKey', () => {
  it('signs with ECDSA P-256 in DER, verifiable outside KMS with the public key', async () => {
    const ecc = await newKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(ecc.SigningAlgorithms).toEqual(['ECDSA_SHA_256']);
    const message = text('sign me');
    const signed = await client.send(new SignCommand({ KeyId: ecc.KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect([signed.KeyId, signed.SigningAlgorithm]).toEqual([ecc.Arn, 'ECDSA_SHA_256']);
    expect(signed.Signature![0]).toBe(0x30); // DER SEQUENCE, not WebCrypto's raw r‖s

    const verified = await client.send(
      new VerifyCommand({ KeyId: ecc.KeyId, Message: message, Signature: signed.Signature, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    expect(verified.SignatureValid).toBe(true);
    const tampered = await failure(
      client.send(new VerifyCommand({ KeyId: ecc.KeyId, Message: text('sign me!'), Signature: signed.Signature, SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    expect(tampered.name).toBe('KMSInvalidSignatureException');

    const publicKey = await client.send(new GetPublicKeyCommand({ KeyId: ecc.KeyId }));
    expect(publicKey).toMatchObject({ KeyId: ecc.Arn, KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ECDSA_SHA_256'] });
    const spki = await crypto.subtle.importKey('spki', own(publicKey.PublicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, spki, derToP1363(signed.Signature!, 32), message);
    expect(ok).toBe(true);
  });

  it('signs with RSASSA-PSS (salt = hash length) and PKCS#1 v1.5, verifiable with WebCrypto', async () => {
    const rsa = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: rsa.KeyId }));
    const message = text('contract');
    const pss = await client.send(new SignCommand({ KeyId: rsa.Arn, Message: message, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
    expect(pss.Signature).toHaveLength(256);
    const pssKey = await crypto.subtle.importKey('spki', own(PublicKey), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pssKey, own(pss.Signature), message)).toBe(true);

    const pkcs = await client.send(new SignCommand({ KeyId: rsa.Arn, Message: message, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }));
    const pkcsKey = await crypto.subtle.importKey('spki', own(PublicKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pkcsKey, own(pkcs.Signature), message)).toBe(true);
  });

  it('refuses Sign with a symmetric key (InvalidKeyUsageException) and GetPublicKey of one', async () => {
    const error = await failure(client.send(new SignCommand({ KeyId: symmetricArn, Message: text('x'), SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect([error.name, error.message]).toEqual([
      'InvalidKeyUsageException',
      `${symmetricArn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`,
    ]);
    const publicKey = await failure(client.send(new GetPublicKeyCommand({ KeyId: symmetricArn })));
    expect(publicKey.name).toBe('UnsupportedOperationException');
  });
});

describe('GenerateMac / VerifyMac', () => {
  it('computes an HMAC that VerifyMac accepts and a changed message fails', async () => {
    const hmac = await newKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(hmac.MacAlgorithms).toEqual(['HMAC_SHA_256']);
    const mac = await client.send(new GenerateMacCommand({ KeyId: hmac.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' }));
    expect(mac.Mac).toHaveLength(32);
    const ok = await client.send(new VerifyMacCommand({ KeyId: hmac.KeyId, Message: text('m'), Mac: mac.Mac, MacAlgorithm: 'HMAC_SHA_256' }));
    expect([ok.MacValid, ok.KeyId]).toEqual([true, hmac.Arn]);
    const bad = await failure(client.send(new VerifyMacCommand({ KeyId: hmac.KeyId, Message: text('n'), Mac: mac.Mac, MacAlgorithm: 'HMAC_SHA_256' })));
    expect(bad.name).toBe('KMSInvalidMacException');
    const wrongAlgorithm = await failure(client.send(new GenerateMacCommand({ KeyId: hmac.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_512' })));
    expect([wrongAlgorithm.name, wrongAlgorithm.message]).toEqual([
      'InvalidKeyUsageException',
      'Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.',
    ]);
  });
});

describe('aliases', () => {
  it('creates, lists, updates and deletes an alias; a duplicate is AlreadyExistsException', async () => {
    const other = await newKey();
    await client.send(new CreateAliasCommand({ AliasName: 'alias/sdk-test', TargetKeyId: symmetricArn }));
    const encrypted = await client.send(new EncryptCommand({ KeyId: 'alias/sdk-test', Plaintext: text('a') }));
    expect(encrypted.KeyId).toBe(symmetricArn);

    const { Aliases } = await client.send(new ListAliasesCommand({ KeyId: symmetricArn }));
    const alias = Aliases?.find((a) => a.AliasName === 'alias/sdk-test');
    expect(alias).toMatchObject({ AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/sdk-test`, TargetKeyId: symmetricArn.split('/')[1] });
    expect(alias?.CreationDate).toBeInstanceOf(Date);

    const duplicate = await failure(client.send(new CreateAliasCommand({ AliasName: 'alias/sdk-test', TargetKeyId: other.KeyId })));
    expect([duplicate.name, duplicate.message]).toEqual([
      'AlreadyExistsException',
      `An alias with the name arn:aws:kms:${REGION}:${ACCOUNT}:alias/sdk-test already exists`,
    ]);
    await client.send(new UpdateAliasCommand({ AliasName: 'alias/sdk-test', TargetKeyId: other.KeyId }));
    const described = await client.send(new DescribeKeyCommand({ KeyId: 'alias/sdk-test' }));
    expect(described.KeyMetadata?.KeyId).toBe(other.KeyId);
    await client.send(new DeleteAliasCommand({ AliasName: 'alias/sdk-test' }));
    const gone = await failure(client.send(new DescribeKeyCommand({ KeyId: 'alias/sdk-test' })));
    expect(gone.name).toBe('NotFoundException');

    const noPrefix = await failure(client.send(new CreateAliasCommand({ AliasName: 'sdk-test', TargetKeyId: other.KeyId })));
    expect([noPrefix.name, noPrefix.message]).toEqual([
      'ValidationException',
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    ]);
  });
});

describe('tags', () => {
  it('tags, lists and untags a key; aws: keys are reserved', async () => {
    const key = await newKey();
    await client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'team', TagValue: 'blue' }, { TagKey: 'env', TagValue: 'lab' }] }));
    const listed = await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId }));
    expect(listed.Tags).toEqual(expect.arrayContaining([{ TagKey: 'team', TagValue: 'blue' }, { TagKey: 'env', TagValue: 'lab' }]));
    expect(listed.Truncated).toBe(false);
    await client.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['team'] }));
    expect((await client.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags).toEqual([{ TagKey: 'env', TagValue: 'lab' }]);
    const reserved = await failure(client.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'aws:x', TagValue: 'y' }] })));
    expect([reserved.name, reserved.message]).toEqual(['TagException', 'Tags beginning with aws: are reserved']);
  });
});

describe('key policies', () => {
  it('returns the default key policy, lists "default", and stores a new policy', async () => {
    const key = await newKey();
    const got = await client.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
    expect(JSON.parse(got.Policy!)).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      ],
    });
    expect((await client.send(new ListKeyPoliciesCommand({ KeyId: key.KeyId }))).PolicyNames).toEqual(['default']);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
    });
    await client.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy }));
    expect(JSON.parse((await client.send(new GetKeyPolicyCommand({ KeyId: key.KeyId }))).Policy!)).toEqual(JSON.parse(policy));
  });
});

describe('grants', () => {
  it('creates, lists, retires and revokes grants', async () => {
    const key = await newKey();
    const grantee = `arn:aws:iam::${ACCOUNT}:role/app`;
    const created = await client.send(
      new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: grantee, Operations: ['Encrypt', 'Decrypt'], RetiringPrincipal: grantee }),
    );
    expect(created.GrantId).toBeTruthy();
    expect(created.GrantToken).toBeTruthy();
    const listed = await client.send(new ListGrantsCommand({ KeyId: key.KeyId }));
    expect(listed.Grants).toHaveLength(1);
    expect(listed.Grants![0]).toMatchObject({ GrantId: created.GrantId, GranteePrincipal: grantee, Operations: ['Encrypt', 'Decrypt'], IssuingAccount: `arn:aws:iam::${ACCOUNT}:root` });
    expect(listed.Grants![0].CreationDate).toBeInstanceOf(Date);

    await client.send(new RetireGrantCommand({ KeyId: key.Arn, GrantId: created.GrantId }));
    expect((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants).toHaveLength(0);

    const second = await client.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: grantee, Operations: ['Decrypt'] }));
    await client.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: second.GrantId }));
    expect((await client.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants).toHaveLength(0);
  });
});

describe('rotation', () => {
  it('enables automatic rotation, rotates on demand, and old ciphertext still decrypts', async () => {
    const key = await newKey();
    const before = await client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text('old') }));
    expect((await client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).KeyRotationEnabled).toBe(false);
    await client.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 90 }));
    const status = await client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90, KeyId: key.Arn });
    expect(status.NextRotationDate).toBeInstanceOf(Date);

    const rotated = await client.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    expect(rotated.KeyId).toBe(key.Arn);
    const rotations = await client.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    expect(rotations.Rotations?.some((r) => r.RotationType === 'ON_DEMAND')).toBe(true);
    const after = await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    expect(after.KeyMetadata?.CurrentKeyMaterialId).not.toBe(key.CurrentKeyMaterialId);
    const opened = await client.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
    expect(opened.Plaintext).toEqual(text('old'));
  });
});

describe('enable, disable and deletion', () => {
  it('disables (DisabledException), schedules deletion, cancels into Disabled', async () => {
    const key = await newKey();
    await client.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    const disabled = await failure(client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text('x') })));
    expect([disabled.name, disabled.message]).toEqual(['DisabledException', `${key.Arn} is disabled.`]);
    await client.send(new EnableKeyCommand({ KeyId: key.KeyId }));

    const scheduled = await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyId: key.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate!.getTime() - Date.UTC(2026, 0, 1)).toBe(7 * 86_400_000);
    const pending = await failure(client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text('x') })));
    expect([pending.name, pending.message]).toEqual(['KMSInvalidStateException', `${key.Arn} is pending deletion.`]);

    const cancelled = await client.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(cancelled.KeyId).toBe(key.Arn);
    const described = await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(described.KeyMetadata?.DeletionDate).toBeUndefined();
  });
});

describe('imported key material', () => {
  it('imports 256-bit material wrapped with RSA-OAEP, then deletes it back to PendingImport', async () => {
    const key = await newKey({ Origin: 'EXTERNAL' });
    expect(key).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false });
    const params = await client.send(
      new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }),
    );
    expect(params.KeyId).toBe(key.Arn);
    expect(params.ParametersValidTo).toBeInstanceOf(Date);
    const wrappingKey = await crypto.subtle.importKey('spki', own(params.PublicKey), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
    const material = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, wrappingKey, material));
    await client.send(
      new ImportKeyMaterialCommand({
        KeyId: key.KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    const imported = await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    expect(imported.KeyMetadata).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    const encrypted = await client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text('byok') }));
    expect((await client.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }))).Plaintext).toEqual(text('byok'));

    await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    const pendingImport = await failure(client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text('x') })));
    expect([pendingImport.name, pendingImport.message]).toEqual(['KMSInvalidStateException', `${key.Arn} is pending import.`]);
  });
});

describe('request quotas', () => {
  it('throttles beyond the CreateKey rate with ThrottlingException and AWS message', async () => {
    const kms = createKms();
    const throttled = await createInProcessKmsClient(kms, { region: REGION, maxAttempts: 1 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => throttled.send(new CreateKeyCommand({}))));
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as KMSServiceException);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5); // CreateKey: 5 per second
    expect(errors.map((e) => [e.name, e.message])).toEqual(
      Array(3).fill(['ThrottlingException', 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.']),
    );
  });
});

/** ECDSA DER SEQUENCE{r, s} → IEEE P1363 r‖s, as WebCrypto verifies. */
function derToP1363(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size * 2);
  let offset = 2;
  for (let part = 0; part < 2; part++) {
    const length = der[offset + 1];
    let value = der.subarray(offset + 2, offset + 2 + length);
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    out.set(value, part * size + (size - value.length));
    offset += 2 + length;
  }
  return out;
}

describe('who calls, as CloudTrail records it', () => {
  it('records the signing access key, the region and the SDK user agent; `caller` and `principals` pick the principal', async () => {
    const kms = createKms();
    const asRoot = await createInProcessKmsClient(kms, { region: 'us-east-1', maxAttempts: 1 });
    await asRoot.send(new GenerateRandomCommand({ NumberOfBytes: 8 }));
    const rootEvent = kms.audit.events.at(-1)!;
    expect(rootEvent).toMatchObject({
      eventName: 'GenerateRandom',
      awsRegion: 'us-east-1',
      userIdentity: { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    });
    expect(rootEvent.userAgent).toMatch(/aws-sdk-js/);

    const bob = { arn: `arn:aws:iam::${ACCOUNT}:user/bob` };
    const asBob = await createInProcessKmsClient(kms, { caller: bob, maxAttempts: 1 });
    await asBob.send(new GenerateRandomCommand({ NumberOfBytes: 8 }));
    expect(kms.audit.events.at(-1)!.userIdentity).toMatchObject({ arn: bob.arn, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });

    const carol = `arn:aws:iam::${ACCOUNT}:user/carol`;
    const asCarol = await createInProcessKmsClient(kms, {
      credentials: { accessKeyId: 'AKIDCAROL', secretAccessKey: 'x' },
      principals: { AKIDCAROL: { arn: carol } },
      maxAttempts: 1,
    });
    await asCarol.send(new GenerateRandomCommand({ NumberOfBytes: 8 }));
    expect(kms.audit.events.at(-1)!.userIdentity).toMatchObject({ arn: carol, accessKeyId: 'AKIDCAROL' });
    kms.dispose();
  });
});
