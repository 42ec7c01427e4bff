import { describe, expect, it } from 'vitest';
import { consoleKeyPolicy, defaultKeyPolicy, validatePolicy } from '../../../src/kms/access/policy/index.ts';

/** Key policy format: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 * (size limit: https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html) */
describe('validatePolicy (for the policy editor)', () => {
  it('finds nothing wrong with the default and console policies', () => {
    expect(validatePolicy(defaultKeyPolicy('111122223333'))).toEqual([]);
    expect(validatePolicy(consoleKeyPolicy({ accountId: '111122223333', administrators: ['arn:aws:iam::111122223333:role/A'], users: ['arn:aws:iam::111122223333:role/U'] }))).toEqual([]);
  });
  it('reports JSON errors and oversize documents', () => {
    expect(validatePolicy('{"Statement": ')).toEqual([{ severity: 'error', message: expect.stringMatching(/^The policy is not valid JSON/) }]);
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x'.repeat(33_000), Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] });
    expect(validatePolicy(huge)).toEqual([{ severity: 'error', message: 'The key policy is larger than 32768 bytes.' }]);
  });
  it('reports grammar errors per statement', () => {
    const problems = validatePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*' }, { Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 'kms:*', Resource: '*' }] });
    expect(problems).toEqual([
      { severity: 'error', statement: 0, message: 'A key policy statement needs Principal or NotPrincipal.' },
      { severity: 'error', statement: 0, message: 'The statement needs Resource or NotResource.' },
      { severity: 'error', statement: 1, message: 'Policy contains a statement with one or more invalid principals.' },
    ]);
  });
  it('rejects a Principal in an identity policy and an unknown Version', () => {
    expect(validatePolicy({ Version: '2020-01-01', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }, 'identity-policy')).toEqual([
      { severity: 'error', message: 'Version must be "2012-10-17" or "2008-10-17" (found "2020-01-01").' },
      { severity: 'error', statement: 0, message: 'An identity-based policy cannot contain Principal or NotPrincipal.' },
    ]);
  });
  it('warns about operators and keys it does not simulate', () => {
    const problems = validatePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { BinaryEquals: { 'ec2:Region': 'eA==' } } }] });
    expect(problems.map((p) => [p.severity, p.message.split(' is ')[0]])).toEqual([
      ['warning', 'The condition operator BinaryEquals'],
      ['warning', 'The condition key ec2:Region'],
    ]);
  });
});
