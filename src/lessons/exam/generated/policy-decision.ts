/**
 * "Allowed or denied?": Bob calls kms:Decrypt on a key; a random key policy, IAM policy, explicit deny
 * and grant are combined, and the policy engine (src/kms/access/policy) decides, with its explanation.
 */
import { defaultKeyPolicy, evaluateKmsAccess, explainDecision, type KmsAccessRequest, type KmsGrantInput, type NamedPolicy } from '../../../kms/index.ts';
import type { QuestionFamily } from './family.ts';
import { EXAM_ACCOUNT, EXAM_REGION } from './kms-world.ts';

export const KEY_POLICIES = ['default', 'names-bob', 'admins-only'] as const;
export const IAM_POLICIES = ['none', 'allow-decrypt', 'allow-encrypt-only'] as const;

export interface PolicyDecisionParams {
  keyPolicy: (typeof KEY_POLICIES)[number];
  iamPolicy: (typeof IAM_POLICIES)[number];
  iamDeny: boolean;
  grant: boolean;
}

const KEY_ARN = `arn:aws:kms:${EXAM_REGION}:${EXAM_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const BOB = `arn:aws:iam::${EXAM_ACCOUNT}:user/bob`;
const ALICE = `arn:aws:iam::${EXAM_ACCOUNT}:user/alice`;

const allow = (principal: string, actions: string[]) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: actions, Resource: '*' });
const ADMIN_ACTIONS = ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'];

const KEY_POLICY_TEXT: Record<PolicyDecisionParams['keyPolicy'], { story: string; document: () => string }> = {
  default: { story: 'the default key policy (it gives the account root principal kms:*, so IAM policies decide)', document: () => defaultKeyPolicy(EXAM_ACCOUNT) },
  'names-bob': {
    story: 'a key policy that lets alice administer the key and names bob as a key user (kms:Encrypt, kms:Decrypt), with no statement for the account root',
    document: () => JSON.stringify({ Version: '2012-10-17', Statement: [allow(ALICE, ADMIN_ACTIONS), allow(BOB, ['kms:Encrypt', 'kms:Decrypt'])] }),
  },
  'admins-only': {
    story: 'a key policy that only lets alice administer the key (no statement for the account root, none for bob)',
    document: () => JSON.stringify({ Version: '2012-10-17', Statement: [allow(ALICE, ADMIN_ACTIONS)] }),
  },
};

const IAM_TEXT: Record<PolicyDecisionParams['iamPolicy'], string> = {
  none: 'Bob has no IAM policy about KMS',
  'allow-decrypt': "Bob's IAM policy allows kms:Decrypt on the key",
  'allow-encrypt-only': "Bob's IAM policy allows only kms:Encrypt on the key",
};

/** The request the question describes, as the policy engine takes it. */
export function policyRequest(params: PolicyDecisionParams): KmsAccessRequest {
  const identityPolicies: NamedPolicy[] = [];
  if (params.iamPolicy !== 'none') {
    const action = params.iamPolicy === 'allow-decrypt' ? 'kms:Decrypt' : 'kms:Encrypt';
    identityPolicies.push({ name: 'bob-kms', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: KEY_ARN }] } });
  }
  if (params.iamDeny) {
    identityPolicies.push({ name: 'deny-decrypt', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] } });
  }
  const grants: KmsGrantInput[] = params.grant ? [{ GrantId: 'grant-1', GranteePrincipal: BOB, Operations: ['Decrypt'] }] : [];
  return {
    caller: { arn: BOB, accountId: EXAM_ACCOUNT },
    action: 'kms:Decrypt',
    key: { arn: KEY_ARN, accountId: EXAM_ACCOUNT, policy: KEY_POLICY_TEXT[params.keyPolicy].document() },
    identityPolicies,
    grants,
  };
}

export const policyDecision: QuestionFamily<PolicyDecisionParams> = {
  id: 'policy-decision',
  topic: 'key-policies-and-iam',
  lessonId: 'key-policies-and-iam',
  refs: ['evaluation-order', 'default-policy', 'fix-no-delegation', 'grants'],
  describe: "it evaluates the key policy, IAM policies and grants with the simulator's policy engine",
  draw: (rng) => ({
    keyPolicy: rng.pick(KEY_POLICIES),
    iamPolicy: rng.pick(IAM_POLICIES),
    iamDeny: rng.next() < 0.25,
    grant: rng.next() < 0.35,
  }),

  async question(params) {
    const result = evaluateKmsAccess(policyRequest(params));
    const facts = [
      `The key has ${KEY_POLICY_TEXT[params.keyPolicy].story}.`,
      `${IAM_TEXT[params.iamPolicy]}${params.iamDeny ? ', and another IAM policy attached to him denies kms:Decrypt on every resource' : ''}.`,
      params.grant ? 'A grant on the key gives bob the Decrypt operation.' : 'There are no grants on the key.',
    ];
    return {
      kind: 'single',
      prompt: `Bob (${BOB}) calls Decrypt with a ciphertext of a key in his own account. ${facts.join(' ')} What does KMS decide?`,
      options: [
        { id: 'Allow', text: 'Allowed', why: 'Allowed when the key policy allows bob directly, or allows the account and an IAM policy allows him, or a grant gives him the operation, and nothing explicitly denies it.' },
        { id: 'ExplicitDeny', text: 'Denied by an explicit Deny', why: 'An explicit Deny in any policy that applies wins over every Allow, grants included.' },
        { id: 'ImplicitDeny', text: 'Denied because nothing allows it (implicit deny)', why: 'Without an Allow on a path KMS accepts, the request is denied even though no statement denies it.' },
      ],
      answer: result.decision,
      explanation: explainDecision(result),
    };
  },
};
