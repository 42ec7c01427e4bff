import { describe, expect, it } from 'vitest';
import { operations } from '../../../src/kms/index.ts';
import { bytesOf, failure, testKms } from './fixtures.ts';

describe('input validation with AWS ValidationException texts', () => {
  it('every operation in the registry has a matching name, an IAM action and a handler', () => {
    expect(Object.keys(operations).length).toBe(45);
    for (const [name, op] of Object.entries(operations)) {
      expect(op.name).toBe(name);
      expect(op.action).toMatch(/^kms:/);
      expect(typeof op.handler).toBe('function');
    }
  });

  const cases: [string, string, Record<string, unknown>, string][] = [
    ['KeyId too long', 'DescribeKey', { KeyId: 'x'.repeat(2049) },
      `1 validation error detected: Value '${'x'.repeat(2049)}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`],
    ['plaintext over 4,096 bytes, value omitted', 'Encrypt', { KeyId: 'alias/x', Plaintext: bytesOf(4097) },
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"],
    ['empty plaintext', 'Encrypt', { KeyId: 'alias/x', Plaintext: new Uint8Array(0) },
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['GenerateRandom 0', 'GenerateRandom', { NumberOfBytes: 0 },
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    ['GenerateRandom 1025', 'GenerateRandom', { NumberOfBytes: 1025 },
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"],
    ['GenerateRandom without NumberOfBytes', 'GenerateRandom', {}, 'NumberOfBytes is required.'],
    ['unknown MacAlgorithm', 'GenerateMac', { KeyId: 'alias/x', Message: bytesOf(3), MacAlgorithm: 'INVALID' },
      "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]"],
    ['unknown KeyUsage', 'CreateKey', { KeyUsage: 'RANDOM' },
      "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT]"],
    ['tag value of 257 characters', 'CreateKey', { Tags: [{ TagKey: 'k', TagValue: 'v'.repeat(257) }] },
      `1 validation error detected: Value '${'v'.repeat(257)}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['missing required member', 'Encrypt', { Plaintext: bytesOf(1) },
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"],
    ['two errors are counted', 'Encrypt', { Plaintext: new Uint8Array(0) },
      "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['illegal alias character', 'CreateAlias', { AliasName: 'alias/my-alias!', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      "1 validation error detected: Value 'alias/my-alias!' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"],
    ['rotation period below 90', 'EnableKeyRotation', { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', RotationPeriodInDays: 89 },
      "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90"],
  ];

  it.each(cases)('%s', async (_label, op, input, message) => {
    const { call } = testKms();
    const error = await failure(call(op, input));
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(message);
    expect(error.status).toBe(400);
  });

  it('a member of the wrong JS type is a SerializationException, never a crash', async () => {
    const { call } = testKms();
    const error = await failure(call('Encrypt', { KeyId: 42, Plaintext: 'not bytes' }));
    expect(error.code).toBe('SerializationException');
  });

  it('an unknown operation is UnknownOperationException', async () => {
    const { call } = testKms();
    expect((await failure(call('MakeCoffee', {}))).code).toBe('UnknownOperationException');
    expect((await failure(call('toString', {}))).code).toBe('UnknownOperationException');
  });

  it('unknown members are ignored, as the AWS JSON protocol does', async () => {
    const { call } = testKms();
    const out = await call('GenerateRandom', { NumberOfBytes: 4, Banana: true });
    expect((out.Plaintext as Uint8Array).length).toBe(4);
  });
});

describe('null members', () => {
  it('JSON null is treated as an absent member', async () => {
    const { call } = testKms();
    const { KeyMetadata } = await call('CreateKey', { Description: null, KeySpec: null });
    const key = KeyMetadata as Record<string, unknown>;
    expect([key.Description, key.KeySpec]).toEqual(['', 'SYMMETRIC_DEFAULT']);
    const out = await call('GenerateDataKey', { KeyId: key.KeyId, KeySpec: null, NumberOfBytes: 16, EncryptionContext: null });
    expect((out.Plaintext as Uint8Array).length).toBe(16);
  });
});
