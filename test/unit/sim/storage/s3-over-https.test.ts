/**
 * A client uploading to and downloading from the object store over TLS (WebWorld without an
 * eavesdropper, its certificate issued before the story starts): plaintext exists at the client
 * and inside S3, ciphertext on the wire and on the disk.
 */
import { describe, expect, it } from 'vitest';
import { createKms, type KmsCaller } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createEventStream, type MessageEvent } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { formatRequest } from '../../../../src/sim/network/http';
import { bucketHost, containsText, errorDocument, ObjectStore, S3OverHttps } from '../../../../src/sim/storage';
import { WebWorld } from '../../../../src/sim/tls';
import { fromUtf8 } from '../../../../src/sim/tls/bytes';

const REGION = 'eu-west-2';
const SECRET = 'The merger closes on 3 March';
const app: KmsCaller = { arn: 'arn:aws:sts::111122223333:assumed-role/report-app/web-1' };

async function world() {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const rng = createRng(11);
  const web = await WebWorld.create({ rng, clock, stream, host: bucketHost('reports', REGION), caName: 'Amazon Root CA 3', actors: { client: 'app', server: 's3', ca: 'ca' } });
  await web.issueCertificate({ quietly: true });
  const kms = createKms({ clock, rng: rng.fork(), accountId: '111122223333' });
  const store = await ObjectStore.create({ net: web.net, kms, region: REGION, accountId: '111122223333', actors: { service: 's3', kms: 'kms', disk: 'disk' } });
  store.createBucket('reports', { algorithm: 'aws:kms' });
  return { stream, web, store, s3: new S3OverHttps(web, store, 'reports', 'app') };
}

describe('S3OverHttps', () => {
  it('uploads inside TLS: handshake first, no CA and no eavesdropper drawn, the plaintext never on the wire', async () => {
    const w = await world();
    expect(w.stream.events).toEqual([]); // the quietly issued certificate draws nothing
    const put = await w.s3.putObject(app, 'q3.txt', SECRET, 'report');
    expect(put.ok).toBe(true);
    const messages = w.stream.events.filter((e): e is MessageEvent => e.type === 'message');
    expect(messages.some((m) => m.from === 'ca' || m.to === 'ca' || m.observedBy)).toBe(false);
    expect(messages.map((m) => m.label).slice(0, 1)).toEqual(['ClientHello']);
    const onWire = messages.filter((m) => m.label === 'Application data');
    expect(onWire.map((m) => `${m.from}>${m.to}`)).toEqual(['app>s3', 's3>app']);
    for (const record of onWire) expect(record.carries.every((p) => p.kind === 'ciphertext' && !p.preview?.includes('merger'))).toBe(true);
    // S3 decrypted the TLS record: the PUT request with the plaintext body, then the encryption at rest.
    const s3Notes = w.stream.events.filter((e) => e.type === 'note' && e.actor === 's3');
    expect(s3Notes.some((n) => n.type === 'note' && n.carries?.some((p) => p.kind === 'plaintext' && p.preview?.includes(SECRET)))).toBe(true);
    expect(containsText(w.store.disk.image(), SECRET)).toBe(false);
  });

  it('downloads: S3 decrypts at rest, then the plaintext travels back inside TLS', async () => {
    const w = await world();
    await w.s3.putObject(app, 'q3.txt', SECRET);
    const from = w.stream.events.length;
    const get = await w.s3.getObject(app, 'q3.txt');
    expect(get.ok && fromUtf8(get.Body)).toBe(SECRET);
    const labels = w.stream.events.slice(from).filter((e): e is MessageEvent => e.type === 'message').map((m) => m.label);
    expect(labels).toEqual(['Application data', 'read object', 'stored object', 'kms:Decrypt', 'Decrypt result', 'Application data']);
    const clientNote = w.stream.events.at(-1);
    expect(clientNote?.type === 'note' && clientNote.actor === 'app' && clientNote.carries?.[0].preview).toContain(SECRET);
  });

  it('sends S3\'s XML error inside TLS when KMS refuses', async () => {
    const w = await world();
    await w.s3.putObject(app, 'q3.txt', SECRET);
    const denied: KmsCaller = { arn: 'arn:aws:iam::444455556666:user/mallory' };
    const get = await w.s3.getObject(denied, 'q3.txt');
    expect(get).toMatchObject({ ok: false, status: 403, code: 'AccessDenied' });
    const answer = w.stream.events.at(-1);
    expect(answer?.type === 'note' && answer.carries?.[0].preview).toContain('403 Forbidden');
    expect(errorDocument({ status: 403, code: 'AccessDenied', message: 'no' })).toContain('<Code>AccessDenied</Code><Message>no</Message>');
  });
});

describe('formatRequest with a raw body', () => {
  it('writes extra headers after Host and a Content-Length in bytes', () => {
    expect(formatRequest({ method: 'PUT', path: '/a.txt', host: 'h', headers: { 'Content-Type': 'text/plain' }, body: 'héllo' })).toBe(
      'PUT /a.txt HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhéllo',
    );
  });
});

describe('WebWorld without an eavesdropper', () => {
  it('refuses attacks that need one, saying why', async () => {
    const w = await world();
    await expect(w.web.replay('GET / HTTP/1.1\r\n\r\n', 'x')).rejects.toThrow('no attacker on the wire');
  });
});
