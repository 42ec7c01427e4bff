import { describe, expect, it } from 'vitest';
import { requestConditionKeys } from '../../../src/kms/access/request-keys.ts';
import { createKms } from '../../../src/kms/index.ts';
import type { KmsKey } from '../../../src/kms/keys/kms-key.ts';
import { createWorld } from '../../../src/sim/world/index.ts';
import { failure, text } from '../kms/fixtures.ts';

/**
 * The condition keys a request carries about its key and parameters.
 * Source: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html (each key, its
 * operations and values), https://docs.aws.amazon.com/kms/latest/developerguide/abac.html
 * (kms:RequestAlias, kms:ResourceAliases, aws:ResourceTag).
 */
const ACCOUNT = '111122223333';
const KEY_ARN = `arn:aws:kms:eu-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
// Only the members the function reads.
const key = { arn: KEY_ARN, spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS', tags: new Map([['Project', 'apollo']]) } as unknown as KmsKey;

describe('requestConditionKeys', () => {
  it('describes the key, its aliases, its tags and the alias the request named', () => {
    expect(requestConditionKeys({ action: 'kms:Encrypt', input: {}, key, keyRef: `arn:aws:kms:eu-west-2:${ACCOUNT}:alias/app`, aliases: ['alias/app', 'alias/old'] })).toEqual({
      'kms:KeySpec': 'SYMMETRIC_DEFAULT',
      'kms:KeyUsage': 'ENCRYPT_DECRYPT',
      'kms:KeyOrigin': 'AWS_KMS',
      'kms:MultiRegion': false,
      'kms:ResourceAliases': ['alias/app', 'alias/old'],
      'aws:ResourceTag/Project': 'apollo',
      'kms:RequestAlias': 'alias/app',
      'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT',
    });
    const byId = requestConditionKeys({ action: 'kms:Encrypt', input: {}, key, keyRef: KEY_ARN });
    expect(byId).not.toHaveProperty('kms:RequestAlias');
    expect(byId).not.toHaveProperty('kms:ResourceAliases');
  });

  it("takes CreateKey's keys from the request, with AWS's defaults", () => {
    expect(requestConditionKeys({ action: 'kms:CreateKey', input: { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Tags: [{ TagKey: 'Team', TagValue: 'red' }] } })).toEqual({
      'kms:KeySpec': 'RSA_2048',
      'kms:KeyUsage': 'SIGN_VERIFY',
      'kms:KeyOrigin': 'AWS_KMS',
      'kms:MultiRegion': false,
      'kms:BypassPolicyLockoutSafetyCheck': false,
      'aws:RequestTag/Team': 'red',
      'aws:TagKeys': ['Team'],
    });
  });

  it('carries the choices of grants, signing, deletion and import', () => {
    expect(requestConditionKeys({ action: 'kms:CreateGrant', input: { Operations: ['Decrypt'], GranteePrincipal: 'arn:aws:iam::111122223333:user/bob', Constraints: { EncryptionContextSubset: { Dept: 'IT' } } } })).toEqual({
      'kms:GrantOperations': ['Decrypt'],
      'kms:GranteePrincipal': 'arn:aws:iam::111122223333:user/bob',
      'kms:GrantConstraintType': 'EncryptionContextSubset',
    });
    expect(requestConditionKeys({ action: 'kms:Sign', input: { SigningAlgorithm: 'ECDSA_SHA_256' } })).toEqual({ 'kms:SigningAlgorithm': 'ECDSA_SHA_256', 'kms:MessageType': 'RAW' });
    expect(requestConditionKeys({ action: 'kms:ScheduleKeyDeletion', input: {} })).toEqual({ 'kms:ScheduleKeyDeletionPendingWindowInDays': 30 });
    expect(requestConditionKeys({ action: 'kms:ImportKeyMaterial', input: { ValidTo: new Date('2027-01-01T00:00:00Z') } })).toEqual({ 'kms:ExpirationModel': 'KEY_MATERIAL_EXPIRES', 'kms:ValidTo': 1798761600 });
    expect(requestConditionKeys({ action: 'kms:ReEncryptTo', input: { DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' } })).toEqual({ 'kms:EncryptionAlgorithm': 'RSAES_OAEP_SHA_256' });
  });
});

describe('the engine passes them to the policies', () => {
  async function setup(policyStatements: object[]) {
    const world = createWorld();
    const kms = createKms({ quotas: false, accountId: ACCOUNT });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      ...policyStatements,
    ] });
    const { KeyMetadata } = await kms.call('CreateKey', { Policy: policy, Tags: [{ TagKey: 'Project', TagValue: 'apollo' }] }, world.callContext());
    await kms.call('CreateAlias', { AliasName: 'alias/app', TargetKeyId: (KeyMetadata as { KeyId: string }).KeyId }, world.callContext());
    return { world, kms, key: KeyMetadata as { KeyId: string; Arn: string } };
  }

  it('kms:RequestAlias: bob may encrypt only when he names the key by its alias', async () => {
    const { world, kms, key } = await setup([
      { Sid: 'ThroughAlias', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:RequestAlias': 'alias/app' } } },
    ]);
    world.actAs(`arn:aws:iam::${ACCOUNT}:user/bob`);
    await kms.call('Encrypt', { KeyId: 'alias/app', Plaintext: text('x') }, world.callContext());
    expect((await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, world.callContext()))).code).toBe('AccessDeniedException');
  });

  it('aws:ResourceTag: the app role may use keys tagged for its project only', async () => {
    const { world, kms, key } = await setup([
      { Sid: 'NotOtherProjects', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceTag/Project': 'apollo' } } },
    ]);
    world.actAs(`arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/i-0a1b2c3d4e5f67890`);
    await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, world.callContext());
    world.actAs(`arn:aws:iam::${ACCOUNT}:user/alice`);
    await kms.call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'Project', TagValue: 'gemini' }] }, world.callContext());
    world.actAs(`arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/i-0a1b2c3d4e5f67890`);
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, world.callContext()));
    expect(denied.message).toMatch(/with an explicit deny in a resource-based policy$/);
  });

  it('kms:GrantOperations: grants may give Decrypt only', async () => {
    const { world, kms, key } = await setup([
      { Sid: 'DecryptGrantsOnly', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:CreateGrant', Resource: '*', Condition: { 'ForAnyValue:StringNotEquals': { 'kms:GrantOperations': 'Decrypt' } } },
    ]);
    const bob = `arn:aws:iam::${ACCOUNT}:user/bob`;
    await kms.call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: bob, Operations: ['Decrypt'] }, world.callContext());
    const denied = await failure(kms.call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: bob, Operations: ['Decrypt', 'Encrypt'] }, world.callContext()));
    expect(denied.code).toBe('AccessDeniedException');
  });
});
