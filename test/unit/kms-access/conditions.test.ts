import { describe, expect, it } from 'vitest';
import { evaluateCondition, type ConditionEnvironment } from '../../../src/kms/access/policy/conditions.ts';
import type { ContextValue } from '../../../src/kms/access/policy/types.ts';

/** Operator semantics from the IAM condition-operator reference:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html */
function env(context: Record<string, ContextValue>, version = '2012-10-17'): ConditionEnvironment {
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return { lookup: (k) => lower.get(k.toLowerCase()), version };
}
const check = (operator: string, key: string, values: string[], context: Record<string, ContextValue>) =>
  evaluateCondition({ operator, key, values }, env(context));
const result = (operator: string, key: string, values: string[], context: Record<string, ContextValue>) => check(operator, key, values, context).result;

const VIA = 'kms:ViaService';
const EC = 'kms:EncryptionContext:Dept';

describe('string operators', () => {
  it('StringEquals is exact and case-sensitive, any policy value may match', () => {
    expect(result('StringEquals', EC, ['IT', 'HR'], { [EC]: 'HR' })).toBe('match');
    expect(result('StringEquals', EC, ['IT'], { [EC]: 'it' })).toBe('no-match');
  });
  it('StringNotEquals needs the value to differ from every policy value', () => {
    expect(result('StringNotEquals', EC, ['IT', 'HR'], { [EC]: 'Sales' })).toBe('match');
    expect(result('StringNotEquals', EC, ['IT', 'HR'], { [EC]: 'IT' })).toBe('no-match');
  });
  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
    expect(result('StringEqualsIgnoreCase', EC, ['it'], { [EC]: 'IT' })).toBe('match');
    expect(result('StringNotEqualsIgnoreCase', EC, ['it'], { [EC]: 'IT' })).toBe('no-match');
  });
  it('StringLike and StringNotLike support * and ?', () => {
    expect(result('StringLike', VIA, ['ec2.*.amazonaws.com'], { [VIA]: 'ec2.us-west-2.amazonaws.com' })).toBe('match');
    expect(result('StringLike', VIA, ['s3.us-east-?.amazonaws.com'], { [VIA]: 's3.us-east-1.amazonaws.com' })).toBe('match');
    expect(result('StringNotLike', VIA, ['ec2.*'], { [VIA]: 'rds.us-west-2.amazonaws.com' })).toBe('match');
  });
  it('condition key names are case-insensitive', () => {
    expect(result('StringEquals', 'KMS:CALLERACCOUNT', ['111122223333'], { 'kms:CallerAccount': '111122223333' })).toBe('match');
  });
});

describe('missing keys, IfExists and Null', () => {
  it('a positive operator fails and a negated one passes when the key is absent', () => {
    const missing = check('StringEquals', VIA, ['s3.us-east-1.amazonaws.com'], {});
    expect(missing).toMatchObject({ result: 'no-match', reason: 'condition-key-missing' });
    expect(check('StringNotEquals', VIA, ['x'], {})).toMatchObject({ result: 'match', reason: 'condition-key-missing-negated' });
  });
  it('…IfExists passes when the key is absent and compares when present', () => {
    expect(check('StringEqualsIfExists', VIA, ['s3.us-east-1.amazonaws.com'], {})).toMatchObject({ result: 'match', reason: 'condition-key-missing-ifexists' });
    expect(result('StringEqualsIfExists', VIA, ['s3.us-east-1.amazonaws.com'], { [VIA]: 'ec2.us-east-1.amazonaws.com' })).toBe('no-match');
  });
  it('Null "true" means absent, "false" means present', () => {
    expect(result('Null', EC, ['true'], {})).toBe('match');
    expect(result('Null', EC, ['false'], {})).toBe('no-match');
    expect(result('Null', EC, ['false'], { [EC]: 'IT' })).toBe('match');
  });
});

describe('set operators', () => {
  const KEYS = 'kms:EncryptionContextKeys';
  it('ForAnyValue needs one request value to match', () => {
    expect(result('ForAnyValue:StringEquals', KEYS, ['Dept'], { [KEYS]: ['Project', 'Dept'] })).toBe('match');
    expect(result('ForAnyValue:StringEquals', KEYS, ['Dept'], { [KEYS]: ['Project'] })).toBe('no-match');
    expect(result('ForAnyValue:StringEquals', KEYS, ['Dept'], {})).toBe('no-match');
  });
  it('ForAllValues needs every request value to match and passes on an absent or empty set', () => {
    expect(result('ForAllValues:StringEquals', KEYS, ['Dept', 'Project'], { [KEYS]: ['Dept'] })).toBe('match');
    expect(result('ForAllValues:StringEquals', KEYS, ['Dept'], { [KEYS]: ['Dept', 'Owner'] })).toBe('no-match');
    expect(result('ForAllValues:StringEquals', KEYS, ['Dept'], {})).toBe('match');
    expect(result('ForAllValues:StringEquals', KEYS, ['Dept'], { [KEYS]: [] })).toBe('match');
  });
  it('ForAllValues with a negated operator: no request value may be in the list', () => {
    expect(result('ForAllValues:StringNotEquals', KEYS, ['Secret'], { [KEYS]: ['Dept', 'Project'] })).toBe('match');
    expect(result('ForAllValues:StringNotEquals', KEYS, ['Secret'], { [KEYS]: ['Dept', 'Secret'] })).toBe('no-match');
  });
});

describe('ARN, numeric, date and Bool operators', () => {
  const ARN = 'aws:PrincipalArn';
  it('ArnLike and ArnEquals match part by part with wildcards', () => {
    expect(result('ArnLike', ARN, ['arn:aws:iam::111122223333:role/Ops*'], { [ARN]: 'arn:aws:iam::111122223333:role/OpsAdmin' })).toBe('match');
    expect(result('ArnEquals', ARN, ['arn:aws:iam::*:role/Ops'], { [ARN]: 'arn:aws:iam::444455556666:role/Ops' })).toBe('match');
    expect(result('ArnNotLike', ARN, ['arn:aws:iam::111122223333:role/Ops*'], { [ARN]: 'arn:aws:iam::111122223333:user/alice' })).toBe('match');
    expect(result('ArnNotEquals', ARN, ['arn:aws:iam::111122223333:user/alice'], { [ARN]: 'arn:aws:iam::111122223333:user/alice' })).toBe('no-match');
    expect(result('ArnLike', ARN, ['arn:aws:iam::111122223333:*'], { [ARN]: 'not-an-arn' })).toBe('no-match');
  });
  it('Numeric operators compare numbers, not text', () => {
    const DAYS = 'kms:ScheduleKeyDeletionPendingWindowInDays';
    expect(result('NumericGreaterThanEquals', DAYS, ['21'], { [DAYS]: 30 })).toBe('match');
    expect(result('NumericLessThan', DAYS, ['21'], { [DAYS]: '7' })).toBe('match');
    expect(result('NumericEquals', DAYS, ['7'], { [DAYS]: '7.0' })).toBe('match');
    expect(result('NumericNotEquals', DAYS, ['7'], { [DAYS]: 7 })).toBe('no-match');
    expect(result('NumericLessThanEquals', DAYS, ['7'], { [DAYS]: 8 })).toBe('no-match');
    expect(result('NumericGreaterThan', DAYS, ['7'], { [DAYS]: 'seven' })).toBe('no-match');
  });
  it('Date operators read ISO 8601 and epoch seconds', () => {
    const NOW = 'aws:CurrentTime';
    expect(result('DateLessThan', NOW, ['2030-01-01T00:00:00Z'], { [NOW]: '2026-11-28T12:00:00Z' })).toBe('match');
    expect(result('DateGreaterThan', NOW, ['1893456000'], { [NOW]: '2026-11-28T12:00:00Z' })).toBe('no-match');
    expect(result('DateEquals', NOW, ['2026-11-28T12:00:00Z'], { [NOW]: '2026-11-28T12:00:00.000Z' })).toBe('match');
    expect(result('DateNotEquals', NOW, ['2026-11-28T12:00:00Z'], { [NOW]: '2026-11-28T12:00:01Z' })).toBe('match');
    expect(result('DateLessThanEquals', NOW, ['2026-11-28T12:00:00Z'], { [NOW]: '2026-11-28T12:00:00Z' })).toBe('match');
    expect(result('DateGreaterThanEquals', NOW, ['2026-11-28T12:00:01Z'], { [NOW]: '2026-11-28T12:00:00Z' })).toBe('no-match');
  });
  it('Bool compares true/false whatever the JSON type was', () => {
    const GRANT = 'kms:GrantIsForAWSResource';
    expect(result('Bool', GRANT, ['true'], { [GRANT]: true })).toBe('match');
    expect(result('Bool', GRANT, ['true'], { [GRANT]: 'false' })).toBe('no-match');
  });
});

describe('IpAddress / NotIpAddress', () => {
  const IP = 'aws:SourceIp';
  it('matches IPv4 CIDR blocks and single addresses', () => {
    expect(result('IpAddress', IP, ['203.0.113.0/24'], { [IP]: '203.0.113.77' })).toBe('match');
    expect(result('IpAddress', IP, ['203.0.113.0/24'], { [IP]: '198.51.100.1' })).toBe('no-match');
    expect(result('IpAddress', IP, ['198.51.100.1'], { [IP]: '198.51.100.1' })).toBe('match');
    expect(result('NotIpAddress', IP, ['203.0.113.0/24', '198.51.100.0/24'], { [IP]: '192.0.2.10' })).toBe('match');
  });
  it('matches IPv6 blocks', () => {
    expect(result('IpAddress', IP, ['2001:DB8:1234:5678::/64'], { [IP]: '2001:db8:1234:5678::1' })).toBe('match');
    expect(result('IpAddress', IP, ['2001:DB8:1234:5678::/64'], { [IP]: '2001:db8:1234:5679::1' })).toBe('no-match');
  });
  it('a malformed CIDR in the policy is not evaluated', () => {
    expect(check('IpAddress', IP, ['203.0.113.0/33'], { [IP]: '203.0.113.1' })).toMatchObject({ result: 'not-evaluated', reason: 'condition-value-invalid' });
  });
});

describe('what the engine cannot evaluate is said, never guessed', () => {
  it('an unknown operator is not evaluated', () => {
    expect(check('BinaryEquals', 'kms:CallerAccount', ['QmluYXJ5'], { 'kms:CallerAccount': '1' })).toMatchObject({ result: 'not-evaluated', reason: 'unknown-operator' });
  });
  it('an unknown key absent from the request is not evaluated; supplied, it is compared', () => {
    expect(check('StringEquals', 'ec2:Vpc', ['vpc-1'], {})).toMatchObject({ result: 'not-evaluated', reason: 'unknown-condition-key' });
    expect(result('StringEquals', 'ec2:Vpc', ['vpc-1'], { 'ec2:Vpc': 'vpc-1' })).toBe('match');
  });
  it('aws:CurrentTime absent from the context is not evaluated (every real request has it)', () => {
    expect(check('DateLessThan', 'aws:CurrentTime', ['2030-01-01T00:00:00Z'], {})).toMatchObject({ result: 'not-evaluated' });
  });
});

describe('policy variables', () => {
  it('substitutes ${aws:username} and ${aws:PrincipalTag/…} in condition values', () => {
    expect(result('StringEquals', EC, ['${aws:username}'], { [EC]: 'alice', 'aws:username': 'alice' })).toBe('match');
    expect(result('StringEquals', EC, ['${aws:PrincipalTag/dept}'], { [EC]: 'IT', 'aws:PrincipalTag/dept': 'IT' })).toBe('match');
  });
  it('uses the default when the variable is absent, and matches nothing without one', () => {
    expect(result('StringEquals', EC, ["${aws:PrincipalTag/dept, 'none'}"], { [EC]: 'none' })).toBe('match');
    expect(check('StringEquals', EC, ['${aws:PrincipalTag/dept}'], { [EC]: 'IT' })).toMatchObject({ result: 'no-match', reason: 'condition-variable-missing' });
  });
  it('escapes ${*} ${?} ${$} stand for the literal characters', () => {
    expect(result('StringEquals', EC, ['a${*}b${$}'], { [EC]: 'a*b$' })).toBe('match');
  });
  it('variables are literal text in a 2008-10-17 policy', () => {
    const old = evaluateCondition({ operator: 'StringEquals', key: EC, values: ['${aws:username}'] }, env({ [EC]: '${aws:username}', 'aws:username': 'alice' }, '2008-10-17'));
    expect(old.result).toBe('match');
  });
});
