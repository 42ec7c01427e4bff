/**
 * Envelope encryption, the mechanism itself: Example Corp's reporting app has a 1 MB export that
 * KMS Encrypt refuses (4,096 bytes at most), so it asks KMS for a data key, encrypts locally,
 * erases the plaintext data key and stores the encrypted data key beside the ciphertext. Then the
 * way back, how many data keys to use for many files (calls and cost), a data key made for later
 * (GenerateDataKeyWithoutPlaintext) and random bytes from KMS (GenerateRandom).
 *
 * Lesson 03 tells the client-side story (who may read what); this lesson takes the envelope apart.
 * Each stage of the seal path is a separate moment here (the data key, the local encryption, the
 * erased key, the stored bytes), built from src/sim/envelope's own pieces, so the "who holds what"
 * panel can show the plaintext data key arrive and then read back as zeros.
 *
 * Every exception (ValidationException for the 1 MB Encrypt, InvalidCiphertextException for a wrong
 * context) is the KMS engine's; every count of calls is CloudTrail's; every "not found" comes from
 * searching the bytes. Nothing here states an outcome it did not observe.
 *
 * Determinism: ids, request ids and delays come from the lesson's seed; keys, IVs and ciphertexts
 * come from WebCrypto, so only their bytes differ between runs (no check depends on them).
 */
import { createKms, type CallContext, type CloudTrailEvent, type Input, type Kms, type NamedPolicy } from '../../src/kms/index';
import { encodeBase64 } from '../../src/kms/wire/base64';
import { encodeOutput } from '../../src/kms/wire/encode';
import { defineScenario, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload } from '../../src/sim/core/events';
import {
  canonicalContext,
  decodeEnvelope,
  decryptWithDataKey,
  describeContext,
  directKms,
  drawnKms,
  encodeEnvelope,
  encryptWithDataKey,
  envelopeHeaderText,
  envelopeLayout,
  openEnvelope,
  sealEnvelope,
  type EncryptionContext,
  type Envelope,
  type KmsInvoker,
} from '../../src/sim/envelope';
import { createNetwork, type Network } from '../../src/sim/network/network';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../../src/sim/network/payloads';
import { callKms } from '../../src/sim/storage/kms-call';
import { containsText } from '../../src/sim/storage';
import { utf8, type Bytes } from '../../src/sim/tls/bytes';
import { monthlyRequestCostUsd } from '../../src/sim/traffic/kms-pricing';
import { createWorld, roleArn, sessionArn, userArn, type WorldSpec } from '../../src/sim/world';
import { isLearnerFileToken, learnerFile } from '../../src/lessons/learner-files';
import { runOwnFile, type OwnFileRun } from './own-file';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const KEY_ALIAS = 'alias/reports';
/** KMS Encrypt's plaintext limit (the model's Plaintext 1..4096). */
export const ENCRYPT_LIMIT_BYTES = 4096;
/** The quarterly export: exactly 1 MiB of CSV. */
export const REPORT_FILE = 'reports/q3-results.csv';
export const REPORT_BYTES = 1024 * 1024;
export const REPORT_CONTEXT: EncryptionContext = { purpose: 'quarterly-report', file: REPORT_FILE };
/** What a learner types into the context field: `key=value` pairs, comma separated. */
export const REPORT_CONTEXT_TEXT = `purpose=quarterly-report, file=${REPORT_FILE}`;
export const MAX_TEXT_CHARS = 500;
export const MAX_FILES = 100;
/** The monthly volume the many-files step scales its counts to: files written, each read back once. */
export const FILES_PER_MONTH = 10_000_000;
/** GenerateRandom's NumberOfBytes range. */
export const RANDOM_MAX_BYTES = 1024;

export const APP_ARN = sessionArn(ACCOUNT, 'report-app', 'report-1');
export const PROVISIONER_ARN = sessionArn(ACCOUNT, 'provisioner', 'provision-1');
export const WORKER_ARN = sessionArn(ACCOUNT, 'batch-worker', 'worker-1');
const ALICE_ARN = userArn(ACCOUNT, 'alice');

const ACTORS = { app: 'app', kms: 'kms', archive: 'archive', provisioner: 'provisioner', worker: 'worker' } as const;

export const STRATEGIES = {
  'per-file': 'one data key per file (a GenerateDataKey for each)',
  reuse: 'one data key reused for every file (a single GenerateDataKey)',
} as const;
export type Strategy = keyof typeof STRATEGIES;

const allow = (name: string, actions: string[], resource: string): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] },
});

/** Example Corp as this lesson needs it: each role gets exactly the KMS actions its job takes, once the key exists. */
const WORLD: WorldSpec = {
  region: REGION,
  accounts: [
    {
      id: ACCOUNT,
      name: 'Example Corp',
      users: [{ name: 'alice', description: 'Administrator', policies: [allow('AdministratorAccess', ['*'], '*')], sourceIp: '203.0.113.10' }],
      roles: [
        { name: 'report-app', description: 'The reporting app: encrypts and reads its exports', sessions: [{ name: 'report-1', sourceIp: '198.51.100.21' }] },
        { name: 'provisioner', description: 'Creates storage containers, each with its own encrypted data key', sessions: [{ name: 'provision-1', sourceIp: '198.51.100.40' }] },
        { name: 'batch-worker', description: 'Fills containers with data, later', sessions: [{ name: 'worker-1', sourceIp: '198.51.100.41' }] },
      ],
    },
  ],
};

/** One KMS request as it went over the wire: its operation, its JSON body size, and whether a given text was in it. */
export interface KmsRequestSeen {
  operation: string;
  requestBytes: number;
}

export interface DataKeyMoment {
  plaintextBytes: number;
  ciphertextBlobBytes: number;
  keyArn: string;
}

export interface StoredEnvelope {
  file: string;
  context: EncryptionContext;
  bytes: number;
  layout: { part: string; from: number; to: number; readable: boolean }[];
  /** Searches of the stored bytes: the plaintext (or its first 64 bytes, for the report) and the plaintext data key. */
  containsPlaintext: boolean;
  containsDataKey: boolean;
}

export interface OwnSeal {
  text: string;
  /** The KMS requests the seal made, and whether the learner's text was in any of them. */
  kmsRequests: KmsRequestSeen[];
  textSentToKms: boolean;
  stored?: StoredEnvelope;
  error?: string;
}

export interface Opening {
  context: EncryptionContext;
  contextMatched: boolean;
  outcome: 'decrypted' | string;
  /** The Decrypt request's body size: the encrypted data key and the context, never the file. */
  kmsRequestBytes: number;
  /** Whether the decrypted bytes equal the original report. */
  intact?: boolean;
}

export interface FilesRun {
  strategy: Strategy;
  files: number;
  generateDataKeyCalls: number;
  decryptCalls: number;
  totalCalls: number;
  distinctDataKeys: number;
  allRead: boolean;
  /** Scaled to FILES_PER_MONTH files a month, each written and read once, at §5 prices. */
  monthlyCalls: number;
  monthlyCostUsd: number;
}

export interface EnvelopeEncryptionState {
  keyArn: string;
  /** The 1 MB Encrypt attempt: KMS's answer. */
  encryptAttempt?: { plaintextBytes: number; code: string; message: string };
  dataKey?: DataKeyMoment;
  /** The plaintext data key the app holds between GenerateDataKey and its local encryption (zeros once erased). */
  heldDataKey?: Bytes;
  report?: StoredEnvelope;
  ownSeals: OwnSeal[];
  openings: Opening[];
  fileRuns: FilesRun[];
  withoutPlaintext?: { responseFields: string[]; provisionerHeldPlaintext: boolean; workerSealed: boolean; workerDecryptCalls: number };
  random?: { sizes: number[]; keyIdSent: boolean; tooMany: { numberOfBytes: number; code: string; message: string } };
  /** The learner's own files, sealed in chunks and opened again (own-file.ts). */
  ownFiles: OwnFileRun[];
  /** CloudTrail's KMS API calls so far, by name, since the story began. */
  calls: Record<string, number>;
}

const apiCalls = (events: readonly CloudTrailEvent[]) => events.filter((e) => e.eventType === 'AwsApiCall');
const isZero = (bytes: Uint8Array) => bytes.every((b) => b === 0);
const quoted = (needle: string) => `"${needle.length > 32 ? `${needle.slice(0, 30)}…` : needle}"`;
export const formatUsd = (usd: number) => `$${usd.toFixed(2)}`;

/** The quarterly export: deterministic CSV rows, exactly REPORT_BYTES long. */
export function reportBytes(): Bytes {
  const rows = ['region,product,units,revenue GBP'];
  let length = rows[0].length;
  for (let i = 0; length < REPORT_BYTES; i++) {
    const row = `region-${i % 12},product-${i % 97},${(i * 37) % 1000},${(i * 7919) % 100000}`;
    rows.push(row);
    length += 1 + row.length;
  }
  return utf8(rows.join('\n').slice(0, REPORT_BYTES));
}

/** "purpose=quarterly-report, file=x" → { purpose: 'quarterly-report', file: 'x' }; throws on anything else. */
export function parseContext(raw: string | undefined): EncryptionContext {
  const text = (raw ?? '').trim();
  const context: EncryptionContext = {};
  if (text === '') return context;
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at <= 0 || key === '') throw new Error('Write the context as key=value pairs separated by commas.');
    context[key] = pair.slice(at + 1).trim();
  }
  return context;
}

function validText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('Type some text to seal.');
  if (text.length > MAX_TEXT_CHARS) throw new Error(`Keep the text to ${MAX_TEXT_CHARS} characters.`);
  return text;
}

function validFiles(raw: string | undefined): number {
  const files = Number(raw);
  if (!Number.isInteger(files) || files < 1 || files > MAX_FILES) throw new Error(`Choose 1 to ${MAX_FILES} files.`);
  return files;
}

function validStrategy(raw: string | undefined): Strategy {
  if (raw === 'per-file' || raw === 'reuse') return raw;
  throw new Error('Choose how many data keys to use.');
}

/** Calls are counted from CloudTrail, by operation name. */
function countCalls(events: readonly CloudTrailEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of apiCalls(events)) counts[call.eventName] = (counts[call.eventName] ?? 0) + 1;
  return counts;
}

/** Wraps an invoker so every request's wire size is recorded (the JSON 1.1 body KMS receives). */
function recording(kms: Kms, invoker: KmsInvoker, seen: KmsRequestSeen[], bodies: string[]): KmsInvoker {
  return (operation, input) => {
    const body = JSON.stringify(encodeOutput(input, kms.operations[operation]?.input));
    seen.push({ operation, requestBytes: utf8(body).length });
    bodies.push(body);
    return invoker(operation, input);
  };
}

export default defineScenario<EnvelopeEncryptionState>({
  async create({ rng, clock, stream }) {
    const world = createWorld(WORLD);
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT, principalExists: (arn) => world.principalExists(arn) });
    const contextOf = (arn: string): CallContext => {
      world.actAs(arn);
      return world.callContext();
    };
    const net: Network = createNetwork({ stream, clock, rng: rng.fork() });

    // Before the story: Alice created the key and gave each role the one or two KMS actions its job needs.
    const created = await kms.call('CreateKey', { Description: 'Protects the reporting exports' }, contextOf(ALICE_ARN));
    const keyArn = (created.KeyMetadata as { Arn: string }).Arn;
    await kms.call('CreateAlias', { AliasName: KEY_ALIAS, TargetKeyId: keyArn }, contextOf(ALICE_ARN));
    world.setIdentityPolicies(roleArn(ACCOUNT, 'report-app'), [allow('report-app-kms', ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'], keyArn), allow('random', ['kms:GenerateRandom'], '*')]);
    world.setIdentityPolicies(roleArn(ACCOUNT, 'provisioner'), [allow('provisioner-kms', ['kms:GenerateDataKeyWithoutPlaintext'], keyArn)]);
    world.setIdentityPolicies(roleArn(ACCOUNT, 'batch-worker'), [allow('batch-worker-kms', ['kms:Decrypt'], keyArn)]);
    const storyBegins = kms.audit.events.length;

    const report = reportBytes();
    const state: EnvelopeEncryptionState = { keyArn, ownSeals: [], openings: [], fileRuns: [], ownFiles: [], calls: {} };
    /** The report's envelope as stored in the archive. */
    let reportEnvelope: Envelope | undefined;

    const sync = () => {
      state.calls = countCalls(kms.audit.events.slice(storyBegins));
    };
    const kmsAs = (actor: string, arn: string) => drawnKms({ net, kms, from: actor, kmsActor: ACTORS.kms, context: contextOf(arn) });
    /** A KMS call drawn with the payloads this lesson shows (operations drawnKms does not cover). */
    const drawnCall = (actor: string, arn: string, operation: string, input: Input, request: Payload[], response: (output: Record<string, unknown>) => Payload[]) =>
      callKms({ net, kms, from: actor, kmsActor: ACTORS.kms, operation, input, context: contextOf(arn), request, response });

    /** Stores an envelope in the archive, drawn as the app sending it, and searches the stored bytes. */
    const store = (file: string, envelope: Envelope, plaintext: Bytes, dataKeyCopy: Bytes | undefined): StoredEnvelope => {
      const bytes = encodeEnvelope(envelope);
      const layout = envelopeLayout(envelope).map(({ part, from, to, readable }) => ({ part, from, to, readable }));
      net.send({
        from: ACTORS.app,
        to: ACTORS.archive,
        label: 'store envelope',
        carries: [
          textPayload('header (readable)', envelopeHeaderText(envelope), 'metadata'),
          bytesPayload('encrypted-key', 'encrypted data key', envelope.encryptedDataKey),
          bytesPayload('metadata', 'IV', envelope.iv),
          bytesPayload('ciphertext', `${file} (AES-256-GCM, tag at the end)`, envelope.ciphertext),
        ],
        wire: bytes,
      });
      const needle = plaintext.subarray(0, 64);
      return {
        file,
        context: { ...envelope.encryptionContext },
        bytes: bytes.length,
        layout,
        containsPlaintext: containsText(bytes, new TextDecoder().decode(needle)),
        containsDataKey: dataKeyCopy !== undefined && containsBytesOf(bytes, dataKeyCopy),
      };
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'try-encrypt'() {
        net.note(ACTORS.app, `holds ${REPORT_FILE} (${REPORT_BYTES.toLocaleString('en')} bytes) and tries the obvious call: KMS Encrypt with the whole file as Plaintext`, {
          carries: [textPayload(REPORT_FILE, new TextDecoder().decode(report.subarray(0, 120)))],
        });
        const result = await drawnCall(ACTORS.app, APP_ARN, 'Encrypt', { KeyId: KEY_ALIAS, Plaintext: report }, [metadataPayload('KeyId', KEY_ALIAS), { kind: 'plaintext', label: `Plaintext (${REPORT_FILE})`, bytes: report.length }], () => []);
        if (!result.ok) {
          state.encryptAttempt = { plaintextBytes: report.length, code: result.error.code, message: result.error.message };
          net.note(ACTORS.app, `gets ${result.error.code}: Encrypt takes at most ${ENCRYPT_LIMIT_BYTES.toLocaleString('en')} bytes of plaintext, and this file is ${(REPORT_BYTES / ENCRYPT_LIMIT_BYTES).toLocaleString('en')} times that`, { tone: 'danger' });
        } else {
          state.encryptAttempt = { plaintextBytes: report.length, code: 'encrypted', message: '' };
        }
        sync();
      },
      async 'generate-data-key'() {
        const result = await kmsAs(ACTORS.app, APP_ARN)('GenerateDataKey', { KeyId: KEY_ALIAS, KeySpec: 'AES_256', EncryptionContext: REPORT_CONTEXT });
        sync();
        if (!result.ok) return;
        const plaintext = result.output.Plaintext as Bytes;
        const blob = result.output.CiphertextBlob as Bytes;
        state.heldDataKey = plaintext;
        state.dataKey = { plaintextBytes: plaintext.length, ciphertextBlobBytes: blob.length, keyArn: result.output.KeyId as string };
        reportEnvelope = { kmsKeyArn: result.output.KeyId as string, encryptionContext: { ...REPORT_CONTEXT }, encryptedDataKey: blob, iv: new Uint8Array(0), ciphertext: new Uint8Array(0) };
        net.note(ACTORS.app, `holds the same data key twice: Plaintext, ${plaintext.length} bytes (AES-256, use it and erase it) and CiphertextBlob, ${blob.length} bytes (the key encrypted under ${KEY_ALIAS}, safe to store)`, {
          tone: 'warning',
          carries: [bytesPayload('key', 'Plaintext data key', plaintext, 8), bytesPayload('encrypted-key', 'CiphertextBlob', blob)],
        });
      },
      async 'encrypt-locally'() {
        const key = state.heldDataKey;
        if (!key || !reportEnvelope || isZero(key)) {
          net.note(ACTORS.app, 'holds no plaintext data key to encrypt with: it asks KMS for one first', { tone: 'warning' });
          return;
        }
        const keyCopy = new Uint8Array(key); // only to search the stored bytes for it afterwards; erased below
        // encryptWithDataKey imports the key into WebCrypto and overwrites the app's bytes with zeros.
        const { iv, ciphertext } = await encryptWithDataKey(key, report, canonicalContext(REPORT_CONTEXT));
        reportEnvelope = { ...reportEnvelope, iv, ciphertext };
        net.note(ACTORS.app, `encrypts all ${REPORT_BYTES.toLocaleString('en')} bytes locally with AES-256-GCM (a fresh 12-byte IV, the encryption context as additional data): no KMS call, no size limit`, {
          carries: [bytesPayload('ciphertext', `${REPORT_FILE} (encrypted)`, ciphertext)],
        });
        net.note(ACTORS.app, `erases the plaintext data key: its ${key.length} bytes now read ${isZero(key) ? 'all zeros' : 'NOT zero'}. What remains is the encrypted copy`, { tone: isZero(key) ? 'success' : 'danger' });
        state.report = store(REPORT_FILE, reportEnvelope, report, keyCopy);
        keyCopy.fill(0);
        const layout = state.report.layout;
        net.note(ACTORS.archive, `stores one ${state.report.bytes.toLocaleString('en')}-byte envelope: ${layout.map((r) => `${r.part} ${(r.to - r.from).toLocaleString('en')} B (bytes ${r.from.toLocaleString('en')}–${(r.to - 1).toLocaleString('en')})`).join(', ')}`, {
          carries: [textPayload('header: readable by anyone', envelopeHeaderText(reportEnvelope), 'metadata')],
        });
        net.note(ACTORS.archive, `searches the stored bytes: the report's first line ${state.report.containsPlaintext ? 'FOUND' : 'not found'}; the plaintext data key ${state.report.containsDataKey ? 'FOUND' : 'not found'}`, {
          tone: state.report.containsPlaintext || state.report.containsDataKey ? 'danger' : 'success',
        });
      },
      async 'seal-own'(event) {
        const text = typeof event.text === 'string' ? event.text.trim() : '';
        if (text === '' || text.length > MAX_TEXT_CHARS) {
          net.note(ACTORS.app, `has nothing to seal: type 1 to ${MAX_TEXT_CHARS} characters`, { tone: 'warning' });
          return;
        }
        const file = `notes/your-text-${state.ownSeals.length + 1}.txt`;
        const context: EncryptionContext = { purpose: 'learner-note', file };
        net.note(ACTORS.app, `seals your text as ${file} with the context ${describeContext(context)}`, { carries: [textPayload('your text', text)] });
        const seen: KmsRequestSeen[] = [];
        const bodies: string[] = [];
        const sealed = await sealEnvelope(recording(kms, kmsAs(ACTORS.app, APP_ARN), seen, bodies), { keyId: KEY_ALIAS, encryptionContext: context, plaintext: utf8(text) });
        sync();
        const own: OwnSeal = { text, kmsRequests: seen, textSentToKms: bodies.some((b) => b.includes(text) || b.includes(encodeBase64(utf8(text)))) };
        if (!sealed.ok) {
          own.error = sealed.error.code;
          state.ownSeals.push(own);
          return;
        }
        own.stored = store(file, sealed.envelope, utf8(text), undefined);
        state.ownSeals.push(own);
        net.note(ACTORS.kms, `received ${seen.length} request: ${seen.map((r) => `${r.operation} (${r.requestBytes} bytes)`).join(', ')}; your text in it: ${own.textSentToKms ? 'YES' : 'no'}`, { tone: own.textSentToKms ? 'danger' : 'success' });
        net.note(ACTORS.archive, `searches the ${own.stored.bytes}-byte envelope for ${quoted(text)}: ${own.stored.containsPlaintext ? 'FOUND' : 'not found, it is ciphertext'}`, { tone: own.stored.containsPlaintext ? 'danger' : 'success' });
      },
      async 'open-report'(event) {
        if (!reportEnvelope || reportEnvelope.ciphertext.length === 0) {
          net.note(ACTORS.app, 'finds no stored report to open yet', { tone: 'warning' });
          return;
        }
        let context: EncryptionContext;
        try {
          context = parseContext(typeof event.context === 'string' ? event.context : '');
        } catch (caught) {
          net.note(ACTORS.app, `cannot read that context: ${(caught as Error).message}`, { tone: 'warning' });
          return;
        }
        const stored = decodeEnvelope(encodeEnvelope(reportEnvelope));
        net.note(ACTORS.app, `reads the envelope of ${REPORT_FILE} from the archive and asks KMS to decrypt its data key, with the context ${describeContext(context)}`);
        const seen: KmsRequestSeen[] = [];
        const result = await openEnvelope(recording(kms, kmsAs(ACTORS.app, APP_ARN), seen, []), stored, { encryptionContext: context });
        sync();
        const opening: Opening = { context, contextMatched: canonicalContext(context) === canonicalContext(REPORT_CONTEXT), outcome: result.ok ? 'decrypted' : result.stage === 'kms' ? result.error.code : 'tag mismatch', kmsRequestBytes: seen[0]?.requestBytes ?? 0 };
        if (result.ok) {
          opening.intact = result.plaintext.length === report.length && result.plaintext.every((b, i) => b === report[i]);
          net.note(ACTORS.app, `decrypts ${result.plaintext.length.toLocaleString('en')} bytes locally with the data key KMS returned, then erases the key. KMS received ${opening.kmsRequestBytes} bytes: the encrypted data key and the context, none of the file`, {
            tone: 'success',
            carries: [textPayload(REPORT_FILE, new TextDecoder().decode(result.plaintext.subarray(0, 120)))],
          });
        } else {
          net.note(ACTORS.app, `gets ${opening.outcome}${opening.outcome === 'InvalidCiphertextException' ? ' (KMS sends no message): the context is not exactly the one the data key was generated with, so no key, and nothing decrypted' : ''}`, { tone: 'danger' });
        }
        state.openings.push(opening);
      },
      async 'own-file'(event) {
        const file = typeof event.file === 'string' ? learnerFile(event.file) : undefined;
        if (!file) {
          net.note(ACTORS.app, 'has no file to encrypt: a file picked before the page reloaded is gone, so pick or drop it again', { tone: 'warning' });
          return;
        }
        const context: EncryptionContext = { purpose: 'learner-file', file: file.name };
        net.note(ACTORS.app, `encrypts your file ${file.name} (${file.blob.size.toLocaleString('en')} bytes) in chunks of 1 MiB in a Web Worker: one data key for the whole file, each chunk sealed with AES-256-GCM`);
        const run = await runOwnFile(kmsAs(ACTORS.app, APP_ARN), KEY_ALIAS, file, context);
        sync();
        state.ownFiles.push(run);
        net.note(
          ACTORS.app,
          run.error
            ? `could not finish ${file.name}: ${run.error}`
            : `sealed ${run.bytes.toLocaleString('en')} bytes as ${run.chunks.toLocaleString('en')} chunk${run.chunks === 1 ? '' : 's'} (${run.sealedBytes.toLocaleString('en')} bytes with the header and a 16-byte tag per chunk), opened it again with the data key from KMS Decrypt: ${run.decryptedBytes.toLocaleString('en')} bytes, ${run.identical ? 'identical to your file, byte for byte' : 'NOT identical'}`,
          { tone: run.identical ? 'success' : 'danger' },
        );
      },
      async 'encrypt-files'(event) {
        const strategy = event.strategy === 'per-file' || event.strategy === 'reuse' ? event.strategy : undefined;
        const files = typeof event.files === 'number' && Number.isInteger(event.files) && event.files >= 1 && event.files <= MAX_FILES ? event.files : undefined;
        if (!strategy || !files) {
          net.note(ACTORS.app, `has no plan to run: choose 1 to ${MAX_FILES} files and a strategy`, { tone: 'warning' });
          return;
        }
        state.fileRuns.push(await runFiles(kms, directKms(kms, contextOf(APP_ARN)), strategy, files, net));
        sync();
      },
      async 'provision-container'() {
        const container = 'containers/batch-42';
        const context: EncryptionContext = { container };
        net.note(ACTORS.provisioner, `creates ${container} and needs a data key for it, but will never encrypt anything itself`);
        const made = await drawnCall(ACTORS.provisioner, PROVISIONER_ARN, 'GenerateDataKeyWithoutPlaintext', { KeyId: KEY_ALIAS, KeySpec: 'AES_256', EncryptionContext: context }, [metadataPayload('KeyId', KEY_ALIAS), metadataPayload('KeySpec', 'AES_256'), metadataPayload('EncryptionContext', describeContext(context))], (output) => [
          bytesPayload('encrypted-key', 'CiphertextBlob (the only copy it gets)', output.CiphertextBlob as Bytes),
        ]);
        sync();
        if (!made.ok) return;
        const responseFields = Object.keys(made.output).filter((k) => made.output[k] !== undefined).sort();
        net.note(ACTORS.provisioner, `stores the encrypted data key with ${container}. The response had ${responseFields.join(', ')}: no Plaintext, so no plaintext data key ever existed here`, { tone: 'success' });
        net.note(ACTORS.worker, `later fills ${container}: it asks KMS to decrypt the container's data key, encrypts the batch locally and erases the key`);
        const batch = utf8('batch 42: 1,204 orders, totals by region');
        const before = kms.audit.events.length;
        const opened = await kmsAs(ACTORS.worker, WORKER_ARN)('Decrypt', { CiphertextBlob: made.output.CiphertextBlob, EncryptionContext: context });
        let workerSealed = false;
        if (opened.ok) {
          const { iv, ciphertext } = await encryptWithDataKey(opened.output.Plaintext as Bytes, batch, canonicalContext(context));
          workerSealed = ciphertext.length > 0 && iv.length > 0;
          net.note(ACTORS.worker, `encrypted the batch (${ciphertext.length} bytes with its tag) and erased the data key`, { tone: 'success', carries: [bytesPayload('ciphertext', 'batch 42 (encrypted)', ciphertext)] });
        }
        sync();
        state.withoutPlaintext = { responseFields, provisionerHeldPlaintext: responseFields.includes('Plaintext'), workerSealed, workerDecryptCalls: apiCalls(kms.audit.events.slice(before)).filter((e) => e.eventName === 'Decrypt').length };
      },
      async 'generate-random'() {
        const sizes: number[] = [];
        for (const [count, purpose] of [
          [12, 'an AES-GCM IV'],
          [32, 'a session token'],
        ] as const) {
          const result = await drawnCall(ACTORS.app, APP_ARN, 'GenerateRandom', { NumberOfBytes: count }, [metadataPayload('NumberOfBytes', String(count)), metadataPayload('KeyId', '(none: not tied to a key)')], (output) => [
            bytesPayload('metadata', `Plaintext: ${count} random bytes for ${purpose}`, output.Plaintext as Bytes),
          ]);
          if (result.ok) sizes.push((result.output.Plaintext as Bytes).length);
        }
        const tooMany = RANDOM_MAX_BYTES + 1;
        const refused = await drawnCall(ACTORS.app, APP_ARN, 'GenerateRandom', { NumberOfBytes: tooMany }, [metadataPayload('NumberOfBytes', String(tooMany))], () => []);
        sync();
        state.random = {
          sizes,
          keyIdSent: false,
          tooMany: refused.ok ? { numberOfBytes: tooMany, code: 'returned', message: '' } : { numberOfBytes: tooMany, code: refused.error.code, message: refused.error.message },
        };
        net.note(ACTORS.app, `got ${sizes.join(' and ')} random bytes, each call one symmetric request on the bill and the quota; asking for ${tooMany} gets ${state.random.tooMany.code}`, { tone: 'info' });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'envelope-encryption'),
    };
  },

  actions: {
    'seal-text': {
      label: 'Seal it',
      description: 'Type anything. The app asks KMS for a data key, encrypts your text locally, erases the key and stores the envelope. KMS and the archive report what they saw.',
      fields: [{ name: 'text', label: 'Your text', kind: 'text', default: 'Launch date: 14 March', maxLength: MAX_TEXT_CHARS }],
      toEvent: (input) => ({ type: 'seal-own', text: validText(input.text) }),
    },
    'open-report': {
      label: 'Open the envelope',
      description: `The app sends the report's encrypted data key to KMS Decrypt with the encryption context you write, then decrypts the file locally.`,
      fields: [{ name: 'context', label: 'Encryption context (key=value, comma separated)', kind: 'text', default: 'purpose=quarterly-report', maxLength: 300 }],
      toEvent: (input) => {
        const context = parseContext(input.context);
        return { type: 'open-report', context: Object.entries(context).map(([k, v]) => `${k}=${v}`).join(', ') };
      },
    },
    'encrypt-own-file': {
      label: 'Encrypt and decrypt my file',
      description: 'Pick or drop any file. It never leaves this page: one GenerateDataKey, then the file is encrypted and decrypted in 1 MiB chunks in a Web Worker, and both results can be downloaded.',
      fields: [{ name: 'file', label: 'Your file', kind: 'file' }],
      toEvent: (input) => {
        const token = (input.file ?? '').trim();
        if (!isLearnerFileToken(token)) throw new Error('Pick or drop a file first.');
        return { type: 'own-file', file: token };
      },
    },
    'encrypt-files': {
      label: 'Encrypt and read back',
      description: 'The app encrypts that many small files, then reads each one back. CloudTrail counts the KMS calls; the cost is scaled to 10 million files a month.',
      fields: [
        { name: 'files', label: `Files (1–${MAX_FILES})`, kind: 'number', default: '20' },
        { name: 'strategy', label: 'Data keys', kind: 'select', default: 'per-file', options: (Object.keys(STRATEGIES) as Strategy[]).map((id) => ({ value: id, label: STRATEGIES[id] })) },
      ],
      toEvent: (input) => ({ type: 'encrypt-files', files: validFiles(input.files), strategy: validStrategy(input.strategy) }),
    },
  },

  checks: {
    encryptRefusedTooBig: {
      description: 'KMS Encrypt refuses the 1 MB file with a ValidationException',
      test: (state) => state.encryptAttempt?.code === 'ValidationException',
    },
    dataKeyInTwoForms: {
      description: 'GenerateDataKey returns the data key as Plaintext and as CiphertextBlob',
      test: (state) => state.dataKey?.plaintextBytes === 32 && state.dataKey.ciphertextBlobBytes > 32,
    },
    reportStoredWithoutPlaintextKey: {
      description: 'The report is encrypted locally, the plaintext data key is erased, and the stored envelope holds neither',
      test: (state) => state.report !== undefined && !state.report.containsPlaintext && !state.report.containsDataKey && state.heldDataKey !== undefined && isZero(state.heldDataKey),
    },
    ownTextSealed: {
      description: 'Seal text of your own: KMS receives only the GenerateDataKey request, and the stored envelope does not contain your text',
      test: (state) => state.ownSeals.some((s) => s.stored !== undefined && !s.stored.containsPlaintext && !s.textSentToKms && s.kmsRequests.length === 1 && s.kmsRequests[0].operation === 'GenerateDataKey'),
    },
    openedWithRightContext: {
      description: 'Open the report once with a wrong encryption context (refused) and once with the right one (the file comes back intact)',
      test: (state) => state.openings.some((o) => !o.contextMatched && o.outcome === 'InvalidCiphertextException') && state.openings.some((o) => o.contextMatched && o.outcome === 'decrypted' && o.intact === true),
    },
    comparedDataKeyStrategies: {
      description: 'Run the same number of files both ways, one data key per file and one reused data key, and compare the KMS calls',
      test: (state) => state.fileRuns.some((a) => a.strategy === 'per-file' && a.allRead && state.fileRuns.some((b) => b.strategy === 'reuse' && b.allRead && b.files === a.files)),
    },
    ownFileRoundTrip: {
      description: 'Encrypt a file of your own in chunks and decrypt it again: the copy matches the original in size and byte for byte',
      test: (state) => state.ownFiles.some((f) => !f.error && f.identical && f.decryptedBytes === f.bytes && f.sealedBytes > f.bytes),
    },
    keyForLaterWithoutPlaintext: {
      description: 'A provisioner gets a data key without its plaintext; a worker decrypts it later and uses it',
      test: (state) => state.withoutPlaintext !== undefined && !state.withoutPlaintext.provisionerHeldPlaintext && state.withoutPlaintext.workerSealed,
    },
    randomFromKms: {
      description: 'GenerateRandom returns exactly the bytes asked for, up to 1,024',
      test: (state) => state.random !== undefined && state.random.sizes.join() === '12,32' && state.random.tooMany.code === 'ValidationException',
    },
  },

  holdings(state) {
    const key = state.heldDataKey;
    const dataKey: Payload[] = !key
      ? [metadataPayload('plaintext data key', 'none yet')]
      : isZero(key)
        ? [metadataPayload('plaintext data key', `erased: ${key.length} zero bytes`)]
        : [bytesPayload('key', 'plaintext data key (in use: erase it next)', key, 8)];
    return {
      app: [
        ...dataKey,
        ...(state.dataKey ? [{ kind: 'encrypted-key', label: 'encrypted data key (CiphertextBlob)', bytes: state.dataKey.ciphertextBlobBytes } as Payload] : []),
        metadataPayload('IAM: role report-app may', 'kms:Encrypt, kms:GenerateDataKey, kms:Decrypt on reports; kms:GenerateRandom'),
      ],
      kms: [heldKeyPayload('reports (customer managed key): never leaves KMS')],
      archive: [
        ...(state.report ? [{ kind: 'ciphertext', label: `${state.report.file}: envelope`, bytes: state.report.bytes } as Payload] : []),
        ...state.ownSeals.flatMap((s) => (s.stored ? [{ kind: 'ciphertext', label: `${s.stored.file}: envelope`, bytes: s.stored.bytes } as Payload] : [])),
      ],
      provisioner: state.withoutPlaintext ? [{ kind: 'encrypted-key', label: 'encrypted data key of containers/batch-42 (no plaintext ever)' }] : [],
      worker: state.withoutPlaintext?.workerSealed ? [metadataPayload('plaintext data key', 'erased after encrypting the batch')] : [],
    };
  },

  notSimulated: [
    'The AWS Encryption SDK\'s message format: a header with the encryption context and one or more encrypted data keys, framed bodies (4,096-byte frames by default), a data key derived per message with HKDF, key commitment, and an ECDSA signature in its default algorithm suite. The envelope here holds the same parts in a simpler layout chosen for teaching; in production use the SDK, never a format of your own.',
    'Data key caching (reusing data keys within limits of age, messages and bytes, as the Encryption SDK\'s caching materials manager does) is a later lesson. The "reuse" choice here keeps one data key in memory with no limits, to show the trade-off only.',
    'Streaming: the 1 MB report is encrypted in one AES-GCM call in memory; your own file is encrypted in 1 MiB chunks in a format chosen for teaching (the Encryption SDK frames its messages in its own format).',
    'Keyrings with several KMS keys (one message openable by keys in several Regions or accounts), the Recipient parameter for Nitro Enclaves, and custom key stores for GenerateRandom.',
    'The TLS connection to KMS and SigV4 signing: the app is drawn calling KMS directly. Request sizes are the JSON bodies the KMS API receives.',
    'A JavaScript program cannot guarantee that no copy of a key remains in memory; the erase shown is the order that matters (use, then discard, never store).',
  ],
});

/** Whether `needle` occurs in `haystack` as bytes (the data key is binary, so not a text search). */
function containsBytesOf(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Encrypts `files` small files and reads each back, one data key per file or one for all, and
 * counts the KMS calls CloudTrail recorded. Silent calls (directKms) with one summary note: a
 * hundred arrows would hide the count, which is the point.
 */
async function runFiles(kms: Kms, invoke: KmsInvoker, strategy: Strategy, files: number, net: Network): Promise<FilesRun> {
  const before = kms.audit.events.length;
  const names = Array.from({ length: files }, (_, i) => `daily/report-${String(i + 1).padStart(3, '0')}.csv`);
  const bodyOf = (name: string) => utf8(`${name}: totals for the day`);
  const envelopes: Envelope[] = [];
  if (strategy === 'per-file') {
    for (const name of names) {
      const sealed = await sealEnvelope(invoke, { keyId: KEY_ALIAS, encryptionContext: { purpose: 'daily-report', file: name }, plaintext: bodyOf(name) });
      if (sealed.ok) envelopes.push(sealed.envelope);
    }
  } else {
    // One data key for every file: one context for all of them (the KMS call binds one), and the plaintext key stays in memory throughout.
    const context: EncryptionContext = { purpose: 'daily-report' };
    const made = await invoke('GenerateDataKey', { KeyId: KEY_ALIAS, KeySpec: 'AES_256', EncryptionContext: context });
    if (made.ok) {
      const key = made.output.Plaintext as Bytes;
      for (const name of names) {
        const { iv, ciphertext } = await encryptWithDataKey(new Uint8Array(key), bodyOf(name), canonicalContext(context));
        envelopes.push({ kmsKeyArn: made.output.KeyId as string, encryptionContext: context, encryptedDataKey: made.output.CiphertextBlob as Bytes, iv, ciphertext });
      }
      key.fill(0);
    }
  }
  // Reading back: one Decrypt per distinct encrypted data key; the reader keeps each data key only while it decrypts the files that share it.
  let read = 0;
  const byKey = new Map<string, Envelope[]>();
  for (const envelope of envelopes) {
    const id = encodeBase64(envelope.encryptedDataKey);
    byKey.set(id, [...(byKey.get(id) ?? []), envelope]);
  }
  for (const group of byKey.values()) {
    const opened = await invoke('Decrypt', { CiphertextBlob: group[0].encryptedDataKey, EncryptionContext: group[0].encryptionContext });
    if (!opened.ok) continue;
    const key = opened.output.Plaintext as Bytes;
    for (const envelope of group) {
      const plaintext = await decryptWithDataKey(new Uint8Array(key), envelope.iv, envelope.ciphertext, canonicalContext(envelope.encryptionContext));
      if (plaintext.length > 0) read++;
    }
    key.fill(0);
  }
  const calls = countCalls(kms.audit.events.slice(before));
  const generateDataKeyCalls = calls.GenerateDataKey ?? 0;
  const decryptCalls = calls.Decrypt ?? 0;
  const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
  const monthlyCalls = Math.round((totalCalls * FILES_PER_MONTH) / files);
  const run: FilesRun = { strategy, files, generateDataKeyCalls, decryptCalls, totalCalls, distinctDataKeys: byKey.size, allRead: read === files, monthlyCalls, monthlyCostUsd: monthlyRequestCostUsd(monthlyCalls) };
  net.note(ACTORS.app, `${STRATEGIES[strategy]}: ${files} files written and read back, ${read} intact. CloudTrail: ${generateDataKeyCalls} GenerateDataKey + ${decryptCalls} Decrypt = ${totalCalls} KMS calls, ${run.distinctDataKeys} data key${run.distinctDataKeys === 1 ? '' : 's'}`, {
    tone: run.allRead ? 'success' : 'danger',
  });
  net.note(ACTORS.kms, `at ${FILES_PER_MONTH.toLocaleString('en')} files a month the same way: ${monthlyCalls.toLocaleString('en')} requests, ${formatUsd(run.monthlyCostUsd)} a month after the 20,000 free requests ($0.03 per 10,000)`, {
    carries: [metadataPayload('requests per month', monthlyCalls.toLocaleString('en')), metadataPayload('request cost per month', formatUsd(run.monthlyCostUsd))],
  });
  return run;
}
