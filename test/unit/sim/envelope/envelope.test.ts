/**
 * Client-side envelope encryption against the real simulated KMS: the seal and open paths, who may
 * open an envelope, what a wrong encryption context or a changed byte does, the stored layout, and
 * the drawn calls.
 */
import { describe, expect, it } from 'vitest';
import { createKms, type KmsCaller } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createEventStream, type MessageEvent } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import {
  canonicalContext,
  decodeEnvelope,
  describeContext,
  directKms,
  drawnKms,
  encodeEnvelope,
  encodeSealedParts,
  envelopeHeaderText,
  envelopeLayout,
  openEnvelope,
  sameContext,
  sealEnvelope,
  TAG_BYTES,
  type KmsInvoker,
} from '../../../../src/sim/envelope';
import { createNetwork } from '../../../../src/sim/network/network';
import { containsText } from '../../../../src/sim/storage';
import { fromUtf8, utf8 } from '../../../../src/sim/tls/bytes';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-2';
const SECRET = 'The merger closes on 3 November';
const CONTEXT = { purpose: 'board-notes', file: 'merger.txt' };
const policy = (name: string, actions: string[]) => ({ name, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } });
const admin: KmsCaller = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, identityPolicies: [policy('AdministratorAccess', ['*'])] };
const writer: KmsCaller = { arn: `arn:aws:iam::${ACCOUNT}:user/writer`, identityPolicies: [policy('write', ['kms:GenerateDataKey'])] };
const reader: KmsCaller = { arn: `arn:aws:iam::${ACCOUNT}:user/reader`, identityPolicies: [policy('read', ['kms:Decrypt'])] };
const stranger: KmsCaller = { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, identityPolicies: [] };

async function world() {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const rng = createRng(3);
  const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });
  const created = await kms.call('CreateKey', { Description: 'notes' }, { caller: admin, region: REGION });
  const keyArn = (created.KeyMetadata as { Arn: string }).Arn;
  const as = (caller: KmsCaller) => directKms(kms, { caller, region: REGION });
  return { clock, stream, rng, kms, keyArn, as };
}

async function sealed(w: Awaited<ReturnType<typeof world>>) {
  const result = await sealEnvelope(w.as(writer), { keyId: w.keyArn, encryptionContext: CONTEXT, plaintext: utf8(SECRET) });
  if (!result.ok) throw new Error(`seal failed: ${result.error.code}`);
  return result;
}

describe('sealEnvelope', () => {
  it('asks KMS for one AES-256 data key with the context, encrypts locally, erases the plaintext data key, and keeps only its encrypted copy', async () => {
    const w = await world();
    const seen: Uint8Array[] = [];
    const watching: KmsInvoker = async (operation, input) => {
      const result = await w.as(writer)(operation, input);
      if (result.ok) seen.push(result.output.Plaintext as Uint8Array);
      return result;
    };
    const result = await sealEnvelope(watching, { keyId: w.keyArn, encryptionContext: CONTEXT, plaintext: utf8(SECRET) });
    if (!result.ok) throw new Error('seal failed');
    const calls = w.kms.audit.events.filter((e) => e.eventType === 'AwsApiCall').slice(1);
    expect(calls.map((c) => [c.eventName, c.requestParameters?.keySpec, c.requestParameters?.encryptionContext])).toEqual([['GenerateDataKey', 'AES_256', CONTEXT]]);
    expect(seen).toHaveLength(1);
    expect(seen[0].length).toBe(32);
    expect(seen[0].every((b) => b === 0)).toBe(true);
    expect(result.envelope.kmsKeyArn).toBe(w.keyArn);
    expect(result.envelope.ciphertext.length).toBe(utf8(SECRET).length + TAG_BYTES);
    expect(containsText(result.bytes, SECRET)).toBe(false);
    expect(containsText(result.bytes, 'merger.txt')).toBe(true); // the context is readable: never put secrets in it
  });

  it('encrypts nothing when KMS refuses the data key, and returns the refusal', async () => {
    const w = await world();
    const result = await sealEnvelope(w.as(stranger), { keyId: w.keyArn, encryptionContext: CONTEXT, plaintext: utf8(SECRET) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('AccessDeniedException');
  });

  it('gives two seals of the same text different data keys, IVs and ciphertexts', async () => {
    const w = await world();
    const [a, b] = [await sealed(w), await sealed(w)];
    expect(a.envelope.encryptedDataKey).not.toEqual(b.envelope.encryptedDataKey);
    expect(a.envelope.iv).not.toEqual(b.envelope.iv);
    expect(a.envelope.ciphertext).not.toEqual(b.envelope.ciphertext);
  });
});

describe('openEnvelope', () => {
  it('opens for a reader with kms:Decrypt, from the stored bytes alone (no KeyId needed)', async () => {
    const w = await world();
    const { bytes } = await sealed(w);
    const opened = await openEnvelope(w.as(reader), decodeEnvelope(bytes));
    expect(opened).toMatchObject({ ok: true, kmsKeyArn: w.keyArn });
    if (opened.ok) expect(fromUtf8(opened.plaintext)).toBe(SECRET);
  });

  it('refuses a principal without kms:Decrypt with KMS\'s AccessDeniedException, at the KMS stage', async () => {
    const w = await world();
    const { envelope } = await sealed(w);
    const opened = await openEnvelope(w.as(stranger), envelope);
    expect(opened).toMatchObject({ ok: false, stage: 'kms' });
    if (!opened.ok && opened.stage === 'kms') {
      expect(opened.error.code).toBe('AccessDeniedException');
      expect(opened.error.message).toBe(`User: ${stranger.arn} is not authorized to perform: kms:Decrypt on resource: ${w.keyArn} because no identity-based policy allows the kms:Decrypt action`);
    }
  });

  it('answers a different encryption context with InvalidCiphertextException and an empty message, as AWS does', async () => {
    const w = await world();
    const { envelope } = await sealed(w);
    const opened = await openEnvelope(w.as(reader), envelope, { encryptionContext: { ...CONTEXT, file: 'other.txt' } });
    expect(opened).toMatchObject({ ok: false, stage: 'kms' });
    if (!opened.ok && opened.stage === 'kms') expect([opened.error.code, opened.error.message]).toEqual(['InvalidCiphertextException', '']);
    // The same pairs in another order are the same context.
    const reordered = await openEnvelope(w.as(reader), envelope, { encryptionContext: { file: 'merger.txt', purpose: 'board-notes' } });
    expect(reordered.ok).toBe(true);
  });

  it('fails locally when a byte of the ciphertext changed: KMS returns the data key, the AES-GCM tag does not verify', async () => {
    const w = await world();
    const { envelope } = await sealed(w);
    const flipped = new Uint8Array(envelope.ciphertext);
    flipped[0] ^= 1;
    const opened = await openEnvelope(w.as(reader), { ...envelope, ciphertext: flipped });
    expect(opened).toMatchObject({ ok: false, stage: 'local' });
  });
});

describe('the envelope record', () => {
  it('round-trips, and lays out header, encrypted data key, IV, ciphertext and tag without gaps', async () => {
    const w = await world();
    const { envelope, bytes } = await sealed(w);
    expect(decodeEnvelope(bytes)).toEqual(envelope);
    expect(encodeEnvelope(envelope)).toEqual(bytes);
    const layout = envelopeLayout(envelope);
    expect(layout.map((r) => [r.part, r.readable])).toEqual([
      ['header', true],
      ['encrypted data key', false],
      ['IV', true],
      ['ciphertext', false],
      ['authentication tag', true],
    ]);
    expect(layout[0].from).toBe(0);
    for (let i = 1; i < layout.length; i++) expect(layout[i].from).toBe(layout[i - 1].to);
    expect(layout.at(-1)!.to).toBe(bytes.length);
    expect(fromUtf8(bytes.subarray(2, layout[0].to))).toBe(envelopeHeaderText(envelope));
    expect(JSON.parse(envelopeHeaderText(envelope))).toEqual({ format: 'kms-lab-envelope/1', algorithm: 'AES-256-GCM', kmsKeyArn: w.keyArn, encryptionContext: CONTEXT });
  });

  it('refuses bytes that are not an envelope', () => {
    expect(() => decodeEnvelope(utf8('hello'))).toThrow();
    const otherHeader = encodeSealedParts({ header: '{"format":"something-else"}', encryptedDataKey: new Uint8Array(4), iv: new Uint8Array(12), ciphertext: new Uint8Array(16) });
    expect(() => decodeEnvelope(otherHeader)).toThrow('not a kms-lab-envelope/1 envelope');
    expect(() => decodeEnvelope(new Uint8Array([0, 2, 0x7b, 0x7d]))).toThrow('truncated');
  });
});

describe('encryption context helpers', () => {
  it('are order-independent and describe the pairs', () => {
    expect(canonicalContext({ b: '2', a: '1' })).toBe(canonicalContext({ a: '1', b: '2' }));
    expect(sameContext({ a: '1' }, { a: '2' })).toBe(false);
    expect(describeContext(CONTEXT)).toBe('purpose = board-notes, file = merger.txt');
    expect(describeContext({})).toBe('(none)');
  });
});

describe('drawnKms', () => {
  it('draws each call as a request and KMS\'s answer, with the refusal explained', async () => {
    const w = await world();
    const net = createNetwork({ stream: w.stream, clock: w.clock, rng: w.rng });
    const draw = (caller: KmsCaller) => drawnKms({ net, kms: w.kms, from: 'client', kmsActor: 'kms', context: { caller, region: REGION } });
    const result = await sealEnvelope(draw(writer), { keyId: w.keyArn, encryptionContext: CONTEXT, plaintext: utf8(SECRET) });
    if (!result.ok) throw new Error('seal failed');
    await openEnvelope(draw(stranger), result.envelope);
    const messages = w.stream.events.filter((e): e is MessageEvent => e.type === 'message');
    expect(messages.map((m) => `${m.from}>${m.to} ${m.label}`)).toEqual(['client>kms kms:GenerateDataKey', 'kms>client GenerateDataKey result', 'client>kms kms:Decrypt', 'kms>client AccessDeniedException']);
    expect(messages[0].carries.find((p) => p.label === 'EncryptionContext')?.preview).toBe('purpose = board-notes, file = merger.txt');
    expect(messages[1].carries.map((p) => p.kind)).toEqual(['key', 'encrypted-key']);
    expect(w.stream.events.some((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('refuses:'))).toBe(true);
  });
});
