/**
 * A ready-made world for lessons about the web: a browser, a web server with a certificate from a
 * certificate authority the browser trusts, and an attacker tapping the wire between browser and
 * server. Lessons drive it with a few verbs (post over plain HTTP, connect with TLS, send over
 * TLS, tamper, replay, impersonate) and read what happened from the event stream.
 *
 * Model time: the CA's root is valid for ten years, the server's certificate for 90 days starting
 * 30 days before the model epoch (Let's Encrypt's lifetime), so a lesson can advance the clock
 * past its expiry.
 */
import { MS_PER_DAY, type ModelClock } from '../core/clock';
import type { EventStream } from '../core/events';
import type { Rng } from '../core/rng';
import { findFormField, type Finding } from '../network/eavesdropper';
import { formatRequest, requestLine, type HttpRequest } from '../network/http';
import { createNetwork, type Network } from '../network/network';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../network/payloads';
import { forgeIdentity, replayInFlight, tamperInFlight, type Forgery } from './attacks';
import { utf8 } from './bytes';
import { encodeCertificate, type Certificate } from './certificate';
import { createCertificateAuthority, type CertificateAuthority } from './certificate-authority';
import { TlsClient } from './client';
import { generateSigningKeyPair } from './crypto';
import { certificatePayload, runHandshake, sendText, type HandshakeResult } from './session';
import { TlsServer } from './server';
import { createTrustStore, type TrustStore } from './trust-store';

export interface WebWorldActors {
  client: string;
  server: string;
  /** A passive eavesdropper on the wire between client and server; absent in worlds without one. */
  attacker?: string;
  ca: string;
}

export interface WebWorldOptions {
  rng: Rng;
  clock: ModelClock;
  stream: EventStream;
  host: string;
  caName: string;
  actors: WebWorldActors;
}

interface OpenConnection {
  client: TlsClient;
  server: TlsServer;
  /** Stream position where this connection's handshake began: the eavesdropper's view starts here. */
  since: number;
}

const CA_VALIDITY_MS = 3650 * MS_PER_DAY;
const SERVER_CERT_VALIDITY_MS = 90 * MS_PER_DAY;
const SERVER_CERT_AGE_MS = 30 * MS_PER_DAY;

export class WebWorld {
  readonly net: Network;
  /** The server's certificate, once the CA has issued it. */
  certificate: Certificate | undefined;
  private connection: OpenConnection | undefined;

  private constructor(
    private readonly options: WebWorldOptions,
    private readonly ca: CertificateAuthority,
    private readonly serverKeys: CryptoKeyPair,
    readonly trustStore: TrustStore,
  ) {
    this.net = createNetwork(options);
    // A passive eavesdropper on the path between browser and server (a shared Wi-Fi, a router).
    if (options.actors.attacker) this.net.tap(options.actors.attacker, [options.actors.client, options.actors.server]);
  }

  /** Builds keys and the CA silently: the world as it is before the lesson starts. */
  static async create(options: WebWorldOptions): Promise<WebWorld> {
    const now = options.clock.now();
    const ca = await createCertificateAuthority({ name: options.caName, rng: options.rng, notBefore: now - 365 * MS_PER_DAY, validityMs: CA_VALIDITY_MS });
    const serverKeys = await generateSigningKeyPair();
    return new WebWorld(options, ca, serverKeys, await createTrustStore([ca.certificate]));
  }

  get host(): string {
    return this.options.host;
  }
  get caName(): string {
    return this.options.caName;
  }
  get connectionOpen(): boolean {
    return this.connection?.client.connection?.isOpen === true && this.connection.server.connection?.isOpen === true;
  }

  /**
   * The server asks the CA for a certificate; the CA signs it. Emitted once; later calls return it.
   * `quietly`: the certificate is part of the world before the lesson starts (a lesson about what
   * happens after TLS), so nothing is drawn.
   */
  async issueCertificate(options: { quietly?: boolean } = {}): Promise<Certificate> {
    if (this.certificate) return this.certificate;
    if (options.quietly) {
      this.certificate = await this.ca.issue({
        subject: this.options.host,
        publicKey: this.serverKeys.publicKey,
        notBefore: this.options.clock.now() - SERVER_CERT_AGE_MS,
        validityMs: SERVER_CERT_VALIDITY_MS,
      });
      return this.certificate;
    }
    const { client, server, ca } = this.options.actors;
    const { host, caName } = this.options;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', this.serverKeys.publicKey));
    this.net.note(server, `has a key pair for ${host}: the private key stays on the server`, {
      carries: [heldKeyPayload('certificate private key'), bytesPayload('public-key', 'certificate public key (P-256)', spki)],
    });
    this.net.send({
      from: server,
      to: ca,
      label: 'Certificate request',
      carries: [metadataPayload('name', host), bytesPayload('public-key', 'certificate public key (P-256)', spki)],
      wire: spki,
    });
    this.certificate = await this.ca.issue({
      subject: host,
      publicKey: this.serverKeys.publicKey,
      notBefore: this.options.clock.now() - SERVER_CERT_AGE_MS,
      validityMs: SERVER_CERT_VALIDITY_MS,
    });
    this.net.note(ca, `checks that the requester controls ${host} (not simulated) and signs the certificate with its private key`, {
      carries: [heldKeyPayload(`${caName} private key`)],
    });
    this.net.send({
      from: ca,
      to: server,
      label: 'Signed certificate',
      carries: [
        certificatePayload(this.certificate),
        bytesPayload('signature', `signature by ${caName} (ECDSA P-256 / SHA-256)`, this.certificate.signature),
      ],
      wire: encodeCertificate(this.certificate),
    });
    this.net.note(client, `trusts ${caName}: its root certificate (with its public key) came installed in the browser's trust store`, {
      tone: 'info',
      carries: [bytesPayload('public-key', `${caName} public key`, this.ca.certificate.subjectPublicKey)],
    });
    return this.certificate;
  }

  /** A plain HTTP request: readable by anyone on the wire. */
  postPlain(request: HttpRequest, contents: string): void {
    const { client, server } = this.options.actors;
    const text = formatRequest(request);
    this.net.send({ from: client, to: server, label: requestLine(request), carries: [textPayload(contents, text)], wire: utf8(text) });
  }

  /** A plain HTTP response from the server. */
  respondPlain(label: string, text: string, contents: string): void {
    const { client, server } = this.options.actors;
    this.net.send({ from: server, to: client, label, carries: [textPayload(contents, text)], wire: utf8(text) });
  }

  /** A fresh TLS connection to the real server (the certificate is issued first if needed). */
  async connect(): Promise<HandshakeResult> {
    await this.issueCertificate();
    this.closeConnection();
    const since = this.options.stream.events.length;
    const client = this.newClient();
    const server = new TlsServer({ chain: [this.certificate!], signingKey: this.serverKeys.privateKey, rng: this.options.rng });
    const { actors, host } = this.options;
    const result = await runHandshake({ net: this.net, host, client: { actor: actors.client, tls: client }, server: { actor: actors.server, tls: server } });
    if (result.ok) this.connection = { client, server, since };
    return result;
  }

  /** Connects only if no connection is open (after a rejected record, TLS has closed it). */
  async ensureConnection(): Promise<OpenConnection> {
    if (!this.connectionOpen) {
      const result = await this.connect();
      if (!result.ok) throw new Error(`could not connect to ${this.host}: ${result.failure.reason}`);
    }
    return this.connection!;
  }

  async sendOverTls(text: string, contents: string) {
    const { client, server } = await this.ensureConnection();
    const { actors } = this.options;
    return sendText({ net: this.net, from: actors.client, to: actors.server, sender: client.connection!, receiver: server.connection!, text, contents });
  }

  async respondOverTls(text: string, contents: string) {
    const { client, server } = await this.ensureConnection();
    const { actors } = this.options;
    return sendText({ net: this.net, from: actors.server, to: actors.client, sender: server.connection!, receiver: client.connection!, text, contents });
  }

  async tamper(text: string, contents: string, byte: number) {
    const { client, server } = await this.ensureConnection();
    const { actors } = this.options;
    return tamperInFlight({ net: this.net, from: actors.client, to: actors.server, attacker: this.attacker(), sender: client.connection!, receiver: server.connection!, text, contents, byte });
  }

  async replay(text: string, contents: string) {
    const { client, server } = await this.ensureConnection();
    const { actors } = this.options;
    return replayInFlight({ net: this.net, from: actors.client, to: actors.server, attacker: this.attacker(), sender: client.connection!, receiver: server.connection!, text, contents });
  }

  /** The attacker answers the browser's connection itself, presenting a forged or copied certificate. */
  async impersonate(forgery: Forgery): Promise<HandshakeResult & { presented: string }> {
    const real = await this.issueCertificate();
    this.closeConnection();
    const { actors, host, caName, clock, rng } = this.options;
    const attacker = this.attacker();
    const impostor = await forgeIdentity(forgery, { host, trustedCa: caName, realChain: [real], rng, notBefore: clock.now() - MS_PER_DAY, validityMs: SERVER_CERT_VALIDITY_MS });
    this.net.note(attacker, `now sits in the middle: it answers the browser's connection to ${host} itself and presents ${impostor.description}`, {
      tone: 'warning',
      carries: [heldKeyPayload('attacker\'s own private key'), certificatePayload(impostor.chain[0])],
    });
    const server = new TlsServer({ chain: impostor.chain, signingKey: impostor.signingKey, rng });
    const result = await runHandshake({ net: this.net, host, client: { actor: actors.client, tls: this.newClient() }, server: { actor: attacker, tls: server } });
    return { ...result, presented: impostor.description };
  }

  /** What the eavesdropper can read for `field` in everything it captured since stream position `since`. */
  attackerFinds(field: string, since = 0): Finding[] {
    return findFormField(this.net.captured(this.attacker()).filter((c) => c.seq >= since), field);
  }

  /** Stream position where the open connection's handshake began. */
  get connectionSince(): number | undefined {
    return this.connection?.since;
  }

  /** The eavesdropper's actor id; attacks need one, so a world without one says so. */
  private attacker(): string {
    const { attacker } = this.options.actors;
    if (!attacker) throw new Error('this web world has no attacker on the wire (actors.attacker is not set)');
    return attacker;
  }

  private newClient(): TlsClient {
    return new TlsClient({ trustStore: this.trustStore, rng: this.options.rng, now: this.options.clock.now });
  }

  private closeConnection(): void {
    this.connection?.client.connection?.close();
    this.connection?.server.connection?.close();
    this.connection = undefined;
  }
}
