/**
 * Key policies and IAM: a run of "why can't Bob decrypt?" puzzles, every one decided by the KMS
 * access engine (src/kms/access/policy) on real calls, drawn on the diagram with callKms and kept
 * for the decision view. The people and their IAM policies come from src/sim/world; the policies
 * on the keys are the engine's own templates (defaultKeyPolicy, consoleKeyPolicy) or small
 * documents written here, checked with validatePolicy and stored with PutKeyPolicy.
 *
 * Nothing here states an outcome it did not observe: every Attempt records the decision, its path
 * and the deciding statements exactly as `kms.audit.decisionOf` returned them.
 */
import { createKms, consoleKeyPolicy, validatePolicy, type Decision, type DecisionPath, type NamedPolicy, type Output } from '../../src/kms/index';
import { defineScenario, type ScenarioDecision, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload } from '../../src/sim/core/events';
import { createNetwork } from '../../src/sim/network/network';
import { heldKeyPayload, metadataPayload } from '../../src/sim/network/payloads';
import { callKms } from '../../src/sim/storage';
import { createWorld, INTEGRATED_SERVICES, roleArn, rootArn, sessionArn, userArn, type WorldSpec } from '../../src/sim/world';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const PARTNER_ACCOUNT = '444455556666';
export const REGION = 'eu-west-2';
export const MAX_STATEMENT_CHARS = 2000;

export const ALICE_ARN = userArn(ACCOUNT, 'alice');
export const BOB_ARN = userArn(ACCOUNT, 'bob');
export const KIM_ARN = userArn(ACCOUNT, 'kim');
export const CAROL_ARN = userArn(ACCOUNT, 'carol');
export const APP_ROLE_ARN = roleArn(ACCOUNT, 'report-app');
export const APP_ARN = sessionArn(ACCOUNT, 'report-app', 'web-1');
export const DANA_ARN = userArn(PARTNER_ACCOUNT, 'dana');

const ACTORS = { alice: 'alice', bob: 'bob', kim: 'kim', carol: 'carol', app: 'app', partner: 'partner', s3: 's3', kms: 'kms' } as const;
type ActorId = keyof typeof ACTORS;

const allow = (name: string, actions: string[], resource: string): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement: [{ Sid: name, Effect: 'Allow', Action: actions, Resource: resource }] },
});

const ALL_KEYS = `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`;

/** The encryption context the report was encrypted with (step "conditions"). */
export const REPORT_CONTEXT = { department: 'hr' };

/** The statement the learner starts from in step "conditions": right principal, wrong conditions. */
export const BROKEN_CONDITION_STATEMENT = JSON.stringify({
  Sid: 'ReportAppThroughS3',
  Effect: 'Allow',
  Principal: { AWS: APP_ROLE_ARN },
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': `rds.${REGION}.amazonaws.com`, 'kms:EncryptionContext:department': 'finance' } },
});

/** A statement that makes the app's S3 read pass and still refuses it outside S3 (the stored walkthrough). */
export const FIXED_CONDITION_STATEMENT = JSON.stringify({
  Sid: 'ReportAppThroughS3',
  Effect: 'Allow',
  Principal: { AWS: APP_ROLE_ARN },
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com`, 'kms:EncryptionContext:department': 'hr' } },
});

/** What the learner may change to let Bob decrypt with the vault key (step "fix-no-delegation"). */
export const VAULT_FIXES = {
  'bob-in-key-policy': 'Add a key policy statement: Allow Bob kms:Decrypt',
  'enable-iam': 'Add the key policy statement "Enable IAM User Permissions" (the account may delegate to IAM)',
  'more-iam': 'Attach another IAM policy to Bob: Allow kms:* on every key',
  'bob-encrypt': 'Add a key policy statement: Allow Bob kms:Encrypt',
} as const;
export type VaultFix = keyof typeof VAULT_FIXES;

const WORLD: WorldSpec = {
  region: REGION,
  accounts: [
    {
      id: ACCOUNT,
      name: 'Example Corp',
      users: [
        { name: 'alice', description: 'Administrator', policies: [allow('AdministratorAccess', ['*'], '*')], sourceIp: '203.0.113.10' },
        { name: 'bob', description: 'Developer, no IAM policies yet', policies: [], sourceIp: '203.0.113.11' },
        { name: 'kim', description: 'Key administrator, no IAM policies', policies: [], sourceIp: '203.0.113.12' },
        { name: 'carol', description: 'Auditor, no IAM policies', policies: [], sourceIp: '203.0.113.13' },
      ],
      roles: [{ name: 'report-app', description: 'Reads HR reports from S3', sessions: [{ name: 'web-1', sourceIp: '198.51.100.21' }] }],
    },
    { id: PARTNER_ACCOUNT, name: 'Partner Ltd', users: [{ name: 'dana', description: 'Developer at a partner company', policies: [], sourceIp: '192.0.2.40' }] },
  ],
  services: INTEGRATED_SERVICES,
};

/** One call someone made, with what the engine decided. */
export interface Attempt {
  /** A stable name for the attempt, e.g. "bob-decrypts-shared". */
  name: string;
  by: string;
  operation: string;
  decision: Decision;
  path: DecisionPath;
  /** AccessDeniedException (or another exception), absent when the call succeeded. */
  code?: string;
  message?: string;
  /** Sids (or "grant") of the statements the engine named as deciding. */
  decidedBy: string[];
}

export interface KeyPoliciesState {
  keys: Record<string, string>;
  attempts: Attempt[];
  decisions: ScenarioDecision[];
  /** Problems validatePolicy found in the learner's last statement (step "conditions"). */
  statementProblems: string[];
  /** Carol's RetireGrant succeeded (step "grants"). */
  grantRetired: boolean;
  /** The closing step grouped every decision by the rule that made it. */
  summarized: boolean;
  /** Names of the IAM policies the lesson attached, by principal ARN (absent: none). */
  iam: Record<string, string[]>;
}

export function validVaultFix(raw: string | undefined): VaultFix {
  if (raw !== undefined && raw in VAULT_FIXES) return raw as VaultFix;
  throw new Error('Choose what to change.');
}

/** The key policy of the reports key around the learner's statement: Alice administers it; nobody else is named. */
export function reportsPolicy(statementText: string): { policy?: string; problems: string[] } {
  let statement: unknown;
  try {
    statement = JSON.parse(statementText);
  } catch (error) {
    return { problems: [`The statement is not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) return { problems: ['Write one statement: a JSON object with Effect, Principal, Action, Resource.'] };
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [aliceAdministers(), statement] }, null, 2);
  const problems = validatePolicy(policy, 'key-policy').filter((p) => p.severity === 'error').map((p) => p.message);
  return problems.length ? { problems } : { policy, problems };
}

export function validStatement(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('Write the statement as JSON.');
  if (text.length > MAX_STATEMENT_CHARS) throw new Error(`Keep the statement to ${MAX_STATEMENT_CHARS} characters.`);
  const { problems } = reportsPolicy(text);
  if (problems.length) throw new Error(`validatePolicy: ${problems.join(' ')}`);
  return text;
}

const aliceAdministers = () => ({ Sid: 'AliceAdministers', Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'kms:*', Resource: '*' });
const vaultPolicy = (extra: object[] = []) => JSON.stringify({ Version: '2012-10-17', Statement: [aliceAdministers(), ...extra] }, null, 2);
const short = (arn: string) => arn.replace(/^arn:aws:(iam|sts)::\d{12}:/, '');

export default defineScenario<KeyPoliciesState>({
  async create({ rng, clock, stream }) {
    const world = createWorld(WORLD);
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT, principalExists: (arn) => world.principalExists(arn) });
    const net = createNetwork({ stream, clock, rng });
    const state: KeyPoliciesState = { keys: {}, attempts: [], decisions: [], statementProblems: [], grantRetired: false, summarized: false, iam: {} };
    const secrets: Record<string, Uint8Array> = {};

    /** Changes someone's IAM policies, and keeps the names for the diagram's holdings. */
    const setIam = (arn: string, policies: NamedPolicy[]) => {
      world.setIdentityPolicies(arn, policies);
      state.iam[arn] = policies.map((p) => p.name);
    };
    const contextOf = (arn: string, viaService?: string) => {
      world.actAs(arn);
      return world.callContext(viaService ? { viaService } : {});
    };
    /** Setup calls by Alice, not drawn: they happened before the puzzle. */
    const quietly = async (operation: string, input: Record<string, unknown>): Promise<Output> => kms.call(operation, input, contextOf(ALICE_ARN));

    /** One call drawn on the diagram (S3 draws it when it calls on the principal's behalf). */
    const drawn = (actor: ActorId, arn: string, operation: string, input: Record<string, unknown>, viaService?: string) => {
      clock.advance(1000);
      const request: Payload[] = Object.entries(input)
        .filter(([k]) => k !== 'CiphertextBlob' && k !== 'Policy')
        .map(([k, v]) => metadataPayload(k, typeof v === 'string' ? v : JSON.stringify(v)));
      const from = viaService ? ACTORS.s3 : ACTORS[actor];
      return callKms({ net, kms, from, kmsActor: ACTORS.kms, operation, input, context: contextOf(arn, viaService), request, response: () => [metadataPayload('answer', `${operation} succeeded`)] });
    };
    /** One drawn call whose access decision is recorded for the decision view and the checks. */
    const attempt = async (name: string, actor: ActorId, arn: string, operation: string, input: Record<string, unknown>, label: string, viaService?: string) => {
      const result = await drawn(actor, arn, operation, input, viaService);
      const decision = result.audit ? kms.audit.decisionOf(result.audit.eventID) : undefined;
      if (!decision || !result.audit) throw new Error(`key-policies: no recorded decision for ${operation}`);
      const { trace } = decision.result;
      const record: Attempt = {
        name,
        by: arn,
        operation,
        decision: decision.result.decision,
        path: trace.path,
        decidedBy: trace.decisive.map((d) => (d.source === 'grant' ? 'grant' : (d.sid ?? `${d.policyName}#${d.index}`))),
      };
      if (!result.ok) {
        record.code = result.error.code;
        record.message = result.error.message;
      }
      state.attempts.push(record);
      state.decisions.push({ id: result.audit.eventID, label: `${label}: ${record.decision}`, decision });
      net.note(ACTORS.kms, `${short(arn)} ${operation}: ${record.decision === 'Allow' ? 'allowed' : record.decision === 'ExplicitDeny' ? 'explicitly denied' : 'denied (nothing allows it)'}`, {
        tone: record.decision === 'Allow' ? 'success' : 'danger',
      });
      return record;
    };
    const decrypt = (name: string, actor: ActorId, arn: string, key: string, label: string, options: { context?: Record<string, string>; viaService?: string } = {}) =>
      attempt(name, actor, arn, 'Decrypt', { KeyId: state.keys[key], CiphertextBlob: secrets[key], ...(options.context ? { EncryptionContext: options.context } : {}) }, label, options.viaService);

    const createKey = async (name: string, description: string, policy?: string, context?: Record<string, string>) => {
      const created = await quietly('CreateKey', { Description: description, ...(policy ? { Policy: policy } : {}) });
      const arn = (created.KeyMetadata as { Arn: string }).Arn;
      state.keys[name] = arn;
      await quietly('CreateAlias', { AliasName: `alias/${name}`, TargetKeyId: arn });
      const encrypted = await quietly('Encrypt', { KeyId: arn, Plaintext: new TextEncoder().encode(`${name} secret`), ...(context ? { EncryptionContext: context } : {}) });
      secrets[name] = encrypted.CiphertextBlob as Uint8Array;
    };
    const putPolicy = (key: string, policy: string) => quietly('PutKeyPolicy', { KeyId: state.keys[key], PolicyName: 'default', Policy: policy });
    const keyPolicyOf = async (key: string) => String((await quietly('GetKeyPolicy', { KeyId: state.keys[key], PolicyName: 'default' })).Policy);

    // Before the story: Alice made the keys. "shared" has the default key policy; "payroll" the console's;
    // "vault" a policy that names Alice alone; "reports" a policy the learner completes.
    await createKey('shared', 'Default key policy: the account delegates to IAM');
    await createKey('payroll', 'Console key policy: administrators and users', consoleKeyPolicy({ accountId: ACCOUNT, administrators: [KIM_ARN], users: [APP_ROLE_ARN] }));
    await createKey('vault', 'A key policy that does not delegate to IAM', vaultPolicy());
    await createKey('reports', 'HR reports, read through S3 only', vaultPolicy(), REPORT_CONTEXT);

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'default-policy'() {
        net.note(ACTORS.kms, `alias/shared has the default key policy: one statement, "Enable IAM User Permissions", Principal ${rootArn(ACCOUNT)}, kms:*`, {
          carries: [heldKeyPayload('shared (default key policy)'), metadataPayload('key policy', await keyPolicyOf('shared'))],
        });
        await decrypt('bob-default-no-iam', 'bob', BOB_ARN, 'shared', 'Why Bob could not decrypt with alias/shared');
        setIam(BOB_ARN, [allow('BobDecryptsAnyKey', ['kms:Decrypt'], ALL_KEYS)]);
        net.note(ACTORS.alice, 'attaches an IAM policy to Bob: Allow kms:Decrypt on every key in the account', { carries: [metadataPayload('IAM policy', 'BobDecryptsAnyKey')] });
        await decrypt('bob-default-with-iam', 'bob', BOB_ARN, 'shared', 'Why Bob can decrypt with alias/shared now');
      },
      async 'console-policy'() {
        net.note(ACTORS.kms, 'alias/payroll has the console\'s key policy: Kim is a key administrator, the role report-app a key user', {
          carries: [heldKeyPayload('payroll (console key policy)'), metadataPayload('key policy', await keyPolicyOf('payroll'))],
        });
        await attempt('kim-administers', 'kim', KIM_ARN, 'EnableKeyRotation', { KeyId: state.keys.payroll }, 'Kim turns on rotation of alias/payroll');
        await decrypt('kim-decrypts', 'kim', KIM_ARN, 'payroll', 'Why Kim, a key administrator, could not decrypt');
        await decrypt('app-decrypts', 'app', APP_ARN, 'payroll', 'The key user report-app decrypts');
        await attempt('app-deletes', 'app', APP_ARN, 'ScheduleKeyDeletion', { KeyId: state.keys.payroll, PendingWindowInDays: 7 }, 'Why report-app, a key user, could not schedule deletion');
      },
      async 'no-delegation'() {
        net.note(ACTORS.kms, 'alias/vault has a key policy that names Alice and nobody else: no statement for the account root', {
          carries: [heldKeyPayload('vault (does not delegate to IAM)'), metadataPayload('key policy', await keyPolicyOf('vault'))],
        });
        await decrypt('bob-vault-before', 'bob', BOB_ARN, 'vault', 'Why Bob, with kms:Decrypt in IAM, could not decrypt with alias/vault');
      },
      async 'fix-vault'(event) {
        const fix = validVaultFix(typeof event.fix === 'string' ? event.fix : undefined);
        net.note(ACTORS.alice, `changes one thing: ${VAULT_FIXES[fix]}`);
        const current = JSON.parse(await keyPolicyOf('vault')) as { Statement: object[] };
        const add = (statement: object) => putPolicy('vault', JSON.stringify({ ...current, Statement: [...current.Statement, statement] }, null, 2));
        if (fix === 'bob-in-key-policy') await add({ Sid: 'BobDecrypts', Effect: 'Allow', Principal: { AWS: BOB_ARN }, Action: 'kms:Decrypt', Resource: '*' });
        if (fix === 'enable-iam') await add({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: rootArn(ACCOUNT) }, Action: 'kms:*', Resource: '*' });
        if (fix === 'bob-encrypt') await add({ Sid: 'BobEncrypts', Effect: 'Allow', Principal: { AWS: BOB_ARN }, Action: 'kms:Encrypt', Resource: '*' });
        if (fix === 'more-iam') setIam(BOB_ARN, [...world.identityPolicies(BOB_ARN), allow('BobUsesEveryKey', ['kms:*'], ALL_KEYS)]);
        await decrypt(`bob-vault-after-${fix}`, 'bob', BOB_ARN, 'vault', `Bob decrypts with alias/vault after: ${VAULT_FIXES[fix]}`);
      },
      async 'cross-account-and-deny'() {
        const shared = state.keys.shared;
        setIam(DANA_ARN, [allow('DanaDecryptsExampleCorpKey', ['kms:Decrypt'], shared)]);
        net.note(ACTORS.partner, 'Dana\'s own account gives her IAM permission: kms:Decrypt on Example Corp\'s key ARN');
        await decrypt('dana-iam-only', 'partner', DANA_ARN, 'shared', 'Why Dana (another account) could not decrypt with IAM permission alone');
        const defaults = JSON.parse(await keyPolicyOf('shared')) as { Statement: object[] };
        const partnerStatement = { Sid: 'PartnerMayDecrypt', Effect: 'Allow', Principal: { AWS: rootArn(PARTNER_ACCOUNT) }, Action: 'kms:Decrypt', Resource: '*' };
        await putPolicy('shared', JSON.stringify({ ...defaults, Statement: [...defaults.Statement, partnerStatement] }, null, 2));
        setIam(DANA_ARN, []);
        net.note(ACTORS.alice, 'adds to the key policy: Allow account 444455556666 kms:Decrypt. Partner Ltd removes Dana\'s IAM policy the same minute');
        await decrypt('dana-key-policy-only', 'partner', DANA_ARN, 'shared', 'Why Dana could not decrypt with the key policy alone');
        setIam(DANA_ARN, [allow('DanaDecryptsExampleCorpKey', ['kms:Decrypt'], shared)]);
        net.note(ACTORS.partner, 'gives Dana her IAM permission back');
        await decrypt('dana-both', 'partner', DANA_ARN, 'shared', 'Dana decrypts when both accounts allow');
        const denyBob = { Sid: 'NeverBob', Effect: 'Deny', Principal: { AWS: BOB_ARN }, Action: 'kms:Decrypt', Resource: '*' };
        await putPolicy('shared', JSON.stringify({ ...defaults, Statement: [...defaults.Statement, partnerStatement, denyBob] }, null, 2));
        net.note(ACTORS.alice, 'adds a Deny statement for Bob to alias/shared\'s key policy; Bob\'s IAM policy still allows kms:Decrypt');
        await decrypt('bob-explicit-deny', 'bob', BOB_ARN, 'shared', 'Why Bob could not decrypt despite an Allow');
      },
      async grant() {
        const granted = await quietly('CreateGrant', { KeyId: state.keys.vault, GranteePrincipal: CAROL_ARN, RetiringPrincipal: CAROL_ARN, Operations: ['Decrypt'] });
        net.note(ACTORS.alice, 'creates a grant on alias/vault: grantee Carol, operation Decrypt, retiring principal Carol. Carol has no IAM policy and no key policy statement', {
          carries: [metadataPayload('GrantId', String(granted.GrantId))],
        });
        await decrypt('carol-with-grant', 'carol', CAROL_ARN, 'vault', 'Carol decrypts with a grant');
        // RetireGrant is authorized by the grant itself (Carol is its retiring principal), not by a policy decision.
        const retired = await drawn('carol', CAROL_ARN, 'RetireGrant', { KeyId: state.keys.vault, GrantId: granted.GrantId });
        state.grantRetired = retired.ok;
        await decrypt('carol-after-retire', 'carol', CAROL_ARN, 'vault', 'Why Carol could not decrypt once the grant was retired');
      },
      async 'conditions-puzzle'() {
        await putPolicy('reports', reportsPolicy(BROKEN_CONDITION_STATEMENT).policy!);
        net.note(ACTORS.kms, 'alias/reports names Alice, and report-app with two conditions: kms:ViaService and kms:EncryptionContext:department', {
          carries: [heldKeyPayload('reports'), metadataPayload('statement for report-app', BROKEN_CONDITION_STATEMENT)],
        });
        await decrypt('app-reports-via-s3-before', 'app', APP_ARN, 'reports', 'Why report-app could not read the report through S3', { context: REPORT_CONTEXT, viaService: 's3' });
      },
      async 'fix-conditions'(event) {
        const text = typeof event.statement === 'string' ? event.statement : '';
        const { policy, problems } = reportsPolicy(text);
        state.statementProblems = problems;
        if (!policy) {
          net.note(ACTORS.alice, `cannot store that statement: ${problems.join(' ')}`, { tone: 'warning' });
          return;
        }
        const stored = await putPolicy('reports', policy).then(() => true, (error: Error) => {
          state.statementProblems = [error.message];
          return false;
        });
        if (!stored) {
          net.note(ACTORS.kms, `PutKeyPolicy refused the policy: ${state.statementProblems.join(' ')}`, { tone: 'danger' });
          return;
        }
        net.note(ACTORS.alice, 'stores the key policy with your statement', { carries: [metadataPayload('statement for report-app', text)] });
        await decrypt('app-reports-via-s3-after', 'app', APP_ARN, 'reports', 'report-app reads the report through S3', { context: REPORT_CONTEXT, viaService: 's3' });
        await decrypt('app-reports-direct-after', 'app', APP_ARN, 'reports', 'report-app calls KMS itself, not through S3', { context: REPORT_CONTEXT });
      },
      async 'evaluation-order'() {
        // The lesson's puzzles, grouped by the path the engine took: the order in which KMS evaluates.
        const order: [string, (a: Attempt) => boolean][] = [
          ['1. an explicit Deny anywhere refuses', (a) => a.decision === 'ExplicitDeny'],
          ['2. the key policy allows the principal', (a) => a.path === 'key-policy-allows-principal'],
          ['3. the key policy delegates and IAM allows', (a) => a.path === 'key-policy-and-iam-allow'],
          ['4. a grant allows', (a) => a.path === 'grant-allows'],
          ['5. otherwise: implicit deny', (a) => a.decision === 'ImplicitDeny'],
        ];
        for (const [rule, matches] of order) {
          const seen = state.attempts.filter(matches).map((a) => `${short(a.by)} ${a.operation}`);
          net.note(ACTORS.kms, `${rule}: ${seen.length ? seen.join('; ') : 'none in this lesson'}`, { tone: rule.startsWith('1') || rule.startsWith('5') ? 'danger' : 'success' });
        }
        state.summarized = true;
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'key-policies-and-iam'),
    };
  },

  actions: {
    'fix-vault': {
      label: 'Change it and let Bob try again',
      description: 'Alice makes one change; then Bob calls Decrypt with alias/vault again and KMS decides.',
      fields: [
        {
          name: 'fix',
          label: 'What to change',
          kind: 'select',
          default: 'more-iam',
          options: (Object.keys(VAULT_FIXES) as VaultFix[]).map((value) => ({ value, label: VAULT_FIXES[value] })),
        },
      ],
      toEvent: (input) => ({ type: 'fix-vault', fix: validVaultFix(input.fix) }),
    },
    'edit-statement': {
      label: 'Store the key policy and retry',
      description: 'Your statement joins Alice\'s in the key policy of alias/reports (checked with validatePolicy first); then report-app reads the report through S3, and calls KMS directly once.',
      fields: [{ name: 'statement', label: 'Key policy statement for report-app (JSON)', kind: 'text', default: BROKEN_CONDITION_STATEMENT, maxLength: MAX_STATEMENT_CHARS }],
      // Refusing here shows the learner validatePolicy's errors and leaves the world untouched.
      toEvent: (input) => ({ type: 'fix-conditions', statement: validStatement(input.statement) }),
    },
  },

  checks: {
    iamCountsWithDefaultPolicy: {
      description: 'Bob is denied with no IAM policy, then allowed once IAM allows kms:Decrypt (the default key policy delegates to IAM)',
      test: (state) => found(state, 'bob-default-no-iam', 'ImplicitDeny') && found(state, 'bob-default-with-iam', 'Allow'),
    },
    rolesAreSeparated: {
      description: 'The key administrator cannot decrypt, and the key user cannot schedule deletion',
      test: (state) => found(state, 'kim-administers', 'Allow') && found(state, 'kim-decrypts', 'ImplicitDeny') && found(state, 'app-decrypts', 'Allow') && found(state, 'app-deletes', 'ImplicitDeny'),
    },
    vaultDeniesIamAlone: {
      description: 'Bob\'s IAM permission is useless on a key whose policy does not delegate to IAM',
      test: (state) => state.attempts.some((a) => a.name === 'bob-vault-before' && a.path === 'key-policy-does-not-delegate'),
    },
    vaultFixed: {
      description: 'Change the key policy so that Bob\'s Decrypt with alias/vault is allowed',
      test: (state) => state.attempts.some((a) => a.name.startsWith('bob-vault-after-') && a.decision === 'Allow'),
    },
    bothAccountsAndDenyWins: {
      description: 'Another account needs both the key policy and its own IAM; an explicit deny beats every allow',
      test: (state) => found(state, 'dana-iam-only', 'ImplicitDeny') && found(state, 'dana-key-policy-only', 'ImplicitDeny') && found(state, 'dana-both', 'Allow') && found(state, 'bob-explicit-deny', 'ExplicitDeny'),
    },
    grantUntilRetired: {
      description: 'Carol decrypts with a grant and no policy, until she retires the grant',
      test: (state) => state.attempts.some((a) => a.name === 'carol-with-grant' && a.path === 'grant-allows') && state.grantRetired && found(state, 'carol-after-retire', 'ImplicitDeny'),
    },
    conditionsFixed: {
      description: 'Fix the statement: report-app reads the report through S3 with context department=hr, and is still refused when it calls KMS directly',
      test: (state) => {
        const via = state.attempts.filter((a) => a.name === 'app-reports-via-s3-after');
        const direct = state.attempts.filter((a) => a.name === 'app-reports-direct-after');
        return via.some((a, i) => a.decision === 'Allow' && direct[i]?.decision === 'ImplicitDeny');
      },
    },
    decisionsSummarized: {
      description: 'Every decision of the lesson, grouped by the rule of the evaluation order that made it',
      test: (state) => state.summarized && state.attempts.length > 0,
    },
  },

  decisions: (state) => state.decisions,

  holdings(state) {
    const iam = (arn: string) => metadataPayload('IAM policies', state.iam[arn]?.length ? state.iam[arn].join(', ') : 'none');
    return {
      kms: Object.keys(state.keys).map((k) => heldKeyPayload(`alias/${k}`)),
      bob: [iam(BOB_ARN)],
      kim: [iam(KIM_ARN)],
      carol: [iam(CAROL_ARN)],
      partner: [metadataPayload('account', PARTNER_ACCOUNT), iam(DANA_ARN)],
    };
  },

  notSimulated: [
    'IAM itself: identity policies are attached directly here; there are no IAM groups, permission boundaries, session policies or service control policies (SCPs), which AWS also evaluates.',
    'Alice\'s setup calls (creating keys, aliases and grants, storing policies) are made without drawing them; every decision the lesson asks about is drawn and opened in the decision view.',
    'S3 is drawn only as the service that calls KMS for report-app (kms:ViaService); the object read itself is not simulated in this lesson.',
    'Eventual consistency: in AWS a new key policy or grant can take a few seconds (a grant up to five minutes) to take effect everywhere; here it applies at once.',
  ],
});

function found(state: KeyPoliciesState, name: string, decision: Decision): boolean {
  return state.attempts.some((a) => a.name === name && a.decision === decision);
}
