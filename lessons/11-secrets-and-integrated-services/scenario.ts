/**
 * Secrets and integrated services. A database password moves from the code (where every copy of
 * the repository leaks it) into an environment variable as a KMS ciphertext that the app decrypts
 * at start-up (as a role that may, and as one that may not), then into SSM Parameter Store as a
 * SecureString; then S3, EBS, RDS and Redshift each show which key they use and which KMS calls
 * they make, for whom.
 *
 * Who decides what: the terminal's lines run for real (shell, `aws kms` and `aws ssm`, KMS); the
 * app's start-up and the scripted reads call the real KMS and Parameter Store; the services are the
 * models of src/sim/services and src/sim/storage. Every drawn call, every outcome and every check
 * is read back from what happened (CloudTrail records, the files the lines wrote, the parameters
 * stored), never from the words typed, so any correct command line completes a step.
 */
import type { CloudTrailEvent, RecordedDecision } from '../../src/kms/index';
import { parseBlob } from '../../src/kms/crypto/ciphertext-blob';
import { terminalAction, terminalLineOf, TERMINAL_EVENT } from '../../src/lessons/terminal';
import { defineScenario, type ScenarioDecision, type ScenarioTerminalSpec } from '../../src/lessons/types';
import { achievedChecks } from '../../src/lessons/achieved-checks';
import { dispatchByType, type ScenarioEventHandlers } from '../../src/lessons/dispatch-by-type';
import { auditLogPanels } from '../../src/lessons/panels/audit-log-panel';
import type { Payload } from '../../src/sim/core/events';
import { metadataPayload } from '../../src/sim/network/payloads';
import type { ParameterKmsCall, ParameterRequest, ParameterSummary } from '../../src/sim/parameters/index';
import { ACTORS, buildWorld, REGION, RUN_AS, sourceIpOf, type LessonWorld, type RunAs } from './world';

export { ACCOUNT, REGION, RUN_AS, APP_SESSION, BATCH_SESSION } from './world';

/** The database password of the story, and the files the learner starts with. */
export const DB_PASSWORD = 's3cr3t-Payroll-2026';
export const APP_CODE = [
  '# payroll/app.py: connects to the payroll database at start-up',
  'import psycopg',
  '',
  'DB_HOST = "payroll.cluster-c9x2.eu-west-2.rds.amazonaws.com"',
  'DB_USER = "payroll_app"',
  `DB_PASSWORD = "${DB_PASSWORD}"   # TODO: move out of the code`,
  '',
  'db = psycopg.connect(host=DB_HOST, user=DB_USER, password=DB_PASSWORD)',
  '',
].join('\n');
/** The app reads this file at start-up (its environment, as systemd's EnvironmentFile= or a container's --env-file). */
export const ENV_FILE = 'app.env';
export const PARAMETER_NAME = '/payroll/db-password';
/** A second parameter the operations team stores with the default key, in step "ssm-calls-kms-for-you". */
export const TOKEN_PARAMETER = '/payroll/api-token';

export const TERMINAL: ScenarioTerminalSpec = {
  // No newline after the password: `--value file://db-password.txt` stores exactly these bytes.
  files: { 'app.py': APP_CODE, 'db-password.txt': DB_PASSWORD },
  chips: ['cat app.py', 'ls -l'],
};

/** Where a password written in code ends up (step "password-in-code"). */
export const LEAKS = [
  'the Git history, for good: deleting the line later leaves it in every earlier commit',
  'every clone: each developer\'s laptop, forks, the CI runner\'s checkout',
  'build artifacts and container images built from the repository',
  'backups and mirrors of the repository host',
  'code review tools, chat snippets and search indexes that show the file',
] as const;

export type ServiceName = 's3' | 'ebs' | 'rds' | 'redshift';

/** One KMS call an integrated service made, read from its CloudTrail record. */
export interface ServiceCallView {
  operation: string;
  /** 'caller': for the principal, through the service (invokedBy); 'service': the service itself, under its grant. */
  by: 'caller' | 'service';
  invokedBy?: string;
  contextKeys: string[];
  errorCode?: string;
}

export interface ServiceRun {
  /** The key as KMS lists it: its alias and whether AWS or the customer manages it. */
  keyAlias: string;
  keyManager: 'AWS' | 'CUSTOMER';
  calls: ServiceCallView[];
}

export interface AppStart {
  as: RunAs;
  ok: boolean;
  /** Why it did not start: KMS's exception, or 'NoCiphertext' when app.env holds none. */
  errorCode?: string;
  message?: string;
  eventId?: string;
}

export interface SsmRead {
  as: RunAs;
  name: string;
  /** The key the parameter is encrypted with, as stored (alias/aws/ssm by default). */
  keyId: string;
  ok: boolean;
  errorCode?: string;
  eventId?: string;
}

export type FileKind = 'password' | 'ciphertext' | 'other';

export interface SecretsState {
  keyArn: string;
  leaksShown: boolean;
  files: { name: string; kind: FileKind; bytes: number }[];
  starts: AppStart[];
  parameters: ParameterSummary[];
  /** Every KMS call Parameter Store made, oldest first. */
  ssmCalls: ParameterKmsCall[];
  ssmReads: SsmRead[];
  services: Partial<Record<ServiceName, ServiceRun>>;
  /** The AWS managed keys that exist so far (alias/aws/…). */
  awsManagedAliases: string[];
  /** KMS's refusals worth opening in the decision view, as the engine recorded them. */
  decisions: ScenarioDecision[];
  /** KMS's CloudTrail log so far (the engine's own, live), shown in the audit-log panel. */
  trail: readonly CloudTrailEvent[];
  decisionsOf(eventID: string): RecordedDecision[];
  achieved: {
    /** app.env holds a NAME=<base64 KMS ciphertext> line written by a line whose Encrypt succeeded. */
    passwordInEnvFile: boolean;
    /** The app started as AppServer, and BatchJob's start was refused by KMS. */
    startedAndRefused: boolean;
    /** A SecureString was stored and read back decrypted through Parameter Store. */
    secureStringReadBack: boolean;
  };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/** A base64 value that decodes to a KMS ciphertext blob. */
function ciphertextOf(text: string): Uint8Array | undefined {
  const compact = text.trim();
  if (!BASE64.test(compact) || compact.length % 4 !== 0) return undefined;
  const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
  return parseBlob(bytes) ? bytes : undefined;
}

/** The first NAME=value line of an env file whose value is a KMS ciphertext, in base64. */
export function envCiphertext(text: string): { name: string; blob: Uint8Array } | undefined {
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=["']?([A-Za-z0-9+/=]+)["']?\s*$/.exec(line);
    const blob = match ? ciphertextOf(match[2]) : undefined;
    if (match && blob) return { name: match[1], blob };
  }
  return undefined;
}

function kindOf(bytes: Uint8Array): FileKind {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return parseBlob(bytes) ? 'ciphertext' : 'other';
  }
  if (text.includes(DB_PASSWORD)) return 'password';
  if (envCiphertext(text) || ciphertextOf(text)) return 'ciphertext';
  return 'other';
}

const contextText = (context: Record<string, unknown> | undefined) => Object.entries(context ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ');

export default defineScenario<SecretsState>({
  terminal: TERMINAL,
  async create(ctx) {
    const w: LessonWorld = await buildWorld(ctx, TERMINAL.files as Record<string, string>);
    const { kms, store, terminal } = w;
    const { stream } = ctx;
    const fs = terminal.shell.fs;
    const [tutorial] = kms.aliases({ region: REGION }).filter((a) => a.aliasName === 'alias/tutorial');
    const keyArn = String(kms.keys({ region: REGION }).find((k) => k.metadata.KeyId === tutorial.targetKeyId)!.metadata.Arn);

    const state: SecretsState = {
      keyArn,
      leaksShown: false,
      files: [],
      starts: [],
      parameters: [],
      ssmCalls: w.parameterCalls,
      ssmReads: [],
      services: {},
      awsManagedAliases: [],
      decisions: [],
      trail: kms.audit.events,
      decisionsOf: (id) => kms.audit.decisionsOf(id),
      achieved: { passwordInEnvFile: false, startedAndRefused: false, secureStringReadBack: false },
    };

    const homeFiles = (): Map<string, Uint8Array> => new Map(fs.readdir(fs.home).filter((name) => !fs.isDirectory(`${fs.home}/${name}`)).map((name) => [name, fs.readFile(`${fs.home}/${name}`)]));
    /** Keeps the engine's own record of a refused call for the decision view. */
    const explain = (eventId: string | undefined, label: string) => {
      const decision = eventId ? kms.audit.decisionOf(eventId) : undefined;
      if (eventId && decision) state.decisions.push({ id: eventId, label, decision });
    };
    const sync = () => {
      state.files = [...homeFiles()].map(([name, bytes]) => ({ name, kind: kindOf(bytes), bytes: bytes.length }));
      state.parameters = store.list();
      state.awsManagedAliases = kms.aliases({ region: REGION }).map((a) => a.aliasName).filter((name) => name.startsWith('alias/aws/')).sort();
    };
    sync();

    // Parameter Store's requests, drawn as they happen: the request, the KMS calls inside it, the answer.
    let drawingSsm = false;
    const onRequest = (request: ParameterRequest) => {
      if (!drawingSsm) return;
      const from = (Object.values(RUN_AS) as string[]).includes(request.callerArn) ? ACTORS.app : ACTORS.you;
      if (request.phase === 'start') stream.emit({ type: 'message', from, to: ACTORS.ssm, label: `ssm:${request.operation}`, carries: [metadataPayload('caller', request.callerArn.replace(/^arn:aws:(?:iam|sts)::\d{12}:/, ''))] });
      else if (request.errorCode) stream.emit({ type: 'message', from: ACTORS.ssm, to: from, label: request.errorCode, carries: [], outcome: 'rejected' });
      else stream.emit({ type: 'message', from: ACTORS.ssm, to: from, label: `${request.operation} result`, carries: [] });
    };
    w.setRequestListener(onRequest);

    /** A KMS call the terminal made directly (not through a service), from its CloudTrail record. */
    const drawDirect = (record: CloudTrailEvent) => {
      const params = record.requestParameters ?? {};
      const request: Payload[] = record.eventName === 'Encrypt'
        ? [metadataPayload('KeyId', String(params.keyId)), { kind: 'plaintext', label: 'Plaintext', preview: 'the password, inside TLS' }]
        : record.eventName === 'Decrypt' ? [{ kind: 'ciphertext', label: 'CiphertextBlob', preview: 'names its key' }] : [];
      stream.emit({ type: 'message', from: ACTORS.you, to: ACTORS.kms, label: `kms:${record.eventName}`, carries: request });
      stream.emit(record.errorCode
        ? { type: 'message', from: ACTORS.kms, to: ACTORS.you, label: record.errorCode, carries: [metadataPayload('message', record.errorMessage ?? '')], outcome: 'rejected' }
        : { type: 'message', from: ACTORS.kms, to: ACTORS.you, label: `${record.eventName} result`, carries: record.eventName === 'Encrypt' ? [{ kind: 'ciphertext', label: 'CiphertextBlob', preview: 'printed as base64' }] : [] });
    };

    /** A KMS call Parameter Store made for the caller: drawn between ssm and kms, with the context KMS logged. */
    const drawViaSsm = (record: CloudTrailEvent) => {
      const context = record.requestParameters?.encryptionContext as Record<string, unknown> | undefined;
      stream.emit({ type: 'message', from: ACTORS.ssm, to: ACTORS.kms, label: `kms:${record.eventName}`, carries: [
        metadataPayload('EncryptionContext', contextText(context)),
        metadataPayload('caller', `${record.userIdentity.arn?.replace(/^arn:aws:(?:iam|sts)::\d{12}:/, '')} via ssm.${REGION}.amazonaws.com`),
      ] });
      stream.emit(record.errorCode
        ? { type: 'message', from: ACTORS.kms, to: ACTORS.ssm, label: record.errorCode, carries: [metadataPayload('message', record.errorMessage ?? '')], outcome: 'rejected' }
        : { type: 'message', from: ACTORS.kms, to: ACTORS.ssm, label: `${record.eventName} result`, carries: [] });
    };

    /** Runs something that may call Parameter Store, drawing its requests and their KMS calls in order. */
    const withSsmDrawing = async <T>(run: () => Promise<T>): Promise<T> => {
      drawingSsm = true;
      // KMS calls are drawn from CloudTrail as they are recorded, so they appear inside their request.
      const unsubscribe = kms.audit.subscribe((record) => {
        if (record.eventType !== 'AwsApiCall') return;
        if (record.userIdentity.invokedBy === 'ssm.amazonaws.com') drawViaSsm(record);
        else if (!record.userIdentity.invokedBy) drawDirect(record);
      });
      try {
        return await run();
      } finally {
        drawingSsm = false;
        unsubscribe();
      }
    };

    const runLine = async (line: string) => {
      const before = homeFiles();
      const auditFrom = kms.audit.events.length;
      const ssmFrom = w.parameterCalls.length;
      stream.emit({ type: 'note', actor: ACTORS.you, text: `$ ${line.length > 120 ? `${line.slice(0, 118)}…` : line}`, tone: 'info' });
      const ran = await withSsmDrawing(() => terminal.run(line));
      const printed = (ran.stdout + ran.stderr).trim();
      if (printed !== '') stream.emit({ type: 'note', actor: ACTORS.you, text: `exit status ${ran.exitCode}`, tone: ran.exitCode === 0 ? 'success' : 'warning', carries: [{ kind: 'metadata', label: 'printed', preview: printed.length > 600 ? `${printed.slice(0, 600)}…` : printed }] });
      const records = kms.audit.events.slice(auditFrom).filter((e) => e.eventType === 'AwsApiCall');
      const after = homeFiles();
      const written = [...after].filter(([name, bytes]) => before.get(name)?.join(',') !== bytes.join(','));
      const encrypted = records.some((r) => r.eventName === 'Encrypt' && !r.errorCode && !r.userIdentity.invokedBy);
      const env = after.get(ENV_FILE);
      if (encrypted && written.some(([name]) => name === ENV_FILE) && env && envCiphertext(new TextDecoder().decode(env))) state.achieved.passwordInEnvFile = true;
      const ssmDecrypted = w.parameterCalls.slice(ssmFrom).some((c) => c.operation === 'Decrypt' && !c.errorCode);
      if (ssmDecrypted && ran.exitCode === 0 && store.list().some((p) => p.type === 'SecureString')) state.achieved.secureStringReadBack = true;
      sync();
    };

    /** The app's start-up: read app.env, Decrypt the password as the app's role (no service in between), connect. */
    const startApp = async (as: RunAs) => {
      const caller = w.caller(RUN_AS[as]);
      stream.emit({ type: 'note', actor: ACTORS.app, text: `starts as ${RUN_AS[as].replace(/^arn:aws:sts::\d{12}:/, '')} and reads ${ENV_FILE}`, tone: 'info' });
      const env = fs.exists(`${fs.home}/${ENV_FILE}`) ? envCiphertext(new TextDecoder().decode(fs.readFile(`${fs.home}/${ENV_FILE}`))) : undefined;
      if (!env) {
        stream.emit({ type: 'note', actor: ACTORS.app, text: `${ENV_FILE} holds no encrypted password (a NAME=<base64 ciphertext> line), so there is nothing to decrypt: the app stops`, tone: 'danger' });
        state.starts.push({ as, ok: false, errorCode: 'NoCiphertext' });
        return;
      }
      const before = kms.audit.events.length;
      stream.emit({ type: 'message', from: ACTORS.app, to: ACTORS.kms, label: 'kms:Decrypt', carries: [{ kind: 'ciphertext', label: env.name, preview: 'from the environment' }, metadataPayload('caller', RUN_AS[as].replace(/^arn:aws:sts::\d{12}:/, ''))] });
      try {
        const output = await kms.call('Decrypt', { CiphertextBlob: env.blob }, { caller, region: REGION, sourceIp: sourceIpOf(RUN_AS[as]), userAgent: 'payroll-app/1.4 aws-sdk-python' });
        const plaintext = output.Plaintext as Uint8Array;
        const eventId = kms.audit.events[before]?.eventID;
        stream.emit({ type: 'message', from: ACTORS.kms, to: ACTORS.app, label: 'Decrypt result', carries: [{ kind: 'plaintext', label: 'Plaintext', preview: 'the password, into memory only' }] });
        stream.emit({ type: 'note', actor: ACTORS.app, text: 'connects to the database with the password, which lives only in memory: never on disk, never in a log', tone: 'success' });
        plaintext.fill(0);
        state.starts.push({ as, ok: true, ...(eventId ? { eventId } : {}) });
      } catch (error) {
        const { code, message } = error as { code: string; message: string };
        const eventId = kms.audit.events[before]?.eventID;
        stream.emit({ type: 'message', from: ACTORS.kms, to: ACTORS.app, label: code, carries: [metadataPayload('message', message)], outcome: 'rejected' });
        stream.emit({ type: 'note', actor: ACTORS.app, text: `cannot read its database password, so it exits at start-up (${code})`, tone: 'danger' });
        state.starts.push({ as, ok: false, errorCode: code, message, ...(eventId ? { eventId } : {}) });
        explain(eventId, `Why the app could not decrypt its password as ${as}`);
      }
      const started = state.starts.some((s) => s.as === 'AppServer' && s.ok);
      const refused = state.starts.some((s) => s.as === 'BatchJob' && s.errorCode === 'AccessDeniedException');
      if (started && refused) state.achieved.startedAndRefused = true;
    };

    /** The operations team stores a token with the default key; then BatchJob reads it and the learner's parameter. */
    const ssmDemo = async () => {
      const alice = w.world.caller();
      await withSsmDrawing(() => store.call('PutParameter', { Name: TOKEN_PARAMETER, Value: 'tok_live_51Hx2a', Type: 'SecureString' }, { caller: alice }).catch(() => undefined));
      const learners = store.list().filter((p) => p.type === 'SecureString' && p.name !== TOKEN_PARAMETER);
      for (const name of [TOKEN_PARAMETER, ...learners.map((p) => p.name)]) {
        for (const as of ['BatchJob'] as const) {
          const before = kms.audit.events.length;
          const keyId = store.list().find((p) => p.name === name)?.keyId ?? 'alias/aws/ssm';
          try {
            await withSsmDrawing(() => store.call('GetParameter', { Name: name, WithDecryption: true }, { caller: w.caller(RUN_AS[as]) }));
            state.ssmReads.push({ as, name, keyId, ok: true });
          } catch (error) {
            const eventId = kms.audit.events.slice(before).find((e) => e.errorCode)?.eventID;
            state.ssmReads.push({ as, name, keyId, ok: false, errorCode: (error as { code: string }).code, ...(eventId ? { eventId } : {}) });
            explain(eventId, `Why ${as} could not read ${name} with --with-decryption`);
          }
        }
      }
    };

    /** One integrated service's short scenario: what it calls KMS for, read back from CloudTrail. */
    const runService = async (service: ServiceName) => {
      const alice = w.world.caller();
      const before = kms.audit.events.length;
      let keyRef: string;
      switch (service) {
        case 's3': {
          w.s3.createBucket('payroll-exports', { algorithm: 'aws:kms' });
          keyRef = 'alias/aws/s3';
          const body = new TextEncoder().encode('employee,net_pay\nE-1001,2875.40\n');
          await w.s3.putObject({ bucket: 'payroll-exports', key: '2026-11/pay-run.csv', caller: alice, body, contents: 'pay run' });
          await w.s3.getObject({ bucket: 'payroll-exports', key: '2026-11/pay-run.csv', caller: alice, contents: 'pay run' });
          break;
        }
        case 'ebs':
          keyRef = 'alias/tutorial';
          await w.ebs.createVolume({ caller: alice, volumeId: 'vol-0payroll1234567', keyId: keyRef });
          await w.ebs.attachVolume({ caller: alice, volumeId: 'vol-0payroll1234567', instanceId: 'i-0a1b2c3d4e5f67890' });
          break;
        case 'rds':
          keyRef = 'alias/aws/rds';
          await w.rds.createDbInstance({ caller: alice, dbInstanceId: 'payroll-db', resourceId: 'db-PAYROLL7Q2XKZ4M3NWY' });
          await w.rds.startDbInstance('payroll-db');
          break;
        case 'redshift':
          keyRef = 'alias/tutorial';
          await w.redshift.createCluster({ caller: alice, clusterId: 'payroll-analytics', keyId: keyRef, createTime: new Date(kms.clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '') });
          break;
      }
      const key = kms.keys({ region: REGION }).find((k) => k.aliases.includes(keyRef));
      state.services[service] = {
        keyAlias: keyRef,
        keyManager: key?.metadata.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER',
        calls: kms.audit.events.slice(before).filter((e) => e.eventType === 'AwsApiCall').map((e) => ({
          operation: e.eventName,
          by: e.userIdentity.type === 'AWSService' ? 'service' : 'caller',
          ...(e.userIdentity.invokedBy ? { invokedBy: e.userIdentity.invokedBy } : {}),
          contextKeys: Object.keys((e.requestParameters?.encryptionContext as Record<string, string> | undefined) ?? {}),
          ...(e.errorCode ? { errorCode: e.errorCode } : {}),
        })),
      };
    };

    const leakTour = () => {
      stream.emit({ type: 'message', from: ACTORS.you, to: ACTORS.rest, label: 'git push (app.py)', carries: [{ kind: 'plaintext', label: 'DB_PASSWORD', preview: DB_PASSWORD }] });
      for (const leak of LEAKS) stream.emit({ type: 'note', actor: ACTORS.rest, text: `the password is now in ${leak}`, tone: 'danger' });
      stream.emit({ type: 'note', actor: ACTORS.kms, text: 'records nothing: the password never went through KMS, so no audit log says who read it, and changing it means a new commit and a redeploy everywhere', tone: 'warning' });
      state.leaksShown = true;
    };

    const handlers: ScenarioEventHandlers = {
      async [TERMINAL_EVENT](event) {
        await runLine(terminalLineOf(event));
      },
      async 'leak-tour'() {
        leakTour();
      },
      async 'start-app'(event) {
        const as = event.as;
        if (as !== 'AppServer' && as !== 'BatchJob') throw new Error('Choose the role the app runs as: AppServer or BatchJob.');
        await startApp(as);
        sync();
      },
      async 'ssm-demo'() {
        await ssmDemo();
        sync();
      },
      async service(event) {
        const service = event.service;
        if (service !== 's3' && service !== 'ebs' && service !== 'rds' && service !== 'redshift') throw new Error(`unknown service "${String(service)}"`);
        await runService(service);
        sync();
      },
    };

    return {
      state,
      terminal,
      dispatch: dispatchByType(handlers),
    };
  },

  actions: {
    terminal: terminalAction(),
    'start-app': {
      label: 'Start the app',
      description: 'The payroll app starts on an EC2 instance, reads app.env and asks KMS to decrypt the password.',
      fields: [{
        name: 'as', label: 'Run the app as', kind: 'select', default: 'AppServer',
        options: [
          { value: 'AppServer', label: 'AppServer role (may use the account\'s keys)' },
          { value: 'BatchJob', label: 'BatchJob role (no kms:Decrypt)' },
        ],
      }],
      toEvent: (input) => {
        if (input.as !== 'AppServer' && input.as !== 'BatchJob') throw new Error('Choose the role the app runs as: AppServer or BatchJob.');
        return { type: 'start-app', as: input.as };
      },
    },
  },

  checks: achievedChecks({
    passwordInEnvFile: `Encrypt db-password.txt with alias/tutorial and write it into ${ENV_FILE} as NAME=<base64 ciphertext>`,
    startedAndRefused: 'Start the app as AppServer (it decrypts the password), then as BatchJob (KMS refuses)',
    secureStringReadBack: 'Store the password as a SecureString parameter, then read it back with --with-decryption',
  }),

  panels: auditLogPanels({ title: 'CloudTrail event history: what KMS recorded' }),

  holdings(state) {
    const fileKind = { password: 'plaintext', ciphertext: 'ciphertext', other: 'metadata' } as const;
    const lastStart = state.starts.at(-1);
    const held: Record<string, Payload[]> = {
      [ACTORS.you]: state.files.map((f) => ({ kind: fileKind[f.kind], label: f.name, preview: f.kind === 'password' ? 'the password in plaintext' : f.kind === 'ciphertext' ? 'a KMS ciphertext (base64)' : `${f.bytes} bytes` })),
      [ACTORS.app]: lastStart?.ok ? [{ kind: 'plaintext', label: 'DB password', preview: 'in memory only, after Decrypt' }] : lastStart ? [metadataPayload('not running', lastStart.errorCode ?? '')] : [],
      [ACTORS.rest]: state.leaksShown ? [{ kind: 'plaintext', label: 'app.py in Git', preview: 'DB_PASSWORD in plaintext, in every commit and clone' }] : [],
      [ACTORS.ssm]: state.parameters.map((p) => ({ kind: p.type === 'SecureString' ? 'ciphertext' : 'plaintext', label: p.name, preview: p.type === 'SecureString' ? `SecureString (${p.tier}), ${p.keyId}` : p.type })),
      [ACTORS.kms]: [
        { kind: 'key', label: 'alias/tutorial (customer managed)', preview: 'its policy delegates to IAM' },
        ...state.awsManagedAliases.map((alias): Payload => ({ kind: 'key', label: `${alias.slice('alias/'.length)} (AWS managed)`, preview: 'usable only through its service' })),
      ],
    };
    if (state.services.s3) held[ACTORS.s3] = [{ kind: 'encrypted-key', label: 'pay-run.csv data key', preview: 'encrypted under aws/s3, beside the object' }];
    if (state.services.ebs) held[ACTORS.ec2] = [{ kind: 'encrypted-key', label: 'vol-0payroll… data key', preview: 'encrypted; plaintext only in the host\'s memory' }];
    const db: Payload[] = [];
    if (state.services.rds) db.push({ kind: 'encrypted-key', label: 'payroll-db data key', preview: 'encrypted under aws/rds' });
    if (state.services.redshift) db.push({ kind: 'encrypted-key', label: 'payroll-analytics CEK', preview: 'encrypted under alias/tutorial; DEK below it' });
    if (db.length) held[ACTORS.db] = db;
    return held;
  },

  decisions(state) {
    return state.decisions;
  },

  notSimulated: [
    'AWS Secrets Manager (automatic rotation with a Lambda function, cross-account secrets): the lesson names it but does not run it.',
    'SSM\'s own IAM actions (ssm:PutParameter, ssm:GetParameter …): Parameter Store here answers every principal; only KMS decides who can read a SecureString\'s value.',
    'Parameter labels, version selectors (name:3), parameter policies, Intelligent-Tiering and hierarchy limits; advanced parameters are envelope-encrypted here with KMS Lab\'s own layout rather than the AWS Encryption SDK\'s message format.',
    'The services\' own internals: S3\'s storage, the EBS volume\'s blocks and the Nitro hypervisor, the RDS database engine and Redshift\'s nodes. Only their calls to KMS are real here.',
    'EBS here uses the customer managed alias/tutorial: EBS calls KMS through EC2 (kms:ViaService ec2.<region>.amazonaws.com), and the simulated aws/ebs key\'s policy names ebs.<region> instead, so its default-key path is not shown.',
    'Lambda\'s encrypted environment variables and the console\'s "encryption helpers"; the app\'s environment is a file in the terminal\'s home directory.',
  ],
});
