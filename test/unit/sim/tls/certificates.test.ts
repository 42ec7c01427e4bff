import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_EPOCH, MS_PER_DAY } from '../../../../src/sim/core/clock';
import {
  certificateFields,
  createCertificateAuthority,
  decodeCertificate,
  encodeCertificate,
  encodeToBeSigned,
  forgeIdentity,
  generateSigningKeyPair,
  signCertificate,
  TlsServer,
  type Forgery,
} from '../../../../src/sim/tls';
import { importVerifyKey, verify } from '../../../../src/sim/tls/crypto';
import { CA_NAME, createWorld, HOST } from './world';

async function impostor(world: Awaited<ReturnType<typeof createWorld>>, forgery: Forgery) {
  const identity = await forgeIdentity(forgery, {
    host: HOST,
    trustedCa: CA_NAME,
    realChain: [world.serverCertificate],
    rng: world.rng,
    notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY,
    validityMs: 90 * MS_PER_DAY,
  });
  return new TlsServer({ chain: identity.chain, signingKey: identity.signingKey, rng: world.rng });
}

describe('certificates', () => {
  it('encodes canonically and round-trips; the CA signature covers every field', async () => {
    const world = await createWorld();
    const cert = world.serverCertificate;
    expect(decodeCertificate(encodeCertificate(cert))).toEqual(cert);
    const caKey = await importVerifyKey(world.ca.certificate.subjectPublicKey);
    expect(await verify(caKey, cert.signature, encodeToBeSigned(cert))).toBe(true);
    for (const changed of [{ subject: 'evil.example' }, { notAfter: cert.notAfter + 1 }, { serial: '00' }, { isCA: true }, { issuer: 'Other CA' }]) {
      expect(await verify(caKey, cert.signature, encodeToBeSigned({ ...cert, ...changed })), JSON.stringify(changed)).toBe(false);
    }
  });

  it('keeps CA and server private keys non-extractable', async () => {
    const keys = await generateSigningKeyPair();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
  });

  it('refuses a forged certificate that claims the trusted CA as issuer, with the precise reason', async () => {
    const world = await createWorld();
    const { client, result } = await world.connect({ server: await impostor(world, 'claims-trusted-ca'), serverActor: 'attacker' });
    expect(result).toMatchObject({ ok: false, refusedBy: 'client', message: 'Certificate' });
    expect(!result.ok && result.failure.reason).toBe('certificate signature does not verify against the trusted CA key "KMS Lab Root CA"');
    expect(!result.ok && result.failure.alert).toBe('bad_certificate');
    expect(client.connection).toBeUndefined();
    expect(client.state).toBe('closed');
    const outcomes = world.messages().map((m) => [m.label, m.outcome ?? 'delivered']);
    expect(outcomes).toEqual([
      ['ClientHello', 'delivered'],
      ['ServerHello', 'delivered'],
      ['Certificate', 'rejected'],
      ['CertificateVerify', 'dropped'],
      ['Finished', 'dropped'],
      ['Alert', 'delivered'],
    ]);
  });

  it('refuses a self-signed certificate: its issuer is not in the trust store', async () => {
    const world = await createWorld();
    const { result } = await world.connect({ server: await impostor(world, 'self-signed'), serverActor: 'attacker' });
    expect(!result.ok && result.failure).toMatchObject({
      code: 'unknown-issuer',
      alert: 'unknown_ca',
      reason: 'certificate issuer "bank.example" is not in the trust store (the certificate is self-signed)',
    });
  });

  it('refuses the real certificate presented by someone without its private key (CertificateVerify fails)', async () => {
    const world = await createWorld();
    const { result } = await world.connect({ server: await impostor(world, 'copied-certificate'), serverActor: 'attacker' });
    expect(result).toMatchObject({ ok: false, message: 'CertificateVerify' });
    expect(!result.ok && result.failure.code).toBe('bad-certificate-verify');
    expect(!result.ok && result.failure.reason).toContain('does not verify against the public key in the certificate for "bank.example"');
  });

  it('refuses an expired certificate', async () => {
    const world = await createWorld();
    world.clock.advance(61 * MS_PER_DAY); // issued 30 days before the epoch for 90 days: ends 2026-03-02
    const { result } = await world.connect();
    expect(!result.ok && result.failure).toMatchObject({
      code: 'expired',
      alert: 'certificate_expired',
      reason: 'certificate "bank.example" expired on 2026-03-02 (today is 2026-03-03)',
    });
  });

  it('refuses a certificate that is not valid yet', async () => {
    const world = await createWorld();
    const keys = await generateSigningKeyPair();
    const future = await world.ca.issue({ subject: HOST, publicKey: keys.publicKey, notBefore: DEFAULT_MODEL_EPOCH + 10 * MS_PER_DAY, validityMs: MS_PER_DAY });
    const { result } = await world.connect({ server: world.newServer([future], keys.privateKey) });
    expect(!result.ok && result.failure.code).toBe('not-yet-valid');
  });

  it('refuses a valid certificate for another host name', async () => {
    const world = await createWorld();
    const { result } = await world.connect({ host: 'login.example' });
    expect(!result.ok && result.failure).toMatchObject({
      code: 'name-mismatch',
      reason: 'certificate is for "bank.example", not for "login.example", the host the client dialled',
    });
  });

  it('accepts a chain through an intermediate CA, and refuses one whose "intermediate" is not a CA', async () => {
    const world = await createWorld();
    const intermediateKeys = await generateSigningKeyPair();
    const intermediateCert = await world.ca.issue({ subject: 'KMS Lab Issuing CA', publicKey: intermediateKeys.publicKey, notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY, validityMs: 365 * MS_PER_DAY, isCA: true });
    const leafKeys = await generateSigningKeyPair();
    const leaf = await signCertificate(
      await certificateFields({ serial: '01', subject: HOST, issuer: 'KMS Lab Issuing CA', publicKey: leafKeys.publicKey, notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY, validityMs: 30 * MS_PER_DAY }),
      intermediateKeys.privateKey,
    );
    const ok = await world.trustStore.verifyChain([leaf, intermediateCert], { host: HOST, now: world.clock.now() });
    expect(ok.ok).toBe(true);
    expect(ok.trace.map((c) => c.check)).toEqual(['issuer', 'signature', 'validity', 'issuer', 'signature', 'validity', 'name']);

    const notCa = await world.ca.issue({ subject: 'KMS Lab Issuing CA', publicKey: intermediateKeys.publicKey, notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY, validityMs: 365 * MS_PER_DAY });
    const refused = await world.trustStore.verifyChain([leaf, notCa], { host: HOST, now: world.clock.now() });
    expect(!refused.ok && refused.code).toBe('not-a-ca');
  });

  it('does not trust a certificate from a CA the client never installed, even a real one', async () => {
    const world = await createWorld();
    const otherCa = await createCertificateAuthority({ name: 'Other Root CA', rng: world.rng, notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY, validityMs: 3650 * MS_PER_DAY });
    const keys = await generateSigningKeyPair();
    const cert = await otherCa.issue({ subject: HOST, publicKey: keys.publicKey, notBefore: DEFAULT_MODEL_EPOCH - MS_PER_DAY, validityMs: 90 * MS_PER_DAY });
    const verdict = await world.trustStore.verifyChain([cert], { host: HOST, now: world.clock.now() });
    expect(!verdict.ok && verdict.reason).toBe('certificate issuer "Other Root CA" is not in the trust store');
  });
});
