import { describe, expect, it } from 'vitest';
import { defaultKeyPolicy, evaluateKmsAccess, explainDecision } from '../../../src/kms/access/policy/index.ts';
import { ACCOUNT, ALICE, BOB, ENABLE_IAM, EXTERNAL_SESSION, KEY_ARN, USER_ROLE, USER_SESSION, iam, keyPolicy, run } from './fixtures.ts';

/** The trace explains every element; these check its machine-readable reasons and steps.
 * Evaluation order: https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html */
describe('the trace', () => {
  it('gives each element a reason and the value that matched', () => {
    const result = run({ caller: USER_SESSION, action: 'kms:GenerateDataKey', keyPolicy: keyPolicy({ Sid: 'Use', Effect: 'Allow', Principal: { AWS: USER_ROLE }, Action: ['kms:Encrypt', 'kms:Gen*'], Resource: '*' }) });
    const [statement] = result.trace.policies[0].statements;
    expect(statement.elements.map((e) => [e.element, e.result, e.reason, e.matchedBy])).toEqual([
      ['Principal', 'match', 'principal-role-session-matched', USER_ROLE],
      ['Action', 'match', 'action-matched', 'kms:Gen*'],
      ['Resource', 'match', 'resource-matched', '*'],
      ['Condition', 'match', 'conditions-none', undefined],
    ]);
  });

  it('says why a statement did not match: principal not listed, action not listed, condition key missing', () => {
    const policy = keyPolicy(
      { Sid: 'Other', Effect: 'Allow', Principal: { AWS: BOB }, Action: 'kms:Decrypt', Resource: '*' },
      { Sid: 'Encrypt', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:Encrypt', Resource: '*' },
      { Sid: 'Via', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } },
    );
    const statements = run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy }).trace.policies[0].statements;
    expect(statements.map((s) => s.result)).toEqual(['no-match', 'no-match', 'no-match']);
    expect(statements[0].elements[0].reason).toBe('principal-not-listed');
    expect(statements[1].elements[1].reason).toBe('action-not-listed');
    const condition = statements[2].elements[3];
    expect(condition.reason).toBe('condition-key-missing');
    expect(condition.conditions?.[0]).toMatchObject({ key: 'kms:ViaService', result: 'no-match' });
    expect(condition.conditions?.[0]).not.toHaveProperty('requestValues');
  });

  it('records a differing value with both sides', () => {
    const policy = keyPolicy({ Sid: 'Via', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-west-2.amazonaws.com' } } });
    const [s] = run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy, context: { 'kms:ViaService': 'ebs.us-west-2.amazonaws.com' } }).trace.policies[0].statements;
    expect(s.elements[3].conditions?.[0]).toMatchObject({ reason: 'condition-value-differs', policyValues: ['s3.us-west-2.amazonaws.com'], requestValues: ['ebs.us-west-2.amazonaws.com'] });
  });

  it('lists what it could not evaluate, with where it was', () => {
    const policy = keyPolicy(ENABLE_IAM, { Sid: 'Odd', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'us-west-2' } } });
    const result = run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: policy });
    expect(result.trace.notEvaluated).toEqual([
      expect.objectContaining({ where: expect.objectContaining({ source: 'key-policy', sid: 'Odd', effect: 'Deny' }), element: 'Condition', reason: 'unknown-condition-key' }),
    ]);
    expect(result.trace.policies[0].statements[1].result).toBe('not-evaluated');
    expect(result.decision).toBe('ExplicitDeny');
  });

  it('walks the evaluation order and marks the steps it did not need', () => {
    const allowed = run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: defaultKeyPolicy(ACCOUNT), identityPolicies: [iam('P', { Sid: 'A', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN })] });
    expect(allowed.trace.path).toBe('key-policy-and-iam-allow');
    expect(allowed.trace.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['explicit-deny', 'no'], ['key-policy-allows-principal', 'no'], ['key-policy-delegates-to-iam', 'yes'], ['identity-policy-allows', 'yes'], ['grant-allows', 'skipped'],
    ]);
    const notDelegated = run({ caller: BOB, action: 'kms:Decrypt', keyPolicy: keyPolicy({ Sid: 'A', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' }) });
    expect(notDelegated.trace.steps.find((s) => s.step === 'identity-policy-allows')?.outcome).toBe('skipped');
  });

  it('shows the request and the context the conditions saw, including derived keys', () => {
    const result = run({ caller: EXTERNAL_SESSION, action: 'kms:Encrypt', keyPolicy: defaultKeyPolicy(ACCOUNT), context: { 'kms:EncryptionContext:Dept': 'IT' } });
    expect(result.trace.request).toMatchObject({ crossAccount: true, callerAccount: '444455556666', keyAccount: ACCOUNT, resource: KEY_ARN });
    expect(result.trace.request.context).toMatchObject({
      'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/ExampleRole',
      'kms:CallerAccount': '444455556666',
      'aws:PrincipalType': 'AssumedRole',
      'kms:EncryptionContextKeys': ['Dept'],
      'kms:EncryptionContext:Dept': 'IT',
    });
  });

  it('explains grants that did not apply', () => {
    const result = run({ caller: BOB, action: 'kms:Decrypt', keyPolicy: keyPolicy({ Sid: 'A', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' }),
      grants: [{ GrantId: 'g1', GranteePrincipal: ALICE, Operations: ['Decrypt'] }, { GrantId: 'g2', GranteePrincipal: BOB, Operations: ['Encrypt'] }] });
    expect(result.trace.grants.map((g) => g.reason)).toEqual(['grantee-differs', 'operation-not-granted']);
  });

  it('reports an unreadable identity policy and still decides', () => {
    const result = run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: defaultKeyPolicy(ACCOUNT), identityPolicies: [{ name: 'Broken', document: '{"Statement": [' }] });
    expect(result.trace.policies[1].parseError).toMatch(/not valid JSON/);
    expect(result.decision).toBe('ImplicitDeny');
  });
});

describe('explainDecision', () => {
  const onlyAlice = keyPolicy({ Sid: 'Allow alice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' });
  const full = iam('Full', { Sid: 'All', Effect: 'Allow', Action: 'kms:*', Resource: '*' });

  it('says the key policy does not delegate to IAM when an IAM allow was ignored', () => {
    expect(explainDecision(run({ caller: BOB, action: 'kms:Decrypt', keyPolicy: onlyAlice, identityPolicies: [full] })))
      .toBe("Denied: the key policy does not delegate to IAM, so bob's IAM permission does not count; the key policy itself must allow bob.");
  });
  it('names the delegating statement and the IAM policy on an allow', () => {
    expect(explainDecision(run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: defaultKeyPolicy(ACCOUNT), identityPolicies: [full] })))
      .toBe('Allowed: the key policy delegates to IAM (statement "Enable IAM User Permissions"), and alice\'s IAM policy Full (statement "All") allows kms:Decrypt.');
  });
  it('explains a direct key policy allow, a grant, an explicit deny and a cross-account gap', () => {
    expect(explainDecision(run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: onlyAlice }))).toMatch(/^Allowed: the key policy statement "Allow alice" allows alice kms:Decrypt directly/);
    expect(explainDecision(run({ caller: BOB, action: 'kms:Decrypt', keyPolicy: onlyAlice, grants: [{ GrantId: 'g1', GranteePrincipal: BOB, Operations: ['Decrypt'] }] })))
      .toMatch(/^Allowed: grant g1 gives bob the Decrypt operation/);
    const deny = keyPolicy(ENABLE_IAM, { Sid: 'NoDecrypt', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' });
    expect(explainDecision(run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: deny, identityPolicies: [full] }))).toMatch(/^Denied: the key policy's Deny statement "NoDecrypt" applies to alice/);
    expect(explainDecision(run({ caller: EXTERNAL_SESSION, action: 'kms:Decrypt', keyPolicy: defaultKeyPolicy(ACCOUNT), identityPolicies: [full] })))
      .toMatch(/^Denied: the key belongs to account 111122223333, and its key policy does not allow account 444455556666 or ExampleRole \(session partner\)/);
  });
  it('mentions parts that could not be evaluated', () => {
    const odd = keyPolicy(ENABLE_IAM, { Sid: 'Odd', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { Bogus: { 'kms:CallerAccount': '1' } } });
    expect(explainDecision(run({ caller: ALICE, action: 'kms:Decrypt', keyPolicy: odd }))).toMatch(/1 part\(s\) of the policies could not be evaluated/);
  });

  it('a call without a key: no key policy, no grants, only the identity policies on resource *', () => {
    // https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html (CreateKey and ListKeys need Resource "*")
    const keysOfAccount = iam('AccountKeys', { Sid: 'Keys', Effect: 'Allow', Action: 'kms:*', Resource: `arn:aws:kms:*:${ACCOUNT}:key/*` });
    const denied = evaluateKmsAccess({ caller: { arn: ALICE, accountId: ACCOUNT }, action: 'kms:CreateKey', identityPolicies: [keysOfAccount], grants: [{ GranteePrincipal: ALICE, Operations: ['CreateKey'] }] });
    expect([denied.decision, denied.trace.path, denied.trace.request.resource, denied.trace.request.hasKey, denied.trace.grants]).toEqual(['ImplicitDeny', 'keyless-iam-lacks', '*', false, []]);
    expect(denied.trace.policies.map((p) => p.kind)).toEqual(['identity-policy']);
    expect(denied.trace.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['explicit-deny', 'no'], ['key-policy-allows-principal', 'skipped'], ['key-policy-delegates-to-iam', 'skipped'], ['identity-policy-allows', 'no'], ['grant-allows', 'skipped'],
    ]);
    expect(denied.message).toBe(`User: ${ALICE} is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`);
    const allowed = evaluateKmsAccess({ caller: { arn: ALICE, accountId: ACCOUNT }, action: 'kms:CreateKey', identityPolicies: [iam('Create', { Sid: 'Create', Effect: 'Allow', Action: 'kms:CreateKey', Resource: '*' })] });
    expect([allowed.decision, explainDecision(allowed)]).toEqual(['Allow', 'Allowed: kms:CreateKey acts on the account, not on a key, and alice\'s IAM policy Create (statement "Create") allows it.']);
  });

  it("names the cross-account refusal of an operation KMS performs only in the key's own account", () => {
    const result = run({ caller: EXTERNAL_SESSION, action: 'kms:ScheduleKeyDeletion', keyPolicy: keyPolicy({ Sid: 'All', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }), identityPolicies: [iam('All', { Sid: 'All', Effect: 'Allow', Action: 'kms:*', Resource: '*' })] });
    expect([result.decision, result.trace.path, result.trace.steps.filter((s) => s.outcome === 'skipped').length]).toEqual(['ImplicitDeny', 'cross-account-operation-not-supported', 4]);
    expect(explainDecision(result)).toMatch(/never performs kms:ScheduleKeyDeletion on another account's key/);
  });
});
