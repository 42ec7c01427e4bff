/** A small TLS world for the tests: a CA, a server certificate, a client that trusts the CA, a tapped wire. */
import { createModelClock, DEFAULT_MODEL_EPOCH, MS_PER_DAY } from '../../../../src/sim/core/clock';
import { createEventStream, type MessageEvent } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { createNetwork } from '../../../../src/sim/network/network';
import {
  createCertificateAuthority,
  createTrustStore,
  generateSigningKeyPair,
  runHandshake,
  TlsClient,
  TlsServer,
  type Certificate,
} from '../../../../src/sim/tls';

export const HOST = 'bank.example';
export const CA_NAME = 'KMS Lab Root CA';

export async function createWorld(seed = 7) {
  const clock = createModelClock();
  const rng = createRng(seed);
  const stream = createEventStream(clock.now);
  const net = createNetwork({ stream, clock, rng });
  net.tap('attacker');
  const ca = await createCertificateAuthority({ name: CA_NAME, rng, notBefore: DEFAULT_MODEL_EPOCH - 365 * MS_PER_DAY, validityMs: 3650 * MS_PER_DAY });
  const serverKeys = await generateSigningKeyPair();
  const serverCertificate = await ca.issue({
    subject: HOST,
    publicKey: serverKeys.publicKey,
    notBefore: DEFAULT_MODEL_EPOCH - 30 * MS_PER_DAY,
    validityMs: 90 * MS_PER_DAY,
  });
  const trustStore = await createTrustStore([ca.certificate]);

  const newClient = () => new TlsClient({ trustStore, rng, now: clock.now });
  const newServer = (chain: Certificate[] = [serverCertificate], signingKey = serverKeys.privateKey) => new TlsServer({ chain, signingKey, rng });

  /** A full handshake between a fresh client and `server` (the honest one by default). */
  async function connect(options: { host?: string; server?: TlsServer; serverActor?: string } = {}) {
    const client = newClient();
    const server = options.server ?? newServer();
    const result = await runHandshake({
      net,
      host: options.host ?? HOST,
      client: { actor: 'client', tls: client },
      server: { actor: options.serverActor ?? 'server', tls: server },
    });
    return { client, server, result };
  }

  const messages = () => stream.events.filter((e): e is MessageEvent => e.type === 'message');
  return { clock, rng, stream, net, ca, serverKeys, serverCertificate, trustStore, newClient, newServer, connect, messages };
}
