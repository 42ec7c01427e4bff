/**
 * Server-side encryption at rest: a report app uploads a report to S3 over TLS; S3 encrypts it
 * with a data key from KMS (SSE-KMS) and keeps only ciphertext on its disks. The world is the
 * engine's: TLS from src/sim/tls (WebWorld, no eavesdropper this time), the object store from
 * src/sim/storage, and the simulated KMS with its access engine and CloudTrail. This file sets up
 * who is who, maps the steps' events onto the world, and names the checks.
 *
 * Who decides what: every allow or deny comes from the KMS engine (key policies, the role's IAM
 * policy as a real document, the AWS managed key's kms:ViaService condition), and KMS's note on a
 * refusal is the engine's explanation of its recorded decision; every "the thief found nothing"
 * comes from searching the copied bytes. Nothing here states an outcome it did not observe.
 *
 * Determinism: ids, request ids and delays come from the lesson's seed; keys, IVs and ciphertexts
 * come from WebCrypto, so only their bytes differ between runs (no check depends on them).
 */
import { createKms, type CloudTrailEvent, type KmsCaller, type NamedPolicy } from '../../src/kms/index';
import { defineScenario, type ScenarioDecision, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload, SimEvent } from '../../src/sim/core/events';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../../src/sim/network/payloads';
import {
  bucketHost,
  callKms,
  containsText,
  describeEncryption,
  ObjectStore,
  readableMetadata,
  recordLayout,
  S3OverHttps,
  type BucketEncryption,
  type S3Response,
} from '../../src/sim/storage';
import { SESSION_KEY_LABELS, WebWorld } from '../../src/sim/tls';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const THIEF_ACCOUNT = '444455556666';
export const REGION = 'eu-west-2';
export const BUCKET = 'example-corp-reports';
export const REPORT_KEY = 'reports/2026-q3.txt';
export const REPORT_TEXT = 'Q3 2026 board report: revenue 4.2M GBP. Acquisition of Northwind Ltd approved; announce 3 November.';
/** What the thief looks for in the copied bytes, besides the whole report and the learner's texts. */
export const THIEF_SEARCHES = ['Northwind', 'revenue'];
export const SSE_S3_KEY = 'reports/2026-q3-sse-s3.txt';
export const CUSTOMER_KEY_ALIAS = 'alias/reports-key';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/report-app`;
export const APP_SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/report-app/web-1`;
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const THIEF_ARN = `arn:aws:iam::${THIEF_ACCOUNT}:user/mallory`;
export const ROLE_KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'] as const;
export const ROLE_POLICY_NAME = 'report-app-kms';
/** AWS's managed policy of that name: every action on every resource, within the caller's own account. */
const ADMINISTRATOR_ACCESS: NamedPolicy = { name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
export const MAX_TEXT_CHARS = 500;
const ACTORS = { app: 'app', s3: 's3', kms: 'kms', disk: 'disk', thief: 'thief' } as const;

export interface S3Operation {
  kind: 'put' | 'get';
  key: string;
  ok: boolean;
  /** x-amz-server-side-encryption of the object, when the call succeeded. */
  sse?: string;
  kmsKeyArn?: string;
  error?: { status: number; code: string; message: string; kmsError?: string };
  /** Whether the role's IAM policy allowed kms:Decrypt at the time. */
  roleHadDecrypt: boolean;
}

export interface StoredSummary {
  key: string;
  sse: string;
  kmsKeyArn?: string;
  bytes: number;
}

export interface Theft {
  bytes: number;
  /** Each search over the copied bytes, and whether it found anything. */
  searches: { needle: string; found: boolean }[];
  /** What KMS answered when the thief sent a stolen encrypted data key to Decrypt ('allowed' or the exception). */
  kmsAnswer?: string;
  kmsMessage?: string;
}

export interface ServerSideEncryptionState {
  bucket: string;
  encryption: BucketEncryption;
  awsManagedKeyArn?: string;
  customerKeyArn?: string;
  /** The KMS actions the role's IAM policy allows on the customer managed key. */
  roleAllows: string[];
  operations: S3Operation[];
  learnerTexts: { key: string; text: string; stored: boolean; foundOnDisk: boolean }[];
  thefts: Theft[];
  /** The stored layout of the report, once shown: part and byte range. */
  layout?: { part: string; from: number; to: number; readable: boolean }[];
  /** CloudTrail's KMS API calls, once listed (step "audit-trail"). */
  audit?: { calls: number; viaS3: number; denied: number; deniedCallers: string[] };
  sseS3?: { kmsCallsBefore: number; kmsCallsAfter: number; uploaded: boolean; downloaded: boolean };
  disk: StoredSummary[];
  /** KMS's refusals, as the engine recorded them, for the decision view. */
  decisions: ScenarioDecision[];
  /** Every KMS API call CloudTrail holds so far (AwsApiCall events). */
  kmsApiCalls: number;
  connectionOpen: boolean;
}

const shortArn = (arn: string) => arn.replace(/^arn:aws:(?:iam|sts)::\d{12}:/, '');
/** A search term as a note quotes it: long ones (a whole report) are shortened. */
const quoted = (needle: string) => `"${needle.length > 32 ? `${needle.slice(0, 30)}…` : needle}"`;

function validText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('Type some text to upload.');
  if (text.length > MAX_TEXT_CHARS) throw new Error(`Keep the text to ${MAX_TEXT_CHARS} characters.`);
  return text;
}

/** The role's IAM policy for KMS, as a document: evaluated by the KMS access engine, shown on the diagram. */
export function rolePolicyDocument(actions: readonly string[], keyArn: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'UseReportsKey', Effect: 'Allow', Action: [...actions], Resource: keyArn }] });
}

const apiCalls = (events: readonly CloudTrailEvent[]) => events.filter((e) => e.eventType === 'AwsApiCall');

const messagesTo = (events: readonly SimEvent[], to: string, label: string) => events.filter((e) => e.type === 'message' && e.to === to && e.label === label);

export default defineScenario<ServerSideEncryptionState>({
  async create({ rng, clock, stream }) {
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });

    const web = await WebWorld.create({ rng, clock, stream, host: bucketHost(BUCKET, REGION), caName: 'Amazon Root CA 3', actors: { client: ACTORS.app, server: ACTORS.s3, ca: 'ca' } });
    // S3's certificate exists long before the story starts (lesson 1 showed how it is issued).
    await web.issueCertificate({ quietly: true });
    const store = await ObjectStore.create({ net: web.net, kms, region: REGION, accountId: ACCOUNT, actors: { service: ACTORS.s3, kms: ACTORS.kms, disk: ACTORS.disk } });
    const initialEncryption: BucketEncryption = { algorithm: 'aws:kms' };
    store.createBucket(BUCKET, initialEncryption);
    const s3 = new S3OverHttps(web, store, BUCKET, ACTORS.app);
    const net = web.net;

    const state: ServerSideEncryptionState = {
      bucket: BUCKET,
      encryption: initialEncryption,
      roleAllows: [...ROLE_KMS_ACTIONS],
      operations: [],
      learnerTexts: [],
      thefts: [],
      disk: [],
      decisions: [],
      kmsApiCalls: 0,
      connectionOpen: false,
    };

    /**
     * The app's session, with the role's IAM policies as they are at the moment of the request:
     * none in KMS until the customer managed key exists (aws/s3 needs none), then one naming it.
     */
    const app = (): KmsCaller => ({
      arn: APP_SESSION_ARN,
      type: 'AssumedRole',
      identityPolicies: state.customerKeyArn ? [{ name: ROLE_POLICY_NAME, document: rolePolicyDocument(state.roleAllows, state.customerKeyArn) }] : [],
    });
    const admin: KmsCaller = { arn: ADMIN_ARN, identityPolicies: [ADMINISTRATOR_ACCESS] };
    // The thief is an administrator too, but of its own account: IAM alone never opens another account's key.
    const thief: KmsCaller = { arn: THIEF_ARN, identityPolicies: [ADMINISTRATOR_ACCESS] };

    const sync = () => {
      state.encryption = store.bucketEncryption(BUCKET) ?? state.encryption;
      state.disk = store.disk.list().map((o) => ({ key: o.metadata.key, sse: o.metadata.serverSideEncryption, ...(o.metadata.kmsKeyArn ? { kmsKeyArn: o.metadata.kmsKeyArn } : {}), bytes: o.record.length }));
      state.kmsApiCalls = apiCalls(kms.audit.events).length;
      state.connectionOpen = web.connectionOpen;
      const awsManaged = kms.aliases({ accountId: ACCOUNT, region: REGION }).find((a) => a.aliasName === 'alias/aws/s3');
      if (awsManaged) state.awsManagedKeyArn = kms.keys({ accountId: ACCOUNT, region: REGION }).find((k) => k.metadata.KeyId === awsManaged.targetKeyId)?.metadata.Arn as string;
    };
    /** Keeps the decision the engine recorded for a refused KMS call, so the decision view can open it. */
    const explainLater = (eventId: string | undefined, label: string) => {
      const decision = eventId ? kms.audit.decisionOf(eventId) : undefined;
      if (eventId && decision) state.decisions.push({ id: eventId, label, decision });
    };
    const record = (kind: S3Operation['kind'], key: string, result: S3Response<{ ServerSideEncryption: string; SSEKMSKeyId?: string }>) => {
      if (!result.ok) explainLater(result.kmsEventId, kind === 'get' ? `Why S3 could not decrypt ${key} for report-app` : `Why S3 got no data key for ${key}`);
      state.operations.push({
        kind,
        key,
        ok: result.ok,
        roleHadDecrypt: state.roleAllows.includes('kms:Decrypt'),
        ...(result.ok
          ? { sse: result.ServerSideEncryption, ...(result.SSEKMSKeyId ? { kmsKeyArn: result.SSEKMSKeyId } : {}) }
          : { error: { status: result.status, code: result.code, message: result.message, ...(result.kmsError ? { kmsError: result.kmsError } : {}) } }),
      });
      sync();
    };
    const put = async (key: string, text: string, contents: string) => {
      const result = await s3.putObject(app(), key, text, contents);
      record('put', key, result);
      return result;
    };
    const get = async (key: string, contents: string) => {
      const result = await s3.getObject(app(), key, contents);
      record('get', key, result);
      return result;
    };

    /** The thief copies every byte on the disk and searches the copy; what it finds is what the bytes give away. */
    const copyAndSearch = (needles: string[], why: string): Theft => {
      const image = store.disk.image();
      net.send({ from: ACTORS.disk, to: ACTORS.thief, label: 'copy of the disk', carries: [bytesPayload('ciphertext', `every stored byte (${store.disk.list().length} objects)`, image, 24)], wire: image });
      const searches = needles.map((needle) => ({ needle, found: containsText(image, needle) }));
      const found = searches.filter((s) => s.found);
      net.note(
        ACTORS.thief,
        found.length > 0
          ? `${why}: finds ${found.map((s) => quoted(s.needle)).join(', ')} in the copied bytes`
          : `${why}: searches the ${image.length} copied bytes for ${searches.map((s) => quoted(s.needle)).join(', ')}: not found, the objects are ciphertext`,
        { tone: found.length > 0 ? 'danger' : 'info' },
      );
      const theft: Theft = { bytes: image.length, searches };
      state.thefts.push(theft);
      return theft;
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'upload-report'() {
        await put(REPORT_KEY, REPORT_TEXT, 'the Q3 report');
      },
      async 'show-layout'() {
        const stored = store.disk.read(BUCKET, REPORT_KEY);
        if (!stored) {
          net.note(ACTORS.disk, `holds no ${REPORT_KEY} yet: upload the report first`, { tone: 'warning' });
          return;
        }
        const layout = recordLayout(stored);
        state.layout = layout.map(({ part, from, to, readable }) => ({ part, from, to, readable }));
        const slice = (part: string) => {
          const region = layout.find((r) => r.part === part)!;
          return stored.record.subarray(region.from, region.to);
        };
        net.note(ACTORS.disk, `holds ${REPORT_KEY} as one ${stored.record.length}-byte record: ${layout.map((r) => `${r.part} (bytes ${r.from}–${r.to - 1})`).join(', ')}`, {
          carries: [
            textPayload('metadata: stored in the clear', readableMetadata(stored), 'metadata'),
            bytesPayload('encrypted-key', 'encrypted data key (KMS CiphertextBlob)', slice('encrypted data key')),
            bytesPayload('metadata', 'IV (not secret)', slice('IV')),
            bytesPayload('ciphertext', 'the report, AES-256-GCM', slice('ciphertext')),
            bytesPayload('metadata', 'authentication tag', slice('authentication tag')),
          ],
        });
        net.note(ACTORS.disk, 'holds no plaintext data key: only KMS can turn the encrypted data key back into one, and only for a caller the key\'s policies allow', { tone: 'success' });
      },
      async 'steal-disk'() {
        const theft = copyAndSearch([REPORT_TEXT, ...THIEF_SEARCHES], 'looks for the report');
        const stored = store.disk.read(BUCKET, REPORT_KEY);
        if (!stored) return;
        net.note(ACTORS.thief, 'can read what S3 keeps in the clear: bucket and object names, sizes, the KMS key ARN and the encryption context', {
          tone: 'warning',
          carries: [textPayload('stolen metadata', readableMetadata(stored), 'metadata')],
        });
        const result = await callKms({
          net,
          kms,
          from: ACTORS.thief,
          kmsActor: ACTORS.kms,
          operation: 'Decrypt',
          input: { CiphertextBlob: stored.encryptedDataKey, EncryptionContext: stored.metadata.encryptionContext ?? {} },
          context: { caller: thief, region: REGION },
          request: [bytesPayload('encrypted-key', 'stolen encrypted data key', stored.encryptedDataKey), metadataPayload('EncryptionContext', `aws:s3:arn = ${stored.metadata.encryptionContext?.['aws:s3:arn'] ?? ''}`)],
          response: (output) => [bytesPayload('key', 'Plaintext (the data key)', output.Plaintext as Uint8Array, 8)],
        });
        theft.kmsAnswer = result.ok ? 'allowed' : result.error.code;
        if (!result.ok) {
          theft.kmsMessage = result.error.message;
          explainLater(result.audit?.eventID, 'Why KMS refused the thief\'s Decrypt');
        }
        net.note(ACTORS.thief, result.ok ? 'gets the data key back from KMS' : 'holds ciphertext and an encrypted data key it cannot decrypt: the copy is useless without KMS', {
          tone: result.ok ? 'danger' : 'info',
        });
        sync();
      },
      async 'download-report'() {
        await get(REPORT_KEY, 'the Q3 report');
      },
      async 'upload-own'(event) {
        const text = typeof event.text === 'string' ? event.text.trim() : '';
        if (text === '' || text.length > MAX_TEXT_CHARS) {
          net.note(ACTORS.app, `has nothing to upload: type 1 to ${MAX_TEXT_CHARS} characters`, { tone: 'warning' });
          return;
        }
        const key = `notes/your-text-${state.learnerTexts.length + 1}.txt`;
        const result = await put(key, text, 'your text');
        const theft = copyAndSearch([text], 'copies the disk again and looks for your text');
        state.learnerTexts.push({ key, text, stored: result.ok, foundOnDisk: theft.searches[0].found });
      },
      async 'download-own'() {
        const last = state.learnerTexts.at(-1);
        if (!last) {
          net.note(ACTORS.app, 'has not uploaded any text of yours yet', { tone: 'warning' });
          return;
        }
        await get(last.key, 'your text');
      },
      async 'use-customer-managed-key'() {
        const created = await kms.call('CreateKey', { Description: `Protects the board reports in ${BUCKET}` }, { caller: admin, region: REGION });
        const metadata = created.KeyMetadata as { KeyId: string; Arn: string };
        await kms.call('CreateAlias', { AliasName: CUSTOMER_KEY_ALIAS, TargetKeyId: metadata.KeyId }, { caller: admin, region: REGION });
        state.customerKeyArn = metadata.Arn;
        net.note(ACTORS.kms, `Alice, the account's administrator, creates a customer managed key, ${CUSTOMER_KEY_ALIAS}, with the default key policy: the account's IAM policies decide who may use it`, {
          carries: [heldKeyPayload(`${CUSTOMER_KEY_ALIAS} key material`), metadataPayload('KeyManager', 'CUSTOMER'), metadataPayload('Arn', metadata.Arn)],
        });
        net.note(ACTORS.app, `role report-app gets an IAM policy that allows ${state.roleAllows.join(' and ')} on ${CUSTOMER_KEY_ALIAS}, and nothing else in KMS`, {
          carries: [textPayload('IAM policy of report-app', rolePolicyDocument(state.roleAllows, metadata.Arn), 'metadata')],
        });
        store.putBucketEncryption(BUCKET, { algorithm: 'aws:kms', kmsKeyId: metadata.Arn });
        await put(REPORT_KEY, REPORT_TEXT, 'the Q3 report');
      },
      async 'set-role-decrypt'(event) {
        const allowed = event.allowed === true;
        state.roleAllows = allowed ? [...ROLE_KMS_ACTIONS] : ROLE_KMS_ACTIONS.filter((a) => a !== 'kms:Decrypt');
        net.note(ACTORS.app, allowed ? 'role report-app: kms:Decrypt is back in its IAM policy' : 'role report-app: kms:Decrypt is removed from its IAM policy; kms:GenerateDataKey stays', {
          tone: allowed ? 'success' : 'warning',
          carries: state.customerKeyArn ? [textPayload('IAM policy of report-app', rolePolicyDocument(state.roleAllows, state.customerKeyArn), 'metadata')] : [],
        });
      },
      async 'show-audit'() {
        const calls = apiCalls(kms.audit.events);
        /** kms:ViaService as the access engine saw it in the call's request context (not in the CloudTrail record itself). */
        const viaServiceOf = (call: CloudTrailEvent) => kms.audit.decisionOf(call.eventID)?.request.context?.['kms:ViaService'];
        for (const call of calls) {
          const via = call.userIdentity.invokedBy ? ` via ${call.userIdentity.invokedBy}` : ' (direct)';
          const context = (call.requestParameters?.encryptionContext as Record<string, string> | undefined)?.['aws:s3:arn'];
          const viaService = viaServiceOf(call);
          net.note(ACTORS.kms, `CloudTrail: ${call.eventName} by ${shortArn(call.userIdentity.arn)}${via}${call.errorCode ? `: ${call.errorCode}` : ''}`, {
            tone: call.errorCode ? 'danger' : 'info',
            carries: [
              metadataPayload('userIdentity.arn', call.userIdentity.arn),
              metadataPayload('sourceIPAddress', call.sourceIPAddress),
              ...(context ? [metadataPayload('encryptionContext aws:s3:arn', context)] : []),
              ...(typeof viaService === 'string' ? [metadataPayload('request context kms:ViaService', viaService)] : []),
            ],
          });
        }
        const viaS3 = calls.filter((c) => c.userIdentity.invokedBy === 's3.amazonaws.com' && viaServiceOf(c) === store.viaService);
        const denied = calls.filter((c) => c.errorCode === 'AccessDeniedException');
        state.audit = { calls: calls.length, viaS3: viaS3.length, denied: denied.length, deniedCallers: [...new Set(denied.map((c) => c.userIdentity.arn))] };
        net.note(ACTORS.kms, `${viaS3.length} of the ${calls.length} calls were made by S3 on the role's behalf, with kms:ViaService = ${store.viaService} in the request context; ${denied.length} were denied`, { tone: 'success' });
      },
      async 'switch-to-sse-s3'() {
        const before = apiCalls(kms.audit.events).length;
        store.putBucketEncryption(BUCKET, { algorithm: 'AES256' });
        const uploaded = await put(SSE_S3_KEY, REPORT_TEXT, 'the Q3 report');
        const downloaded = await get(SSE_S3_KEY, 'the Q3 report');
        const after = apiCalls(kms.audit.events).length;
        state.sseS3 = { kmsCallsBefore: before, kmsCallsAfter: after, uploaded: uploaded.ok, downloaded: downloaded.ok };
        net.note(ACTORS.kms, after === before ? `records nothing for ${SSE_S3_KEY}: CloudTrail holds the same ${after} KMS calls as before the upload and the download` : `recorded ${after - before} call(s) for the SSE-S3 object`, {
          tone: after === before ? 'info' : 'warning',
        });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'server-side-encryption'),
    };
  },

  actions: {
    'upload-text': {
      label: 'Upload to S3',
      description: 'Type anything. The app sends it to S3 over TLS as a new object; S3 encrypts it with SSE-KMS before it reaches the disk. Then the thief copies the disk again and searches it for your text.',
      fields: [{ name: 'text', label: 'Your text', kind: 'text', default: 'My locker code is 4417', maxLength: MAX_TEXT_CHARS }],
      // Refusing here shows the learner why, and leaves the world untouched; dispatch re-checks for replays.
      toEvent: (input) => ({ type: 'upload-own', text: validText(input.text) }),
    },
    'download-own': {
      label: 'Download it again',
      description: 'The app asks S3 for the object you uploaded last.',
      toEvent: () => ({ type: 'download-own' }),
    },
    'remove-decrypt': {
      label: 'Remove kms:Decrypt from the role',
      description: 'Edit the IAM policy of report-app so that it allows kms:GenerateDataKey on reports-key, but no longer kms:Decrypt.',
      toEvent: () => ({ type: 'set-role-decrypt', allowed: false }),
    },
    'download-report': {
      label: 'Download the report',
      description: `The app asks S3 for ${REPORT_KEY}, which is encrypted under ${CUSTOMER_KEY_ALIAS}.`,
      toEvent: () => ({ type: 'download-report' }),
    },
    'restore-decrypt': {
      label: 'Give kms:Decrypt back',
      description: 'Put kms:Decrypt back into the IAM policy of report-app.',
      toEvent: () => ({ type: 'set-role-decrypt', allowed: true }),
    },
  },

  checks: {
    reportStoredEncrypted: {
      description: 'S3 stores the report as ciphertext, with a data key KMS generated for it',
      test: (state, events) =>
        state.operations.some((o) => o.kind === 'put' && o.key === REPORT_KEY && o.ok && o.sse === 'aws:kms') && messagesTo(events, 's3', 'GenerateDataKey result').length > 0,
    },
    thiefLearnsNothing: {
      description: 'A copy of the disk gives the thief neither the report nor a usable key',
      test: (state) => state.thefts.some((t) => t.searches.length > 0 && t.searches.every((s) => !s.found) && t.kmsAnswer === 'AccessDeniedException'),
    },
    reportDownloaded: {
      description: 'S3 gets the data key back from KMS and returns the report to the app',
      test: (state, events) => state.operations.some((o) => o.kind === 'get' && o.key === REPORT_KEY && o.ok) && messagesTo(events, 's3', 'Decrypt result').length > 0,
    },
    ownTextProtected: {
      description: 'Upload text of your own: S3 stores it encrypted, and a search of the disk for it finds nothing',
      test: (state) => state.learnerTexts.some((t) => t.stored && !t.foundOnDisk),
    },
    decryptDeniedThenRestored: {
      description: 'Take kms:Decrypt away from the role and see the download refused, then give it back and download the report again',
      test: (state) => {
        const denied = state.operations.findIndex((o) => o.kind === 'get' && o.key === REPORT_KEY && !o.roleHadDecrypt && o.error?.kmsError === 'AccessDeniedException');
        return denied !== -1 && state.operations.slice(denied + 1).some((o) => o.kind === 'get' && o.key === REPORT_KEY && o.ok && o.roleHadDecrypt);
      },
    },
    auditShowsS3Calls: {
      description: 'CloudTrail lists the KMS calls S3 made on the role\'s behalf',
      test: (state) => state.audit !== undefined && state.audit.viaS3 > 0,
    },
    sseS3WithoutKms: {
      description: 'With SSE-S3 the object is stored encrypted and read back, and KMS records no call',
      test: (state) => state.sseS3 !== undefined && state.sseS3.uploaded && state.sseS3.downloaded && state.sseS3.kmsCallsAfter === state.sseS3.kmsCallsBefore,
    },
  },

  decisions: (state) => state.decisions,

  holdings(state) {
    const sessionKeys = state.connectionOpen ? SESSION_KEY_LABELS.map(heldKeyPayload) : [];
    const latestTheft = state.thefts.at(-1);
    const kmsKeys: Payload[] = [];
    if (state.awsManagedKeyArn) kmsKeys.push(heldKeyPayload('aws/s3 (AWS managed key)'));
    if (state.customerKeyArn) kmsKeys.push(heldKeyPayload(`${CUSTOMER_KEY_ALIAS.slice('alias/'.length)} (customer managed key)`));
    return {
      app: [
        { kind: 'plaintext', label: 'the Q3 report', preview: REPORT_TEXT },
        ...state.learnerTexts.map((t): Payload => ({ kind: 'plaintext', label: 'your text', preview: t.text })),
        state.customerKeyArn
          ? metadataPayload('IAM: role report-app may use reports-key for', state.roleAllows.join(', ') || 'nothing')
          : metadataPayload('IAM: role report-app has no KMS permissions', 'aws/s3 needs none: its key policy allows the account through S3'),
        ...sessionKeys,
      ],
      s3: [
        metadataPayload('bucket default encryption', describeEncryption(state.encryption)),
        heldKeyPayload('S3 managed root key (SSE-S3 only)'),
        metadataPayload('plaintext data keys kept', 'none: erased after each use'),
        ...sessionKeys,
      ],
      kms: kmsKeys,
      disk: state.disk.map((o): Payload => ({ kind: 'ciphertext', label: `${o.key} (${o.sse === 'aws:kms' ? 'SSE-KMS' : 'SSE-S3'}) + its encrypted data key`, bytes: o.bytes })),
      thief: latestTheft
        ? [
            { kind: 'ciphertext', label: 'copy of the disk', bytes: latestTheft.bytes },
            { kind: 'encrypted-key', label: 'encrypted data keys (KMS will not decrypt them)' },
            { kind: 'metadata', label: 'object names and key ARNs (metadata)' },
          ]
        : [],
    };
  },

  notSimulated: [
    'S3 Bucket Keys: with a Bucket Key, S3 asks KMS for a bucket-level key and derives object keys from it, so far fewer KMS calls are made and CloudTrail shows the bucket ARN as the encryption context. Here every object gets its own GenerateDataKey call.',
    'Multipart uploads (which also need kms:Decrypt to complete), copies, presigned URLs, versioning, replication and byte-range reads.',
    'S3 permissions: bucket policies, s3:PutObject and s3:GetObject in IAM, Block Public Access and access points. The role is assumed to have them; only its KMS permissions are modelled.',
    'Per-request encryption headers (x-amz-server-side-encryption and the key id on PutObject), bucket policies that require SSE-KMS, dual-layer encryption (DSSE-KMS) and SSE-C with keys the customer sends.',
    'S3\'s real storage format and durability: here one object is one record on one simulated disk, with a layout chosen for teaching.',
    'The TLS connection from S3 to KMS inside AWS and SigV4 signing: S3 is drawn calling KMS directly.',
    'Rotation of the SSE-S3 root key, and the grants AWS services create on keys for longer-running work.',
    'One CloudTrail log for every account: AWS delivers the record of a cross-account call (the thief\'s Decrypt) to both the caller\'s and the key owner\'s trails.',
  ],
});
