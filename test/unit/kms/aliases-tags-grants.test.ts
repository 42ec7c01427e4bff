import { describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, failure, newKey, testKms, text } from './fixtures.ts';

describe('aliases', () => {
  it('name rules, uniqueness, UpdateAlias and DeleteAlias', async () => {
    const { call } = testKms();
    const a = await newKey(call);
    const b = await newKey(call);
    const prefix = await failure(call('CreateAlias', { AliasName: 'tutorial', TargetKeyId: a.KeyId }));
    expect([prefix.code, prefix.message]).toEqual(['ValidationException', 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html']);
    expect((await failure(call('CreateAlias', { AliasName: 'alias/aws/mine', TargetKeyId: a.KeyId }))).code).toBe('NotAuthorizedException');
    await call('CreateAlias', { AliasName: 'alias/app', TargetKeyId: a.KeyId });
    const dup = await failure(call('CreateAlias', { AliasName: 'alias/app', TargetKeyId: b.KeyId }));
    expect([dup.code, dup.message]).toEqual(['AlreadyExistsException', `An alias with the name arn:aws:kms:${REGION}:${ACCOUNT}:alias/app already exists`]);
    expect((await failure(call('CreateAlias', { AliasName: 'alias/x', TargetKeyId: 'alias/app' }))).code).toBe('NotFoundException');

    await call('UpdateAlias', { AliasName: 'alias/app', TargetKeyId: b.KeyId });
    const listed = (await call('ListAliases', { KeyId: b.KeyId })).Aliases as Record<string, unknown>[];
    expect(listed.map((x) => [x.AliasName, x.AliasArn, x.TargetKeyId])).toEqual([['alias/app', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`, b.KeyId]]);
    expect((await call('Encrypt', { KeyId: 'alias/app', Plaintext: text('x') })).KeyId).toBe(b.Arn);

    const hmac = await newKey(call, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect((await failure(call('UpdateAlias', { AliasName: 'alias/app', TargetKeyId: hmac.KeyId }))).code).toBe('ValidationException');

    await call('DeleteAlias', { AliasName: 'alias/app' });
    const gone = await failure(call('DeleteAlias', { AliasName: 'alias/app' }));
    expect([gone.code, gone.message]).toEqual(['NotFoundException', `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/app is not found.`]);
  });

  it('ListKeys and ListAliases page with Limit / Marker / Truncated', async () => {
    const { call } = testKms();
    for (let i = 0; i < 5; i++) {
      const key = await newKey(call);
      await call('CreateAlias', { AliasName: `alias/k${i}`, TargetKeyId: key.KeyId });
    }
    const first = await call('ListKeys', { Limit: 2 });
    expect([(first.Keys as unknown[]).length, first.Truncated]).toEqual([2, true]);
    const second = await call('ListKeys', { Limit: 2, Marker: first.NextMarker });
    const third = await call('ListKeys', { Limit: 2, Marker: second.NextMarker });
    expect([(third.Keys as unknown[]).length, third.Truncated, 'NextMarker' in third]).toEqual([1, false, false]);
    const ids = [first, second, third].flatMap((p) => (p.Keys as { KeyId: string }[]).map((k) => k.KeyId));
    expect(new Set(ids).size).toBe(5);
    const aliases = await call('ListAliases', { Limit: 3 });
    expect([(aliases.Aliases as unknown[]).length, aliases.Truncated]).toEqual([3, true]);
    expect((await failure(call('ListKeys', { Marker: 'not-a-marker' }))).code).toBe('InvalidMarkerException');
  });
});

describe('tags and descriptions', () => {
  it('TagResource overwrites, UntagResource removes, rules give TagException with AWS messages', async () => {
    const { call } = testKms();
    const key = await newKey(call, { Tags: [{ TagKey: 'team', TagValue: 'blue' }] });
    await call('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'team', TagValue: 'red' }, { TagKey: 'env', TagValue: 'prod' }] });
    expect((await call('ListResourceTags', { KeyId: key.KeyId })).Tags).toEqual([{ TagKey: 'team', TagValue: 'red' }, { TagKey: 'env', TagValue: 'prod' }]);
    await call('UntagResource', { KeyId: key.KeyId, TagKeys: ['team'] });
    expect((await call('ListResourceTags', { KeyId: key.KeyId })).Tags).toEqual([{ TagKey: 'env', TagValue: 'prod' }]);
    const cases: [{ TagKey: string; TagValue: string }[], string][] = [
      [[{ TagKey: 'a', TagValue: '1' }, { TagKey: 'a', TagValue: '2' }], 'Duplicate tag keys'],
      [[{ TagKey: 'AWS:x', TagValue: '1' }], 'Tags beginning with aws: are reserved'],
      [Array.from({ length: 51 }, (_, i) => ({ TagKey: `k${i}`, TagValue: '' })), 'Too many tags'],
    ];
    for (const [Tags, message] of cases) {
      const error = await failure(call('TagResource', { KeyId: key.KeyId, Tags }));
      expect([error.code, error.message]).toEqual(['TagException', message]);
    }
    await call('UpdateKeyDescription', { KeyId: key.KeyId, Description: 'new text' });
    expect(((await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>).Description).toBe('new text');
  });

  it('management operations take a key id or ARN, not an alias', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    await call('CreateAlias', { AliasName: 'alias/m', TargetKeyId: key.KeyId });
    const error = await failure(call('DisableKey', { KeyId: 'alias/m' }));
    expect([error.code, error.message]).toEqual(['NotFoundException', "Invalid keyId 'alias/m'"]);
    await call('DisableKey', { KeyId: key.Arn });
  });
});

describe('grants', () => {
  it('CreateGrant / ListGrants / ListRetirableGrants / RetireGrant, with Name idempotency', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    const grantee = `arn:aws:iam::${ACCOUNT}:role/app`;
    const retirer = `arn:aws:iam::${ACCOUNT}:role/ops`;
    const input = { KeyId: key.KeyId, GranteePrincipal: grantee, RetiringPrincipal: retirer, Operations: ['Decrypt', 'Encrypt'], Name: 'app-grant' };
    const first = await call('CreateGrant', input);
    const retry = await call('CreateGrant', input);
    expect(retry.GrantId).toBe(first.GrantId);
    expect(retry.GrantToken).not.toBe(first.GrantToken);
    const listed = (await call('ListGrants', { KeyId: key.KeyId })).Grants as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ KeyId: key.Arn, GrantId: first.GrantId, Name: 'app-grant', GranteePrincipal: grantee, RetiringPrincipal: retirer, IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`, Operations: ['Decrypt', 'Encrypt'] });
    expect(((await call('ListRetirableGrants', { RetiringPrincipal: retirer })).Grants as unknown[]).length).toBe(1);
    const signGrant = await failure(call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: grantee, Operations: ['Sign'] }));
    expect(signGrant.code).toBe('ValidationException');
    expect((await failure(call('RetireGrant', { GrantToken: 'nope' }))).code).toBe('InvalidGrantTokenException');
    await kms.call('RetireGrant', { GrantToken: retry.GrantToken }, { caller: { arn: retirer }, region: REGION });
    expect((await call('ListGrants', { KeyId: key.KeyId })).Grants).toEqual([]);
    const unknown = await failure(call('ListGrants', { KeyId: 'invalid' }));
    expect(unknown.code).toBe('NotFoundException');
  });
});

describe('grant tokens', () => {
  it('a live grant token is accepted in GrantTokens; an unknown one is InvalidGrantTokenException', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const { GrantToken } = await call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/app`, Operations: ['Encrypt'] });
    await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), GrantTokens: [GrantToken] });
    const error = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), GrantTokens: ['made-up'] }));
    expect(error.code).toBe('InvalidGrantTokenException');
  });
});
