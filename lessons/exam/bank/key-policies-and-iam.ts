/**
 * Practice exam, fixed questions on key policies and IAM (lesson 08): what the default statement
 * means, least privilege for an application, key administrators who can grant themselves use, the
 * lockout check, cross-account key ids and operations, explicit denies in IAM, grant tokens and grant
 * constraints, and case-sensitive encryption context conditions.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'key-policies-and-iam', lessonId: 'key-policies-and-iam' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'kp-default-statement-meaning',
    kind: 'multi',
    prompt:
      'A key policy contains only the default statement: Effect Allow, Principal {"AWS": "arn:aws:iam::111122223333:root"}, Action kms:*, Resource *. What does it do? (Choose two.)',
    refs: ['default-policy', 'evaluation-order'],
    options: [
      {
        id: 'other-accounts',
        text: 'It lets principals in other accounts use the key if their IAM policies allow it',
        why: 'It names only account 111122223333. Another account must be named in the key policy too.',
      },
      {
        id: 'root-user',
        text: 'It lets the account\'s root user manage the key, which guards against a key nobody can manage',
        why: 'Correct: the account principal includes the root user, so while this statement stays in the policy someone can always manage the key.',
      },
      {
        id: 'enables-iam',
        text: 'It lets IAM policies in account 111122223333 grant access to the key',
        why: 'Correct: naming the account delegates to IAM, so an identity policy that allows an action on this key now counts.',
      },
      {
        id: 'every-user',
        text: 'It lets every IAM user and role in the account use the key, whatever their IAM policies say',
        why: 'The account principal is not a wildcard for its users; each of them still needs an IAM policy that allows the action.',
      },
    ],
    answer: ['enables-iam', 'root-user'],
    explanation:
      'The default key policy is what makes KMS behave like most AWS services, where IAM policies decide. Remove that statement and IAM allows stop counting: only the key policy itself and grants can then allow.',
  },
  {
    ...about,
    id: 'kp-least-privilege-app',
    kind: 'single',
    prompt:
      'A key has the default key policy. An application role must only encrypt and decrypt data with that one key (envelope encryption included). Which IAM policy follows least privilege?',
    refs: ['default-policy', 'administrators-and-users'],
    options: [
      {
        id: 'kms-star',
        text: 'Allow kms:* on Resource *',
        why: 'That lets the role administer, disable and schedule deletion of every key that delegates to IAM.',
      },
      {
        id: 'key-policy-star',
        text: 'Add a key policy statement with Principal "*" allowing kms:Encrypt and kms:Decrypt',
        why: 'A "*" principal without conditions opens the key to every AWS principal that can reach it, in any account.',
      },
      {
        id: 'actions-on-key-arn',
        text: 'Allow kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on Resource set to the key\'s ARN',
        why: 'Right: only the operations needed, only on the one key. The default key policy lets this IAM policy take effect.',
      },
      {
        id: 'alias-resource',
        text: 'Allow the three actions on Resource set to the alias ARN the application uses',
        why: 'Access to key operations is authorized on the key, not the alias; an alias ARN as the resource does not allow using the key. (Conditions such as kms:ResourceAliases exist for alias-based control.)',
      },
    ],
    answer: 'actions-on-key-arn',
    explanation:
      'Least privilege in KMS means the fewest actions on the fewest keys: name the key ARN as the resource and list the cryptographic operations the application uses. GenerateDataKey (or GenerateDataKey*) is needed for envelope encryption.',
  },
  {
    ...about,
    id: 'kp-admin-can-grant-itself',
    kind: 'single',
    prompt:
      'A console-created key policy lists Kim as a key administrator (kms:Create*, kms:Describe*, kms:Enable*, kms:List*, kms:Put*, kms:Update*, kms:Revoke*, kms:Disable*, kms:Get*, kms:Delete*, and so on) but not as a key user. An auditor asks whether Kim could ever read data encrypted under the key. What is the accurate answer?',
    refs: ['administrators-and-users'],
    options: [
      {
        id: 'never',
        text: 'No: administrators can never use the key for cryptographic operations',
        why: 'True of the policy as it stands, but not of what Kim can make it say.',
      },
      {
        id: 'aws-approval',
        text: 'Only with approval from AWS Support',
        why: 'AWS is not involved in changes to your key policies.',
      },
      {
        id: 'root-only',
        text: 'Only the account\'s root user can change a key policy',
        why: 'Any principal allowed kms:PutKeyPolicy can replace the policy.',
      },
      {
        id: 'put-key-policy',
        text: 'Yes: kms:Put* includes kms:PutKeyPolicy, so Kim can add a statement that lets her decrypt, then decrypt',
        why: 'Right: key administrators can change the key\'s permissions, including their own. Limit who holds PutKeyPolicy (and CreateGrant), and alarm on those calls.',
      },
    ],
    answer: 'put-key-policy',
    explanation:
      'The split between key administrators and key users stops mistakes and casual access, not a determined administrator: PutKeyPolicy is the key\'s master permission. Every PutKeyPolicy is a management event in CloudTrail, which is where separation of duties is enforced after the fact.',
  },
  {
    ...about,
    id: 'kp-lockout-check',
    kind: 'single',
    prompt:
      'An engineer calls PutKeyPolicy with a policy whose only statement allows an application role kms:Decrypt. Nobody, including the engineer, is allowed kms:PutKeyPolicy by it. What happens?',
    refs: ['fix-no-delegation', 'administrators-and-users'],
    options: [
      {
        id: 'malformed',
        text: 'KMS refuses with MalformedPolicyDocumentException: the new key policy will not allow you to update the key policy in the future',
        why: 'Right: the policy lockout safety check refuses a policy that would leave the caller unable to change it again.',
      },
      {
        id: 'access-denied',
        text: 'AccessDeniedException, because the new policy does not allow the engineer',
        why: 'The engineer is allowed PutKeyPolicy by the current policy; it is the new document that is refused, as malformed.',
      },
      {
        id: 'root-added',
        text: 'KMS accepts it and silently adds the default statement',
        why: 'KMS stores the policy you send or refuses it; it never edits it for you.',
      },
      {
        id: 'accepted-unmanageable',
        text: 'KMS accepts it, and the key can never be managed again',
        why: 'Only with BypassPolicyLockoutSafetyCheck set, which AWS advises against.',
      },
    ],
    answer: 'malformed',
    explanation:
      'The lockout safety check (on CreateKey and PutKeyPolicy) protects against keys nobody can administer. Every policy you write should keep a principal that may still change it: an administrator, or the account through the default statement.',
  },
  {
    ...about,
    id: 'kp-cross-account-alias-name',
    kind: 'single',
    prompt:
      'The key policy of a key in account 111122223333 allows account 444455556666, and a role in 444455556666 has an IAM policy allowing kms:Decrypt on the key\'s ARN. The role\'s code calls Decrypt with KeyId "alias/shared", the key\'s alias. What happens?',
    refs: ['cross-account-and-deny'],
    options: [
      {
        id: 'not-found',
        text: 'It fails: an alias name is looked up in the caller\'s own account and Region, where alias/shared does not exist',
        why: 'Right: cross-account callers must name the key by key ARN (or alias ARN); a bare alias or key id resolves in their own account.',
      },
      {
        id: 'access-denied-policy',
        text: 'AccessDeniedException, because aliases cannot be shared across accounts by key policy',
        why: 'The failure is in finding the key, not in authorizing the call.',
      },
      {
        id: 'disabled',
        text: 'DisabledException, because aliases of other accounts are disabled',
        why: 'Aliases are never enabled or disabled; they are names inside one account and Region.',
      },
      {
        id: 'allowed',
        text: 'It succeeds, because both policies allow it',
        why: 'The permissions are right, but the request never reaches the other account\'s key.',
      },
    ],
    answer: 'not-found',
    explanation:
      'For use across accounts, three things must line up: the key policy allows the other account (or its principal), the caller\'s IAM policy allows the action on the key, and the caller names the key by its ARN. (For a symmetric Decrypt the KeyId may even be left out, because the blob identifies its key.)',
  },
  {
    ...about,
    id: 'kp-cross-account-operations',
    kind: 'multi',
    prompt:
      'Account 111122223333\'s key policy allows account 444455556666 kms:*, and a role in 444455556666 has kms:* on the key ARN in IAM. Which operations can the role actually perform on that key? (Choose two.)',
    refs: ['cross-account-and-deny'],
    options: [
      {
        id: 'schedule-deletion',
        text: 'ScheduleKeyDeletion',
        why: 'Key administration never works across accounts, whatever the policies say.',
      },
      {
        id: 'generate-data-key',
        text: 'GenerateDataKey',
        why: 'Correct: cryptographic operations work across accounts.',
      },
      {
        id: 'describe-key',
        text: 'DescribeKey',
        why: 'Correct: DescribeKey is one of the few non-cryptographic operations that work across accounts (with CreateGrant, ListGrants, RetireGrant, RevokeGrant, GetKeyRotationStatus and GetPublicKey).',
      },
      {
        id: 'put-key-policy',
        text: 'PutKeyPolicy',
        why: 'Only principals in the key\'s own account can change its policy.',
      },
    ],
    answer: ['generate-data-key', 'describe-key'],
    explanation:
      'Sharing a key shares its use, never its management. Cryptographic operations, DescribeKey, GetPublicKey, GetKeyRotationStatus and the grant operations can cross accounts; everything else stays with the owning account.',
  },
  {
    ...about,
    id: 'kp-deny-in-iam',
    kind: 'single',
    prompt:
      'A key policy statement allows Bob kms:* directly. Bob\'s IAM policy contains an explicit Deny for kms:ScheduleKeyDeletion on all keys. Bob calls ScheduleKeyDeletion on the key. What happens?',
    refs: ['evaluation-order', 'cross-account-and-deny'],
    options: [
      {
        id: 'allowed-no-delegation',
        text: 'Allowed, unless the key policy also delegates to IAM',
        why: 'Delegation decides whether IAM allows count. IAM denies count whether or not the key policy delegates.',
      },
      {
        id: 'scheduled-cancelled',
        text: 'The deletion is scheduled but cancelled automatically',
        why: 'Authorization happens before the operation; a denied call changes nothing.',
      },
      {
        id: 'allowed-key-policy',
        text: 'Allowed: the key policy is the primary policy and wins over IAM',
        why: 'The key policy is required for any allow, but it cannot override a deny elsewhere.',
      },
      {
        id: 'denied',
        text: 'Denied: an explicit deny in any applicable policy overrides every allow, including the key policy\'s',
        why: 'Right: KMS looks for explicit denies first, in the key policy, IAM policies and other guardrails alike.',
      },
    ],
    answer: 'denied',
    explanation:
      'KMS evaluation: any explicit deny → denied. Otherwise an allow from the key policy, from IAM (only if the key policy delegates to the account) or from a grant → allowed. Otherwise → implicitly denied. A deny in an IAM policy or an SCP is a handy guardrail against destructive actions.',
  },
  {
    ...about,
    id: 'kp-grant-token',
    kind: 'single',
    prompt:
      'An orchestrator creates a grant that lets a worker role Decrypt with a key, then immediately starts the worker, which calls Decrypt. For the first few seconds the worker sometimes gets AccessDeniedException. What is the recommended fix?',
    refs: ['grants'],
    options: [
      {
        id: 'retire-recreate',
        text: 'Retire the grant and create it again when the error appears',
        why: 'A new grant has the same propagation delay; it fixes nothing.',
      },
      {
        id: 'grant-token',
        text: 'Pass the grant token returned by CreateGrant to the worker, which sends it in the GrantTokens parameter of Decrypt',
        why: 'Right: grants are eventually consistent; a grant token makes KMS honour the grant at once.',
      },
      {
        id: 'sleep-hour',
        text: 'Wait an hour after CreateGrant before starting workers',
        why: 'Grants usually take effect within seconds (at most about five minutes), and a grant token removes the wait entirely.',
      },
      {
        id: 'key-policy',
        text: 'Put the worker role in the key policy instead',
        why: 'That gives up the narrow, removable permission a grant provides, and key policy changes are eventually consistent too.',
      },
    ],
    answer: 'grant-token',
    explanation:
      'CreateGrant returns a GrantId and a GrantToken. Until the grant has propagated, callers that include the token in GrantTokens get the grant\'s permissions immediately.',
  },
  {
    ...about,
    id: 'kp-grant-constraint',
    kind: 'single',
    prompt:
      'A multi-tenant service must let a worker decrypt data for tenant 42 only, for the duration of one job, without editing the key policy. Data keys are generated with the encryption context {"tenant": "<id>"}. What should the service create?',
    refs: ['grants', 'conditions'],
    options: [
      {
        id: 'plain-grant',
        text: 'A grant for Decrypt to the worker, without constraints',
        why: 'That lets the worker decrypt every tenant\'s data for as long as the grant exists.',
      },
      {
        id: 'iam-policy',
        text: 'An IAM policy allowing the worker kms:Decrypt on the key',
        why: 'It has no tenant limit and is not tied to the job; and if the key policy does not delegate to IAM it does nothing.',
      },
      {
        id: 'deny-grant',
        text: 'A grant that denies Decrypt for every tenant except 42',
        why: 'Grants can only allow; there are no deny grants.',
      },
      {
        id: 'constrained-grant',
        text: 'A grant for Decrypt to the worker with the constraint EncryptionContextSubset {"tenant": "42"}, retired when the job ends',
        why: 'Right: the grant allows Decrypt only when the request\'s context includes tenant=42, and it disappears with the job.',
      },
    ],
    answer: 'constrained-grant',
    explanation:
      'Grants are the tool for temporary, narrow, programmatic delegation, and their EncryptionContextSubset or EncryptionContextEquals constraints scope them to particular data. Retire or revoke the grant when the job ends.',
  },
  {
    ...about,
    id: 'kp-context-condition-case',
    kind: 'single',
    prompt:
      'A key policy allows the role reports-app kms:Decrypt with the condition StringEquals {"kms:EncryptionContext:department": "finance"}. A ciphertext was made with the context {"department": "Finance"}, and the role decrypts it passing that same context. What happens?',
    refs: ['conditions', 'evaluation-order'],
    options: [
      {
        id: 'denied',
        text: 'AccessDeniedException: StringEquals compares the value case-sensitively, so "Finance" does not match "finance"',
        why: 'Right: the condition does not match, so that statement does not allow, and nothing else does.',
      },
      {
        id: 'allowed',
        text: 'Allowed: encryption context values are compared case-insensitively in policies',
        why: 'Only the condition key name (after kms:EncryptionContext:) is case-insensitive; values are case-sensitive with StringEquals. StringEqualsIgnoreCase would match.',
      },
      {
        id: 'invalid-ciphertext',
        text: 'InvalidCiphertextException, because the context does not match the one in the policy',
        why: 'The context matches the ciphertext exactly, so the cryptography is fine; it is the authorization that fails.',
      },
      {
        id: 'pass-lowercase',
        text: 'It works if the role passes {"department": "finance"} instead',
        why: 'Then the policy matches, but Decrypt fails with InvalidCiphertextException: the context must equal the one used to encrypt, exactly.',
      },
    ],
    answer: 'denied',
    explanation:
      'Two different comparisons happen on the encryption context: the cryptographic one (always an exact, case-sensitive match with the context used to encrypt) and the policy condition (whatever the operator says). Use StringEqualsIgnoreCase in the policy if values may vary in case.',
  },
]);
