/**
 * Client-side encryption: Example Corp's HR app envelope-encrypts a salary file BEFORE it uploads
 * it to S3, so S3 (and anyone with power over S3) stores bytes it can never decrypt; only a
 * receiving client that KMS allows to Decrypt can read the file. The world is the engine's: people
 * and their IAM policies from src/sim/world, envelope encryption from src/sim/envelope, the object
 * store and HTTPS from src/sim/storage and src/sim/tls, and the simulated KMS with its access
 * engine and CloudTrail. This file sets up who is who, maps the steps' events onto the world, and
 * names the checks.
 *
 * What is true to AWS and shown so: S3 never calls KMS for a client-side encrypted object (it does
 * not even know the body is encrypted); its bucket's base encryption (SSE-S3) is a second layer it
 * removes itself. The storage administrator can download the object and send its encrypted data
 * key to KMS, and KMS refuses: the key policy leaves the decision to IAM, and no IAM policy of that
 * role allows kms:Decrypt. Every allow, deny and InvalidCiphertextException comes from the KMS
 * engine; every "not found" comes from searching the bytes. Nothing here states an outcome it did
 * not observe.
 *
 * Determinism: ids, request ids and delays come from the lesson's seed; keys, IVs and ciphertexts
 * come from WebCrypto, so only their bytes differ between runs (no check depends on them).
 */
import { createKms, type CallContext, type CloudTrailEvent, type NamedPolicy } from '../../src/kms/index';
import { decodeBase64, encodeBase64 } from '../../src/kms/wire/base64';
import { defineScenario, type ScenarioDecision, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload, SimEvent } from '../../src/sim/core/events';
import { decodeEnvelope, describeContext, drawnKms, envelopeHeaderText, envelopeLayout, openEnvelope, sameContext, sealEnvelope, type EncryptionContext, type Envelope } from '../../src/sim/envelope';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../../src/sim/network/payloads';
import { bucketHost, containsText, describeEncryption, ObjectStore, S3OverHttps } from '../../src/sim/storage';
import { fromUtf8, utf8 } from '../../src/sim/tls/bytes';
import { WebWorld } from '../../src/sim/tls';
import { createWorld, roleArn, sessionArn, userArn, type WorldSpec } from '../../src/sim/world';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const BUCKET = 'example-corp-hr-shared';
export const KEY_ALIAS = 'alias/hr-documents';
export const DOCUMENT_KEY = 'hr/salary-review-2026.csv';
export const DOCUMENT_TEXT = 'name,salary GBP\nPriya Shah,82000\nTom Okafor,67500\nLena Berg,91000';
/** What the storage administrator searches for, besides the whole file and the learner's texts. */
export const ADMIN_SEARCHES = ['Priya Shah', '82000'];
export const SWAPPED_KEY = 'hr/bonus-plan-2026.csv';
export const MAX_TEXT_CHARS = 500;
export const MAX_FILE_CHARS = 200;

export const HR_APP_ARN = sessionArn(ACCOUNT, 'hr-app', 'hr-web-1');
export const PAYROLL_ARN = sessionArn(ACCOUNT, 'payroll-app', 'payroll-1');
export const STORAGE_ADMIN_ARN = sessionArn(ACCOUNT, 'storage-admin', 'ops-on-call');
export const BOB_ARN = userArn(ACCOUNT, 'bob');
const ALICE_ARN = userArn(ACCOUNT, 'alice');

/** Who the learner can send the file to (step "choose-recipient"), and whether IAM lets them Decrypt. */
export const RECIPIENTS = {
  'payroll-app': { arn: PAYROLL_ARN, label: 'the payroll app (role payroll-app: kms:Decrypt on hr-documents)' },
  bob: { arn: BOB_ARN, label: 'Bob, a developer (no KMS permissions)' },
} as const;
export type RecipientId = keyof typeof RECIPIENTS;

const ACTORS = { app: 'app', s3: 's3', kms: 'kms', disk: 'disk', admin: 'admin', receiver: 'receiver' } as const;

const allow = (name: string, sid: string, actions: string[], resource: string): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: actions, Resource: resource }] },
});

/**
 * Example Corp as this lesson needs it. The KMS permissions of the two application roles name the
 * key, so they are set once the key exists; the storage administrator may do anything in S3 and
 * nothing in KMS, which is how most storage teams are set up.
 */
const WORLD: WorldSpec = {
  region: REGION,
  accounts: [
    {
      id: ACCOUNT,
      name: 'Example Corp',
      users: [
        { name: 'alice', description: 'Administrator', policies: [allow('AdministratorAccess', 'Everything', ['*'], '*')], sourceIp: '203.0.113.10' },
        { name: 'bob', description: 'Developer with no IAM policies', policies: [], sourceIp: '203.0.113.11' },
      ],
      roles: [
        { name: 'hr-app', description: 'The HR application: encrypts documents before upload', sessions: [{ name: 'hr-web-1', sourceIp: '198.51.100.21' }] },
        { name: 'payroll-app', description: 'The payroll application: reads the HR documents', sessions: [{ name: 'payroll-1', sourceIp: '198.51.100.35' }] },
        {
          name: 'storage-admin',
          description: 'The storage team: every S3 action, no KMS permission',
          policies: [allow('AmazonS3FullAccess', 'AllOfS3', ['s3:*', 's3-object-lambda:*'], '*')],
          sessions: [{ name: 'ops-on-call', sourceIp: '198.51.100.50' }],
        },
      ],
    },
  ],
};

export interface Sealed {
  key: string;
  /** What the client encrypted (its own copy; never sent). */
  text: string;
  context: EncryptionContext;
  uploaded: boolean;
  /** Whether the text occurs in the object body S3 received (after TLS), or on S3's disk. */
  foundAtServer: boolean;
  foundOnDisk: boolean;
}

/** One attempt to open an envelope: by whom, with which context, and what KMS (then AES-GCM) said. */
export interface Opening {
  by: string;
  key: string;
  /** Whether KMS's access decision for the Decrypt call allowed it (as the engine recorded it). */
  hadDecrypt: boolean;
  contextMatched: boolean;
  outcome: 'decrypted' | string;
  /** The decrypted text, when it was. */
  text?: string;
}

export interface AdminAttempt {
  /** Each search over the downloaded object body, and whether it found anything. */
  searches: { needle: string; found: boolean }[];
  kmsAnswer: string;
  kmsMessage?: string;
}

export interface ClientSideEncryptionState {
  bucket: string;
  keyArn: string;
  sealed: Sealed[];
  openings: Opening[];
  adminAttempts: AdminAttempt[];
  /** The layout of the HR file's envelope, once shown. */
  layout?: { part: string; from: number; to: number; readable: boolean }[];
  /** CloudTrail's KMS API calls since the story began, once listed (step "audit-trail"). */
  audit?: { calls: number; byS3: number; direct: number; denied: number; callers: string[] };
  /** Which actors ever held the HR file in plaintext, from the event stream (step "side-by-side"). */
  plaintextSeenBy?: string[];
  /** The objects on S3's disk (each under SSE-S3 as well). */
  disk: { key: string; sse: string; bytes: number }[];
  decisions: ScenarioDecision[];
  /** CloudTrail's KMS API calls so far. */
  kmsApiCalls: number;
  /** How many KMS calls S3 made (invokedBy s3.amazonaws.com): none, for client-side encryption. */
  kmsCallsByS3: number;
}

const shortArn = (arn: string) => arn.replace(/^arn:aws:(?:iam|sts)::\d{12}:/, '');
const quoted = (needle: string) => `"${needle.length > 32 ? `${needle.slice(0, 30)}…` : needle}"`;
const apiCalls = (events: readonly CloudTrailEvent[]) => events.filter((e) => e.eventType === 'AwsApiCall');
/** The context the HR app binds to a file: which file it is, and what it is for. Not secret. */
export const contextFor = (key: string): EncryptionContext => ({ department: 'hr', file: key });

function validText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('Type some text to encrypt.');
  if (text.length > MAX_TEXT_CHARS) throw new Error(`Keep the text to ${MAX_TEXT_CHARS} characters.`);
  return text;
}

function validFile(raw: string | undefined): string {
  const file = (raw ?? '').trim();
  if (file === '') throw new Error('Type the file name to put in the encryption context.');
  if (file.length > MAX_FILE_CHARS) throw new Error(`Keep the file name to ${MAX_FILE_CHARS} characters.`);
  return file;
}

function validRecipient(raw: string | undefined): RecipientId {
  if (raw === 'payroll-app' || raw === 'bob') return raw;
  throw new Error('Choose who receives the file.');
}

/** Every plaintext payload preview in the stream that contains `text`, by actor (a message counts for its sender and receiver). */
function actorsHolding(events: readonly SimEvent[], text: string): string[] {
  const holders = new Set<string>();
  const has = (carries: readonly Payload[] | undefined) => (carries ?? []).some((p) => p.kind === 'plaintext' && (p.preview ?? '').includes(text));
  for (const e of events) {
    if (e.type === 'note' && has(e.carries)) holders.add(e.actor);
    if (e.type === 'message' && has(e.carries)) {
      holders.add(e.from);
      holders.add(e.to);
    }
  }
  return [...holders];
}

export default defineScenario<ClientSideEncryptionState>({
  async create({ rng, clock, stream }) {
    const world = createWorld(WORLD);
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT, principalExists: (arn) => world.principalExists(arn) });
    const contextOf = (arn: string): CallContext => {
      world.actAs(arn);
      return world.callContext();
    };

    // Before the story: Alice created the key (default key policy: IAM decides) and gave each application role its one permission.
    const created = await kms.call('CreateKey', { Description: 'Protects HR documents shared between applications' }, contextOf(ALICE_ARN));
    const keyArn = (created.KeyMetadata as { Arn: string }).Arn;
    await kms.call('CreateAlias', { AliasName: KEY_ALIAS, TargetKeyId: keyArn }, contextOf(ALICE_ARN));
    world.setIdentityPolicies(roleArn(ACCOUNT, 'hr-app'), [allow('hr-app-kms', 'EncryptHrDocuments', ['kms:GenerateDataKey'], keyArn)]);
    world.setIdentityPolicies(roleArn(ACCOUNT, 'payroll-app'), [allow('payroll-app-kms', 'ReadHrDocuments', ['kms:Decrypt'], keyArn)]);
    const storyBegins = kms.audit.events.length;

    // One HTTPS world per client of the bucket, all drawing into the same stream; S3's certificate predates the story.
    const host = bucketHost(BUCKET, REGION);
    const webOf = async (client: string) => {
      const web = await WebWorld.create({ rng, clock, stream, host, caName: 'Amazon Root CA 3', actors: { client, server: ACTORS.s3, ca: 'ca' } });
      await web.issueCertificate({ quietly: true });
      return web;
    };
    const [appWeb, adminWeb, receiverWeb] = [await webOf(ACTORS.app), await webOf(ACTORS.admin), await webOf(ACTORS.receiver)];
    const net = appWeb.net;
    const store = await ObjectStore.create({ net, kms, region: REGION, accountId: ACCOUNT, actors: { service: ACTORS.s3, kms: ACTORS.kms, disk: ACTORS.disk } });
    // Every bucket's base encryption since January 2023: S3 adds its own layer, and calls no KMS for it.
    store.createBucket(BUCKET, { algorithm: 'AES256' });
    const s3As = { app: new S3OverHttps(appWeb, store, BUCKET, ACTORS.app), admin: new S3OverHttps(adminWeb, store, BUCKET, ACTORS.admin), receiver: new S3OverHttps(receiverWeb, store, BUCKET, ACTORS.receiver) };

    const state: ClientSideEncryptionState = { bucket: BUCKET, keyArn, sealed: [], openings: [], adminAttempts: [], disk: [], decisions: [], kmsApiCalls: 0, kmsCallsByS3: 0 };

    const sync = () => {
      state.disk = store.disk.list().map((o) => ({ key: o.metadata.key, sse: o.metadata.serverSideEncryption, bytes: o.record.length }));
      const calls = apiCalls(kms.audit.events);
      state.kmsApiCalls = calls.length;
      state.kmsCallsByS3 = calls.filter((c) => c.userIdentity.invokedBy === 's3.amazonaws.com').length;
    };
    const explainLater = (eventId: string | undefined, label: string) => {
      const decision = eventId ? kms.audit.decisionOf(eventId) : undefined;
      if (eventId && decision) state.decisions.push({ id: eventId, label, decision });
    };
    const kmsAs = (actor: string, arn: string) => drawnKms({ net, kms, from: actor, kmsActor: ACTORS.kms, context: contextOf(arn) });

    /** The envelope the payroll app downloaded as the bonus plan (step "encryption-context"). */
    let swapped: Envelope | undefined;

    /** What each upload sent, by object key: the envelope as the app built it. */
    const envelopes = new Map<string, { envelope: Envelope; bytes: Uint8Array }>();

    /** The HR app's whole upload path: data key, local encryption, erase, envelope, PUT over HTTPS. */
    const sealAndUpload = async (key: string, text: string, contents: string): Promise<Sealed> => {
      const context = contextFor(key);
      net.note(ACTORS.app, `holds ${contents} in plaintext and encrypts it before it leaves: first a data key from KMS, with the encryption context ${describeContext(context)}`, {
        carries: [textPayload(contents, text)],
      });
      const sealed = await sealEnvelope(kmsAs(ACTORS.app, HR_APP_ARN), { keyId: KEY_ALIAS, encryptionContext: context, plaintext: utf8(text) });
      if (!sealed.ok) {
        net.note(ACTORS.app, `gets no data key (${sealed.error.code}), so it encrypts nothing and uploads nothing`, { tone: 'danger' });
        return { key, text, context, uploaded: false, foundAtServer: false, foundOnDisk: false };
      }
      const { envelope, bytes } = sealed;
      envelopes.set(key, { envelope, bytes });
      net.note(ACTORS.app, `encrypts ${contents} locally with the plaintext data key (AES-256-GCM, the encryption context as additional data), then erases the plaintext data key`, {
        carries: [textPayload(contents, text), bytesPayload('ciphertext', `${contents} (encrypted)`, envelope.ciphertext)],
      });
      net.note(ACTORS.app, `packs one ${bytes.length}-byte envelope: the readable header (key ARN, encryption context), the encrypted data key, the IV and the ciphertext`, {
        tone: 'success',
        carries: [
          textPayload('header (readable)', envelopeHeaderText(envelope), 'metadata'),
          bytesPayload('encrypted-key', 'encrypted data key (KMS CiphertextBlob)', envelope.encryptedDataKey),
          bytesPayload('ciphertext', `${contents} (encrypted)`, envelope.ciphertext),
        ],
      });
      // The simulated HTTP layer carries text: the body is the envelope in base64 (a real client sends the raw bytes).
      const body = encodeBase64(bytes);
      const result = await s3As.app.putObject(world.caller(HR_APP_ARN), key, body, `the envelope of ${contents} (base64)`);
      sync();
      const image = store.disk.image();
      return { key, text, context, uploaded: result.ok, foundAtServer: containsText(utf8(body), text) || containsText(bytes, text), foundOnDisk: containsText(image, text) };
    };

    /** Someone downloads an object over HTTPS; S3 removes its own SSE-S3 layer and returns the client's envelope. */
    const download = async (who: 'admin' | 'receiver', arn: string, key: string): Promise<Envelope | undefined> => {
      const result = await s3As[who].getObject(world.caller(arn), key, `the envelope of ${key}`);
      if (!result.ok) return undefined;
      const decoded = decodeBase64(fromUtf8(result.Body));
      return decoded.ok ? decodeEnvelope(decoded.bytes) : undefined;
    };

    /** A receiving client opens an envelope with the context it expects; KMS decides, then AES-GCM checks. */
    const open = async (who: 'admin' | 'receiver', arn: string, key: string, envelope: Envelope, expected: EncryptionContext, label: string): Promise<Opening> => {
      const actor = ACTORS[who];
      const matched = sameContext(expected, envelope.encryptionContext);
      const before = kms.audit.events.length;
      const result = await openEnvelope(kmsAs(actor, arn), envelope, { encryptionContext: expected });
      // Authorization comes before the ciphertext is checked, so even a refused blob has a recorded access decision.
      const eventId = kms.audit.events[before]?.eventID;
      const allowed = eventId !== undefined && kms.audit.decisionOf(eventId)?.result.decision === 'Allow';
      const opening: Opening = { by: arn, key, hadDecrypt: allowed, contextMatched: matched, outcome: result.ok ? 'decrypted' : result.stage === 'kms' ? result.error.code : 'tag mismatch' };
      if (result.ok) {
        opening.text = fromUtf8(result.plaintext);
        net.note(actor, `decrypts the file locally with the data key KMS returned, and erases the key: it reads ${label}`, { tone: 'success', carries: [textPayload(label, opening.text)] });
      } else if (result.stage === 'kms') {
        const code = result.error.code;
        if (code === 'AccessDeniedException') explainLater(eventId, `Why KMS refused ${shortArn(arn)} the data key of ${key}`);
        net.note(actor, code === 'InvalidCiphertextException' ? `gets InvalidCiphertextException (KMS sends no message): the encryption context ${describeContext(expected)} is not the one the data key was encrypted with, so nothing is decrypted` : `gets no data key (${code}): it holds only ciphertext`, { tone: 'danger' });
      }
      state.openings.push(opening);
      sync();
      return opening;
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'upload-document'() {
        state.sealed.push(await sealAndUpload(DOCUMENT_KEY, DOCUMENT_TEXT, 'the salary review'));
      },
      async 'show-envelope'() {
        const sent = envelopes.get(DOCUMENT_KEY);
        const stored = store.disk.read(BUCKET, DOCUMENT_KEY);
        if (!sent || !stored) {
          net.note(ACTORS.s3, `holds no ${DOCUMENT_KEY} yet: the HR app uploads it first`, { tone: 'warning' });
          return;
        }
        const layout = envelopeLayout(sent.envelope);
        state.layout = layout.map(({ part, from, to, readable }) => ({ part, from, to, readable }));
        const slice = (part: string) => {
          const region = layout.find((r) => r.part === part)!;
          return sent.bytes.subarray(region.from, region.to);
        };
        net.note(ACTORS.s3, `received ${DOCUMENT_KEY} as one ${sent.bytes.length}-byte envelope: ${layout.map((r) => `${r.part} (bytes ${r.from}–${r.to - 1})`).join(', ')}`, {
          carries: [
            textPayload('header: readable by anyone', envelopeHeaderText(sent.envelope), 'metadata'),
            bytesPayload('encrypted-key', 'encrypted data key (KMS CiphertextBlob)', slice('encrypted data key')),
            bytesPayload('metadata', 'IV (not secret)', slice('IV')),
            bytesPayload('ciphertext', 'the salary review, AES-256-GCM', slice('ciphertext')),
            bytesPayload('metadata', 'authentication tag', slice('authentication tag')),
          ],
        });
        net.note(ACTORS.disk, `holds that envelope encrypted once more under SSE-S3 (${stored.record.length} bytes): a layer S3 removes itself for anyone it lets read the object`, {
          carries: [bytesPayload('ciphertext', `${DOCUMENT_KEY} (SSE-S3 over the client's envelope)`, stored.ciphertext), metadataPayload('x-amz-server-side-encryption', stored.metadata.serverSideEncryption)],
        });
        net.note(ACTORS.s3, 'holds no data key for the salary review and has never asked KMS for one: the only key that opens it is encrypted under a KMS key S3 may not use', { tone: 'success' });
      },
      async 'upload-own'(event) {
        const text = typeof event.text === 'string' ? event.text.trim() : '';
        if (text === '' || text.length > MAX_TEXT_CHARS) {
          net.note(ACTORS.app, `has nothing to encrypt: type 1 to ${MAX_TEXT_CHARS} characters`, { tone: 'warning' });
          return;
        }
        const key = `hr/your-text-${state.sealed.length}.txt`;
        const sealed = await sealAndUpload(key, text, 'your text');
        state.sealed.push(sealed);
        if (!sealed.uploaded) return;
        net.note(ACTORS.s3, `searches the body it received for ${quoted(text)}: ${sealed.foundAtServer ? 'found' : 'not found, it is ciphertext'}; its disk: ${sealed.foundOnDisk ? 'found' : 'not found'}`, {
          tone: sealed.foundAtServer || sealed.foundOnDisk ? 'danger' : 'info',
        });
      },
      async 'admin-tries'() {
        const envelope = await download('admin', STORAGE_ADMIN_ARN, DOCUMENT_KEY);
        if (!envelope) {
          net.note(ACTORS.admin, `finds no ${DOCUMENT_KEY} to read`, { tone: 'warning' });
          return;
        }
        const body = encodeBase64(envelopes.get(DOCUMENT_KEY)!.bytes);
        const needles = [DOCUMENT_TEXT, ...ADMIN_SEARCHES];
        const searches = needles.map((needle) => ({ needle, found: containsText(utf8(body), needle) || containsText(envelopes.get(DOCUMENT_KEY)!.bytes, needle) }));
        net.note(ACTORS.admin, `searches the object S3 returned (SSE-S3 already removed) for ${searches.map((s) => quoted(s.needle)).join(', ')}: ${searches.some((s) => s.found) ? 'found' : 'not found, the body is the client\'s ciphertext'}`, {
          tone: searches.some((s) => s.found) ? 'danger' : 'info',
          carries: [textPayload('readable header of the envelope', envelopeHeaderText(envelope), 'metadata')],
        });
        const before = kms.audit.events.length;
        const result = await openEnvelope(kmsAs(ACTORS.admin, STORAGE_ADMIN_ARN), envelope);
        const attempt: AdminAttempt = { searches, kmsAnswer: result.ok ? 'allowed' : result.stage === 'kms' ? result.error.code : 'tag mismatch' };
        if (!result.ok && result.stage === 'kms') {
          attempt.kmsMessage = result.error.message;
          explainLater(kms.audit.events[before]?.eventID, 'Why KMS refused the storage administrator\'s Decrypt');
        }
        net.note(ACTORS.admin, result.ok ? 'gets the data key and reads the file' : 'has full control of the bucket and still only ciphertext: without kms:Decrypt on the key, the envelope stays shut', {
          tone: result.ok ? 'danger' : 'info',
        });
        state.adminAttempts.push(attempt);
        sync();
      },
      async deliver(event) {
        const id = event.recipient === 'bob' ? 'bob' : event.recipient === 'payroll-app' ? 'payroll-app' : undefined;
        if (!id) {
          net.note(ACTORS.receiver, 'nobody was chosen to receive the file', { tone: 'warning' });
          return;
        }
        const { arn } = RECIPIENTS[id];
        net.note(ACTORS.receiver, `is now ${RECIPIENTS[id].label}: it downloads ${DOCUMENT_KEY} and opens the envelope`);
        const envelope = await download('receiver', arn, DOCUMENT_KEY);
        if (!envelope) return;
        await open('receiver', arn, DOCUMENT_KEY, envelope, contextFor(DOCUMENT_KEY), 'the salary review');
      },
      async 'swap-object'() {
        const sent = envelopes.get(DOCUMENT_KEY);
        if (!sent) return;
        net.note(ACTORS.admin, `cannot read the salary review, but can write: it stores the salary review's envelope under another name, ${SWAPPED_KEY}`, { tone: 'warning' });
        await s3As.admin.putObject(world.caller(STORAGE_ADMIN_ARN), SWAPPED_KEY, encodeBase64(sent.bytes), `a copy of the salary review's envelope (base64)`);
        sync();
        net.note(ACTORS.receiver, `is the payroll app again: it downloads ${SWAPPED_KEY} and opens it with the context that file must have, ${describeContext(contextFor(SWAPPED_KEY))}`);
        const envelope = await download('receiver', PAYROLL_ARN, SWAPPED_KEY);
        if (!envelope) return;
        swapped = envelope;
        await open('receiver', PAYROLL_ARN, SWAPPED_KEY, envelope, contextFor(SWAPPED_KEY), 'the bonus plan');
      },
      async 'open-swapped'(event) {
        const file = typeof event.file === 'string' ? event.file.trim() : '';
        if (!swapped || file === '' || file.length > MAX_FILE_CHARS) {
          net.note(ACTORS.receiver, swapped ? `has no file name to put in the context: type 1 to ${MAX_FILE_CHARS} characters` : `has not downloaded ${SWAPPED_KEY} yet`, { tone: 'warning' });
          return;
        }
        net.note(ACTORS.receiver, `is the payroll app: it asks KMS for the data key of the object it downloaded as ${SWAPPED_KEY}, with the context ${describeContext(contextFor(file))}`);
        await open('receiver', PAYROLL_ARN, SWAPPED_KEY, swapped, contextFor(file), `the object stored as ${SWAPPED_KEY}`);
      },
      async 'show-audit'() {
        const calls = apiCalls(kms.audit.events.slice(storyBegins));
        for (const call of calls) {
          const via = call.userIdentity.invokedBy ? ` via ${call.userIdentity.invokedBy}` : ' (direct)';
          const context = call.requestParameters?.encryptionContext as EncryptionContext | undefined;
          net.note(ACTORS.kms, `CloudTrail: ${call.eventName} by ${shortArn(call.userIdentity.arn)}${via}${call.errorCode ? `: ${call.errorCode}` : ''}`, {
            tone: call.errorCode ? 'danger' : 'info',
            carries: [
              metadataPayload('userIdentity.arn', call.userIdentity.arn),
              metadataPayload('sourceIPAddress', call.sourceIPAddress),
              ...(context ? [metadataPayload('encryptionContext', describeContext(context))] : []),
            ],
          });
        }
        const byS3 = calls.filter((c) => c.userIdentity.invokedBy === 's3.amazonaws.com').length;
        const denied = calls.filter((c) => c.errorCode !== undefined).length;
        state.audit = { calls: calls.length, byS3, direct: calls.length - byS3, denied, callers: [...new Set(calls.map((c) => c.userIdentity.arn))] };
        net.note(ACTORS.kms, `${calls.length} calls since the HR app's upload, every one made directly by a client; ${byS3} by S3, which never used KMS for these objects; ${denied} refused`, { tone: 'success' });
      },
      async compare() {
        const holders = actorsHolding(stream.events, DOCUMENT_TEXT);
        state.plaintextSeenBy = holders;
        const names: Record<string, string> = { app: 'the HR app', receiver: 'the receiving client (the payroll app)', s3: 'S3', disk: 'S3\'s disks', admin: 'the storage administrator', kms: 'KMS' };
        const where = holders.map((h) => names[h] ?? h).join(' and ');
        const leaked = holders.some((h) => h === ACTORS.s3 || h === ACTORS.disk || h === ACTORS.admin);
        net.note(ACTORS.kms, leaked ? `the salary review was readable at: ${where}` : `the salary review was readable only at: ${where}. Never at S3, on its disks, or with the storage administrator`, {
          tone: leaked ? 'danger' : 'success',
        });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'client-side-encryption'),
    };
  },

  actions: {
    'encrypt-and-upload': {
      label: 'Encrypt and upload',
      description: 'Type anything. The HR app encrypts it in the app with a fresh data key from KMS, then uploads only the envelope. S3 searches what it received, and its disk, for your text.',
      fields: [{ name: 'text', label: 'Your text', kind: 'text', default: 'Bonus pool 2026: 1.1M GBP', maxLength: MAX_TEXT_CHARS }],
      // Refusing here shows the learner why, and leaves the world untouched; dispatch re-checks for replays.
      toEvent: (input) => ({ type: 'upload-own', text: validText(input.text) }),
    },
    'send-to': {
      label: 'Send the file',
      description: `The chosen recipient downloads ${DOCUMENT_KEY} from S3 and asks KMS to decrypt its data key.`,
      fields: [
        {
          name: 'recipient',
          label: 'Recipient',
          kind: 'select',
          default: 'bob',
          options: (Object.keys(RECIPIENTS) as RecipientId[]).map((id) => ({ value: id, label: RECIPIENTS[id].label })),
        },
      ],
      toEvent: (input) => ({ type: 'deliver', recipient: validRecipient(input.recipient) }),
    },
    'open-with-context': {
      label: 'Ask KMS for the data key',
      description: `The payroll app asks KMS to decrypt the data key of the object it downloaded as ${SWAPPED_KEY}, with department = hr and the file name you type as the encryption context.`,
      fields: [{ name: 'file', label: 'file in the encryption context', kind: 'text', default: SWAPPED_KEY, maxLength: MAX_FILE_CHARS }],
      toEvent: (input) => ({ type: 'open-swapped', file: validFile(input.file) }),
    },
  },

  checks: {
    encryptedBeforeUpload: {
      description: 'The HR app encrypts the salary review itself and uploads only the envelope',
      test: (state) => state.sealed.some((s) => s.key === DOCUMENT_KEY && s.uploaded && !s.foundAtServer && !s.foundOnDisk),
    },
    ownTextNeverAtServer: {
      description: 'Encrypt text of your own and upload it: neither what S3 received nor its disk contains your text',
      test: (state) => state.sealed.some((s) => s.key !== DOCUMENT_KEY && s.uploaded && !s.foundAtServer && !s.foundOnDisk),
    },
    adminCannotDecrypt: {
      description: 'The storage administrator downloads the file and asks KMS for its data key, and is refused',
      test: (state) => state.adminAttempts.some((a) => a.searches.every((s) => !s.found) && a.kmsAnswer === 'AccessDeniedException'),
    },
    onlyAllowedRecipientReads: {
      description: 'Send the file to someone without kms:Decrypt (refused) and to someone with it (reads the file)',
      test: (state) => {
        const own = state.openings.filter((o) => o.key === DOCUMENT_KEY && o.contextMatched);
        return own.some((o) => !o.hadDecrypt && o.outcome === 'AccessDeniedException') && own.some((o) => o.hadDecrypt && o.outcome === 'decrypted' && o.text === DOCUMENT_TEXT);
      },
    },
    wrongContextRefused: {
      description: 'Opened under another file\'s encryption context, the envelope is refused with InvalidCiphertextException',
      test: (state) => state.openings.some((o) => o.key === SWAPPED_KEY && !o.contextMatched && o.hadDecrypt && o.outcome === 'InvalidCiphertextException'),
    },
    contextNamesTheRealFile: {
      description: 'Find the encryption context the object stored as the bonus plan was really encrypted with: KMS returns its data key only for that one',
      test: (state) => state.openings.some((o) => o.key === SWAPPED_KEY && o.contextMatched && o.outcome === 'decrypted'),
    },
    auditShowsClients: {
      description: 'CloudTrail shows the clients\' own KMS calls, and none by S3',
      test: (state) => state.audit !== undefined && state.audit.calls > 0 && state.audit.byS3 === 0,
    },
    plaintextOnlyAtClients: {
      description: 'The salary review was readable only at the clients, never at S3',
      test: (state) => state.plaintextSeenBy !== undefined && state.plaintextSeenBy.length > 0 && state.plaintextSeenBy.every((a) => a === ACTORS.app || a === ACTORS.receiver),
    },
  },

  decisions: (state) => state.decisions,

  holdings(state) {
    const read = state.openings.filter((o) => o.outcome === 'decrypted').at(-1);
    const adminTried = state.adminAttempts.length > 0;
    return {
      app: [
        ...state.sealed.map((s): Payload => ({ kind: 'plaintext', label: s.key === DOCUMENT_KEY ? 'the salary review' : 'your text', preview: s.text })),
        metadataPayload('IAM: role hr-app may', 'kms:GenerateDataKey on hr-documents'),
        metadataPayload('plaintext data keys kept', 'none: erased after each use'),
      ],
      s3: [metadataPayload('bucket default encryption', describeEncryption({ algorithm: 'AES256' })), heldKeyPayload('S3 managed root key (SSE-S3 layer only)'), metadataPayload('keys for the client\'s envelopes', 'none')],
      kms: [heldKeyPayload('hr-documents (customer managed key)')],
      disk: state.disk.map((o): Payload => ({ kind: 'ciphertext', label: `${o.key}: the client's envelope under SSE-S3`, bytes: o.bytes })),
      admin: adminTried
        ? [
            { kind: 'ciphertext', label: 'the client\'s envelope, downloaded' },
            { kind: 'encrypted-key', label: 'encrypted data key (KMS refuses to decrypt it)' },
            metadataPayload('IAM: role storage-admin may', 's3:* and nothing in KMS'),
          ]
        : [metadataPayload('IAM: role storage-admin may', 's3:* and nothing in KMS')],
      receiver: read ? [{ kind: 'plaintext', label: 'the salary review', preview: read.text ?? '' }] : [],
    };
  },

  notSimulated: [
    'The AWS Encryption SDK\'s message format: its header (with the encryption context and one or more encrypted data keys), key commitment, signed algorithm suites and framed bodies. The envelope here holds the same parts in a simpler layout chosen for teaching.',
    'The Amazon S3 Encryption Client: it keeps the encrypted data key and the encryption context in the object\'s metadata (or an instruction file) and the ciphertext in the body. Here one envelope is the object body.',
    'Keyrings and master key providers: encrypting one data key under several KMS keys (or keys in several Regions or accounts) so different readers can each open the same message; the discovery keyring; data key caching.',
    'HTTP bodies are text in this simulation, so the envelope travels base64-encoded; a real client uploads the raw bytes.',
    'S3 permissions (bucket policies, s3:GetObject, s3:PutObject): every principal here may read and write the bucket; only KMS permissions are modelled.',
    'The TLS connection from each client to KMS, and SigV4 signing: the clients are drawn calling KMS directly.',
    'One CloudTrail trail per account: every caller here is in the key\'s account.',
  ],
});
