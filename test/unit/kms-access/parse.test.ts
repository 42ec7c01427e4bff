import { describe, expect, it } from 'vitest';
import { consoleKeyPolicy, defaultKeyPolicy, parsePolicyDocument } from '../../../src/kms/access/policy/index.ts';

/** Policy grammar: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html */
describe('parsePolicyDocument', () => {
  it('accepts a single Statement object and single-string elements, normalising them to lists', () => {
    const parsed = parsePolicyDocument({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:Encrypt', Resource: '*' } });
    expect(parsed).toMatchObject({ ok: true, policy: { version: '2012-10-17', statements: [{ index: 0, effect: 'Allow', action: { negated: false, patterns: ['kms:Encrypt'] }, resource: { patterns: ['*'] }, principal: { set: { AWS: ['111122223333'] } } }] } });
  });
  it('reads NotPrincipal / NotAction / NotResource and Principal "*"', () => {
    const parsed = parsePolicyDocument({ Statement: [{ Effect: 'Deny', NotPrincipal: '*', NotAction: ['kms:Describe*'], NotResource: 'arn:aws:kms:*' }] });
    expect(parsed.ok && parsed.policy.statements[0]).toMatchObject({ principal: { negated: true, set: { wildcard: true } }, action: { negated: true }, resource: { negated: true } });
  });
  it('flattens conditions and stringifies booleans and numbers', () => {
    const parsed = parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true }, NumericLessThan: { 'kms:ScheduleKeyDeletionPendingWindowInDays': 10 } } }] });
    expect(parsed.ok && parsed.policy.statements[0].conditions).toEqual([
      { operator: 'Bool', key: 'kms:GrantIsForAWSResource', values: ['true'] },
      { operator: 'NumericLessThan', key: 'kms:ScheduleKeyDeletionPendingWindowInDays', values: ['10'] },
    ]);
  });
  it('records grammar problems per statement', () => {
    const parsed = parsePolicyDocument({ Statement: [{ Effect: 'Maybe', Action: 'kms:*', NotAction: 'kms:Decrypt', Principal: { Bogus: 'x' } }] });
    expect(parsed.ok && parsed.policy.statements[0].problems).toEqual([
      'Effect must be "Allow" or "Deny" (found "Maybe").',
      'Principal has an unknown principal type "Bogus".',
      'A statement cannot have both Action and NotAction.',
    ]);
  });
  it('fails on invalid JSON or a missing Statement', () => {
    expect(parsePolicyDocument('{')).toMatchObject({ ok: false, error: expect.stringMatching(/^The policy is not valid JSON/) });
    expect(parsePolicyDocument({ Version: '2012-10-17' })).toEqual({ ok: false, error: 'The policy has no Statement.' });
  });
});

describe('key policy templates', () => {
  it('the default key policy has AWS Id and Sid', () => {
    const parsed = parsePolicyDocument(defaultKeyPolicy('111122223333'));
    expect(parsed.ok && parsed.policy).toMatchObject({ id: 'key-default-1', statements: [{ sid: 'Enable IAM User Permissions', principal: { set: { AWS: ['arn:aws:iam::111122223333:root'] } } }] });
  });
  it('the console policy has the four statements AWS writes', () => {
    const parsed = parsePolicyDocument(consoleKeyPolicy({ accountId: '111122223333', administrators: ['arn:aws:iam::111122223333:role/Admin'], users: ['arn:aws:iam::111122223333:role/User'] }));
    expect(parsed.ok && parsed.policy.id).toBe('key-consolepolicy-3');
    expect(parsed.ok && parsed.policy.statements.map((s) => s.sid)).toEqual([
      'Enable IAM User Permissions', 'Allow access for Key Administrators', 'Allow use of the key', 'Allow attachment of persistent resources',
    ]);
  });
});
