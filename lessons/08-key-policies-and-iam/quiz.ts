/**
 * Exam-style questions on key policies, IAM, grants and conditions. Where the scenario can answer
 * (allowed or denied, on which path, by which statement), the answer is computed by running the
 * puzzle in a fresh world, so the quiz cannot disagree with the policy engine.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import { FIXED_CONDITION_STATEMENT, type Attempt, type KeyPoliciesState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]): Promise<KeyPoliciesState> {
  const { instance } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return instance.state as KeyPoliciesState;
}

const attemptOf = (state: KeyPoliciesState, name: string): Attempt => {
  const found = state.attempts.find((a) => a.name === name);
  if (!found) throw new Error(`key-policies quiz: the scenario made no attempt "${name}"`);
  return found;
};

const UP_TO_VAULT: ScenarioEvent[] = [{ type: 'default-policy' }, { type: 'console-policy' }, { type: 'no-delegation' }];

export default defineQuiz([
  {
    id: 'default-policy-no-iam',
    kind: 'single',
    prompt: 'A key has the default key policy (one statement allowing kms:* to arn:aws:iam::111122223333:root). Bob, an IAM user in 111122223333 with no IAM policies, calls Decrypt. What happens?',
    refs: ['default-policy'],
    options: [
      { id: 'allowed', text: 'Allowed: the root principal in the key policy means every principal of the account', why: 'The root principal means the account, and "the account" delegates to its IAM policies. It does not allow every user.' },
      { id: 'denied-iam', text: 'AccessDeniedException: the key policy delegates to IAM, and no IAM policy allows him', why: 'Right: with the default policy an IAM policy must allow kms:Decrypt.' },
      { id: 'denied-explicit', text: 'AccessDeniedException caused by an explicit deny in the default key policy', why: 'The default key policy has no Deny statement; the refusal is an implicit deny.' },
      { id: 'not-found', text: 'NotFoundException: the key is invisible to principals without permission', why: 'KMS answers AccessDeniedException; the key exists and is found.' },
    ],
    explanation: 'The default key policy\'s "Enable IAM User Permissions" statement makes IAM policies count for the key. Without one, nothing allows the call.',
    answer: {
      describe: 'Bob calls Decrypt with the default-policy key before he has an IAM policy',
      async compute(engine) {
        const a = attemptOf(await run(engine, { type: 'default-policy' }), 'bob-default-no-iam');
        return a.decision === 'Allow' ? 'allowed' : a.decision === 'ExplicitDeny' ? 'denied-explicit' : 'denied-iam';
      },
    },
  },
  {
    id: 'admin-decrypt',
    kind: 'single',
    prompt: 'The console created a key with Kim as key administrator and a role as key user. Kim has no IAM policies. Kim calls Decrypt. What does KMS answer?',
    refs: ['administrators-and-users'],
    options: [
      { id: 'allowed', text: 'Allowed: key administrators have full control of the key', why: 'The administrator statement lists Create*, Describe*, Enable*, Put*, Disable*, Delete* and similar, but no cryptographic operation.' },
      { id: 'denied', text: 'AccessDeniedException: administrators may manage the key but not use it', why: 'Right: separation of duties is the purpose of the console\'s two statements.' },
      { id: 'disabled', text: 'DisabledException: Kim must enable the key first', why: 'The key is enabled; the refusal is about permissions.' },
    ],
    explanation: 'The console policy separates key administrators (manage) from key users (use). Kim\'s Decrypt matches no statement that names her.',
    answer: {
      describe: 'Kim calls Decrypt with the console-policy key',
      async compute(engine) {
        const a = attemptOf(await run(engine, { type: 'default-policy' }, { type: 'console-policy' }), 'kim-decrypts');
        return a.decision === 'Allow' ? 'allowed' : 'denied';
      },
    },
  },
  {
    id: 'admins-and-users',
    kind: 'multi',
    prompt: 'A key has the console\'s key policy with Kim as key administrator and the role report-app as key user; neither has an IAM policy for KMS. Which calls are allowed?',
    refs: ['administrators-and-users'],
    options: [
      { id: 'kim-rotation', text: 'Kim calls EnableKeyRotation', why: 'Allowed: kms:Enable* is in the key administrators\' statement.' },
      { id: 'kim-decrypt', text: 'Kim calls Decrypt', why: 'Denied: administrators manage the key; no administrator action uses it.' },
      { id: 'app-decrypt', text: 'report-app calls Decrypt', why: 'Allowed: "Allow use of the key" lists kms:Decrypt for key users.' },
      { id: 'app-delete', text: 'report-app calls ScheduleKeyDeletion', why: 'Denied: only key administrators may schedule deletion.' },
    ],
    explanation: 'Key users may use the key (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey) and attach grants for AWS resources; administrators manage it. Neither can do the other\'s job.',
    answer: {
      describe: 'runs the console-policy puzzle and lists the calls the engine allowed',
      async compute(engine) {
        const state = await run(engine, { type: 'default-policy' }, { type: 'console-policy' });
        const ids: [string, string][] = [['kim-rotation', 'kim-administers'], ['kim-decrypt', 'kim-decrypts'], ['app-decrypt', 'app-decrypts'], ['app-delete', 'app-deletes']];
        return ids.filter(([, name]) => attemptOf(state, name).decision === 'Allow').map(([id]) => id);
      },
    },
  },
  {
    id: 'no-delegation-path',
    kind: 'single',
    prompt: 'A key policy names only Alice. Bob\'s IAM policy allows kms:Decrypt on all keys in the account. Bob calls Decrypt with the key. Why is he denied?',
    refs: ['fix-no-delegation'],
    options: [
      { id: 'does-not-delegate', text: 'The key policy does not delegate to IAM (no statement for the account root), so IAM policies do not count', why: 'Right: without delegation only the key policy and grants can allow.' },
      { id: 'iam-lacks', text: 'His IAM policy must name the key ARN, not a wildcard', why: 'A wildcard resource in IAM is fine; IAM is simply not consulted for this key.' },
      { id: 'explicit-deny', text: 'A key policy that names one principal denies everyone else explicitly', why: 'Not naming someone is an implicit deny, not an explicit one.' },
    ],
    explanation: 'IAM policies alone never give access to a KMS key: the key policy must allow directly or delegate to the account.',
    answer: {
      describe: 'Bob calls Decrypt with the vault key and reads the engine\'s decision path',
      async compute(engine) {
        const a = attemptOf(await run(engine, ...UP_TO_VAULT), 'bob-vault-before');
        return a.path === 'key-policy-does-not-delegate' ? 'does-not-delegate' : a.decision === 'ExplicitDeny' ? 'explicit-deny' : 'iam-lacks';
      },
    },
  },
  {
    id: 'which-message',
    kind: 'single',
    prompt: 'Bob has an IAM policy allowing kms:Decrypt on every key. The key policy names only Alice. How does the AccessDeniedException message for Bob\'s Decrypt end?',
    refs: ['fix-no-delegation'],
    options: [
      { id: 'no-resource-based', text: '"… because no resource-based policy allows the kms:Decrypt action"', why: 'Right: the key policy is the resource-based policy, and it neither allows Bob nor delegates to IAM.' },
      { id: 'no-identity-based', text: '"… because no identity-based policy allows the kms:Decrypt action"', why: 'That is the message when the key policy delegates and IAM lacks the permission; Bob\'s IAM does allow it.' },
      { id: 'explicit-deny', text: '"… with an explicit deny in a resource-based policy"', why: 'There is no Deny statement; not being named is an implicit deny.' },
    ],
    explanation: 'AWS\'s message names the kind of policy that failed to allow: read it to know whether to fix the key policy or IAM.',
    answer: {
      describe: 'Bob calls Decrypt with the vault key and reads the message KMS sent',
      async compute(engine) {
        const message = attemptOf(await run(engine, ...UP_TO_VAULT), 'bob-vault-before').message ?? '';
        if (message.endsWith('because no resource-based policy allows the kms:Decrypt action')) return 'no-resource-based';
        if (message.endsWith('because no identity-based policy allows the kms:Decrypt action')) return 'no-identity-based';
        return message.includes('explicit deny') ? 'explicit-deny' : 'none';
      },
    },
  },
  {
    id: 'vault-fixes',
    kind: 'multi',
    prompt: 'Which single changes let Bob (IAM: kms:Decrypt on all keys) decrypt with that key?',
    refs: ['fix-no-delegation'],
    options: [
      { id: 'bob-in-key-policy', text: 'Add a key policy statement allowing Bob kms:Decrypt', why: 'Works: the key policy allows him directly.' },
      { id: 'enable-iam', text: 'Add the "Enable IAM User Permissions" statement to the key policy', why: 'Works: now his existing IAM policy counts.' },
      { id: 'more-iam', text: 'Attach an IAM policy allowing kms:* on every key', why: 'Useless: IAM is not consulted while the key policy does not delegate.' },
      { id: 'bob-encrypt', text: 'Add a key policy statement allowing Bob kms:Encrypt', why: 'Wrong action: Encrypt does not allow Decrypt.' },
    ],
    explanation: 'Only the key policy can open a key to IAM or to a principal; adding IAM permissions cannot.',
    answer: {
      describe: 'tries each change in a fresh world and keeps those after which the engine allows Bob\'s Decrypt',
      async compute(engine) {
        const works: string[] = [];
        for (const fix of ['bob-in-key-policy', 'enable-iam', 'more-iam', 'bob-encrypt']) {
          const state = await run(engine, ...UP_TO_VAULT, { type: 'fix-vault', fix });
          if (attemptOf(state, `bob-vault-after-${fix}`).decision === 'Allow') works.push(fix);
        }
        return works;
      },
    },
  },
  {
    id: 'cross-account',
    kind: 'single',
    prompt: 'A user in account 444455556666 must decrypt with a key in 111122223333. What is required?',
    refs: ['cross-account-and-deny'],
    options: [
      { id: 'both', text: 'The key policy allows the other account (or the user), and the user\'s IAM policy in 444455556666 allows kms:Decrypt on the key', why: 'Right: both accounts must allow.' },
      { id: 'key-policy', text: 'Only the key policy must allow the other account', why: 'The other account must still delegate to its user through IAM.' },
      { id: 'iam', text: 'Only an IAM policy in 444455556666 naming the key ARN', why: 'The key\'s own account decides first: its key policy must allow the other account.' },
    ],
    explanation: 'Cross-account access is decided by both sides: the key policy of the key\'s account, and the IAM policy of the caller\'s account.',
    answer: {
      describe: 'Dana tries with IAM only, with the key policy only, then with both',
      async compute(engine) {
        const state = await run(engine, { type: 'default-policy' }, { type: 'cross-account-and-deny' });
        const allowed = (name: string) => attemptOf(state, name).decision === 'Allow';
        if (allowed('dana-iam-only')) return 'iam';
        if (allowed('dana-key-policy-only')) return 'key-policy';
        return allowed('dana-both') ? 'both' : 'none';
      },
    },
  },
  {
    id: 'explicit-deny',
    kind: 'single',
    prompt: 'Bob\'s IAM policy allows kms:Decrypt and the key policy delegates to IAM. Alice adds a key policy statement: Deny, Principal Bob, kms:Decrypt. Which statement decides Bob\'s next Decrypt?',
    refs: ['cross-account-and-deny'],
    options: [
      { id: 'NeverBob', text: 'The Deny statement (NeverBob): an explicit deny overrides every allow', why: 'Right: explicit deny is evaluated first and always wins.' },
      { id: 'Enable IAM User Permissions', text: 'Enable IAM User Permissions: the account delegates to IAM, and IAM allows', why: 'That allow is overridden by the explicit deny.' },
      { id: 'BobDecryptsAnyKey', text: 'Bob\'s IAM policy: identity policies are evaluated before key policies', why: 'Order does not matter for the result: any matching Deny wins.' },
    ],
    explanation: 'KMS evaluates explicit denies first. One matching Deny in the key policy, an IAM policy or elsewhere refuses the request.',
    answer: {
      describe: 'Bob decrypts after the Deny statement and reads which statement the engine named as deciding',
      async compute(engine) {
        const a = attemptOf(await run(engine, { type: 'default-policy' }, { type: 'cross-account-and-deny' }), 'bob-explicit-deny');
        return a.decidedBy[0] ?? 'none';
      },
    },
  },
  {
    id: 'grant-retired',
    kind: 'single',
    prompt: 'Carol has no IAM policy and is not in the key policy. Alice gives her a grant for Decrypt, and Carol later retires it. What do her Decrypt calls get, before and after?',
    refs: ['grants'],
    options: [
      { id: 'allowed-then-denied', text: 'Allowed with the grant, AccessDeniedException after it is retired', why: 'Right: the grant alone allows, and only while it exists.' },
      { id: 'denied-both', text: 'Denied both times: a grant also needs an IAM policy', why: 'A grant is enough on its own for the operations it lists.' },
      { id: 'allowed-both', text: 'Allowed both times: a retired grant keeps working until it expires', why: 'Retiring removes the grant; grants do not expire on a timer.' },
    ],
    explanation: 'Grants give a principal specific operations on one key without editing any policy, until retired or revoked. They can only allow.',
    answer: {
      describe: 'Carol decrypts with a grant, retires it and decrypts again',
      async compute(engine) {
        const state = await run(engine, ...UP_TO_VAULT, { type: 'grant' });
        const before = attemptOf(state, 'carol-with-grant').decision === 'Allow';
        const after = attemptOf(state, 'carol-after-retire').decision === 'Allow';
        return before && !after ? 'allowed-then-denied' : before ? 'allowed-both' : 'denied-both';
      },
    },
  },
  {
    id: 'via-service',
    kind: 'single',
    prompt: 'A key policy statement allows the role report-app kms:Decrypt with the condition "kms:ViaService": "s3.eu-west-2.amazonaws.com". The role\'s code calls KMS Decrypt directly with the SDK. What happens?',
    refs: ['conditions'],
    options: [
      { id: 'denied', text: 'AccessDeniedException: kms:ViaService is only set when S3 calls KMS on the role\'s behalf', why: 'Right: a direct call has no ViaService, so the condition does not match.' },
      { id: 'allowed', text: 'Allowed: the principal matches and the condition only applies to S3 requests', why: 'A condition that is not met means the statement does not apply; nothing else allows the call.' },
      { id: 'validation', text: 'ValidationException: the SDK must pass a ViaService parameter', why: 'There is no such parameter; AWS services set it when they call for you.' },
    ],
    explanation: 'kms:ViaService limits a key to use through named AWS services. Combined with kms:EncryptionContext, it narrows a statement to exactly the requests you expect.',
    answer: {
      describe: 'stores the fixed statement and lets report-app call KMS directly',
      async compute(engine) {
        const state = await run(engine, { type: 'conditions-puzzle' }, { type: 'fix-conditions', statement: FIXED_CONDITION_STATEMENT });
        return attemptOf(state, 'app-reports-direct-after').decision === 'Allow' ? 'allowed' : 'denied';
      },
    },
  },
]);
