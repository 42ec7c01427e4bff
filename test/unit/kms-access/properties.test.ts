import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, ENABLE_IAM, EXTERNAL_SESSION, KEY_ARN, ROOT, USER_ROLE, USER_SESSION, iam, keyPolicy, run } from './fixtures.ts';

/** Evaluation-logic invariants: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html */
const callers = fc.constantFrom(ALICE, BOB, USER_SESSION, EXTERNAL_SESSION, ROOT);
const actions = fc.constantFrom('kms:Decrypt', 'kms:Encrypt', 'kms:PutKeyPolicy', 'kms:CreateGrant', 'kms:GenerateDataKey');
const principals = fc.constantFrom<unknown>('*', { AWS: ALICE }, { AWS: USER_ROLE }, { AWS: ROOT }, { AWS: 'arn:aws:iam::444455556666:root' });
const conditions = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  { StringEquals: { 'kms:EncryptionContext:Dept': 'IT' } },
  { StringEquals: { 'ec2:Region': 'us-west-2' } }, // not simulated: "not evaluated"
  { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
);
const statement = (effect: 'Allow' | 'Deny') =>
  fc.record({ principal: principals, action: fc.constantFrom('kms:*', 'kms:Decrypt', 'kms:Gen*', 'kms:Encrypt'), condition: conditions }).map(({ principal, action, condition }) => ({
    Effect: effect, Principal: principal, Action: action, Resource: '*', ...(condition ? { Condition: condition } : {}),
  }));
const contexts = fc.constantFrom({}, { 'kms:EncryptionContext:Dept': 'IT' }, { 'aws:SourceIp': '192.0.2.9' });

describe('evaluation invariants', () => {
  it('an applicable unconditional Deny always wins, whatever else allows', () => {
    fc.assert(fc.property(callers, actions, fc.array(statement('Allow'), { maxLength: 4 }), contexts, (caller, action, allows, context) => {
      const deny = { Sid: 'DenyAll', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' };
      const result = run({ caller, action, keyPolicy: keyPolicy(ENABLE_IAM, ...allows, deny), identityPolicies: [iam('All', { Effect: 'Allow', Action: '*', Resource: '*' })], grants: [{ GrantId: 'g', GranteePrincipal: caller, Operations: ['Decrypt', 'Encrypt'] }], context });
      expect(result.decision).toBe('ExplicitDeny');
      expect(result.message).toMatch(/with an explicit deny in a resource-based policy$/);
    }));
  });

  it('removing conditions from Deny statements never turns a denial into an allow', () => {
    fc.assert(fc.property(callers, actions, fc.array(statement('Allow'), { maxLength: 3 }), fc.array(statement('Deny'), { maxLength: 3 }), contexts, (caller, action, allows, denies, context) => {
      const withConditions = run({ caller, action, keyPolicy: keyPolicy(...allows, ...denies), context });
      const unconditional = denies.map(({ Effect, Principal, Action, Resource }) => ({ Effect, Principal, Action, Resource }));
      const stricter = run({ caller, action, keyPolicy: keyPolicy(...allows, ...unconditional), context });
      if (withConditions.decision !== 'Allow') expect(stricter.decision).not.toBe('Allow');
    }));
  });

  it('a statement the engine cannot evaluate never produces an Allow by itself', () => {
    fc.assert(fc.property(callers, actions, contexts, (caller, action, context) => {
      const unknown = { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'us-west-2' } } };
      const result = run({ caller, action, keyPolicy: keyPolicy(unknown), context });
      expect(result.decision).toBe('ImplicitDeny');
      expect(result.trace.notEvaluated.length).toBeGreaterThan(0);
    }));
  });

  it('denials always carry an AWS message for this caller, action and key; allows never do', () => {
    fc.assert(fc.property(callers, actions, fc.array(fc.oneof(statement('Allow'), statement('Deny')), { maxLength: 4 }), contexts, (caller, action, statements, context) => {
      const result = run({ caller, action, keyPolicy: keyPolicy(...statements), context });
      if (result.decision === 'Allow') expect(result.message).toBeUndefined();
      else expect(result.message?.startsWith(`User: ${caller} is not authorized to perform: ${action} on resource: ${KEY_ARN} `)).toBe(true);
    }));
  });
});
