/**
 * The client side of the handshake: sends a ClientHello with a fresh ECDHE share, then takes the
 * server's flight one message at a time, checking each before the next:
 *
 *   ServerHello        → ECDH with the server's share, finished keys from the hello hash
 *   Certificate        → the chain against the trust store: issuer, signature, validity, host name
 *   CertificateVerify  → the server's signature over the transcript, with the certificate's key:
 *                        proves the peer holds the certificate's private key (a copied certificate fails here)
 *   Finished           → the server's MAC over the transcript: nothing was changed in transit
 *
 * and then derives the application keys and answers with its own Finished.
 */
import type { Rng } from '../core/rng';
import { seededBytes, type Bytes } from './bytes';
import type { Certificate } from './certificate';
import { CHAIN_ALERTS, failure, thrownFailure, type Failure } from './alerts';
import { Connection } from './connection';
import { agreeSharedSecret, exportKeyShare, generateKeyShare, hmac, hmacVerify, importKeyShare, importVerifyKey, verify } from './crypto';
import { clientHandshakeMachine, HandshakeState, UnexpectedMessage } from './handshake-machines';
import { deriveApplicationKeys, deriveFinishedKeys, type FinishedKeys } from './key-schedule';
import { decodeCertificateMessage, decodeCertificateVerify, decodeFinished, decodeServerHello, encodeClientHello, encodeFinished } from './messages';
import { certificateVerifyContent, Transcript } from './transcript';
import type { ChainVerdict, TrustStore } from './trust-store';

export type ClientStep = { ok: true; detail: string; reply?: Bytes } | Failure;

export interface TlsClientOptions {
  trustStore: TrustStore;
  /** For the hello random (shown to learners): seeded, so replays print the same value. */
  rng: Rng;
  /** Model time, for certificate validity. */
  now: () => number;
}

export class TlsClient {
  private readonly machine = new HandshakeState(clientHandshakeMachine);
  private readonly transcript = new Transcript();
  private keyShare: CryptoKeyPair | undefined;
  private host = '';
  private shared: CryptoKey | undefined;
  private helloHash: Bytes | undefined;
  private finishedKeys: FinishedKeys | undefined;
  private serverKey: CryptoKey | undefined;
  /** The chain the server presented and the trust store's reasoning about it. */
  presentedChain: Certificate[] = [];
  chainVerdict: ChainVerdict | undefined;
  connection: Connection | undefined;

  constructor(private readonly options: TlsClientOptions) {}

  get state(): string {
    return this.machine.value;
  }

  async hello(host: string): Promise<Bytes> {
    this.machine.advance({ type: 'send.ClientHello' });
    this.host = host;
    this.keyShare = await generateKeyShare();
    const message = encodeClientHello({
      random: seededBytes(this.options.rng.hex, 32),
      keyShare: await exportKeyShare(this.keyShare.publicKey),
      serverName: host,
    });
    this.transcript.add(message);
    return message;
  }

  /** Processes the next message of the server's flight; a failure closes the handshake for good. */
  async receive(message: Bytes): Promise<ClientStep> {
    try {
      const step = await this.process(message);
      if (!step.ok) this.machine.abort();
      return step;
    } catch (error) {
      this.machine.abort();
      return thrownFailure(error, 'handshake message');
    }
  }

  private async process(message: Bytes): Promise<ClientStep> {
    switch (this.state) {
      case 'waitServerHello': {
        const hello = decodeServerHello(message);
        this.machine.advance({ type: 'recv.ServerHello' });
        this.transcript.add(message);
        this.shared = await agreeSharedSecret(this.keyShare!.privateKey, await importKeyShare(hello.keyShare));
        this.helloHash = await this.transcript.hash();
        this.finishedKeys = await deriveFinishedKeys(this.shared, this.helloHash);
        return { ok: true, detail: 'combines its ECDH private key with the key share it received: it now shares a secret with whoever sent that share' };
      }
      case 'waitCertificate': {
        const { chain } = decodeCertificateMessage(message);
        this.machine.advance({ type: 'recv.Certificate' });
        this.transcript.add(message);
        this.presentedChain = chain;
        const verdict = await this.options.trustStore.verifyChain(chain, { host: this.host, now: this.options.now() });
        this.chainVerdict = verdict;
        if (!verdict.ok) return failure(verdict.code, CHAIN_ALERTS[verdict.code], verdict.reason);
        this.serverKey = await importVerifyKey(chain[0].subjectPublicKey);
        return { ok: true, detail: `verifies the certificate: ${verdict.trace.map((c) => c.detail).join('; ')}` };
      }
      case 'waitCertificateVerify': {
        const { signature } = decodeCertificateVerify(message);
        this.machine.advance({ type: 'recv.CertificateVerify' });
        const signed = certificateVerifyContent(await this.transcript.hash());
        this.transcript.add(message);
        if (!(await verify(this.serverKey!, signature, signed))) {
          return failure(
            'bad-certificate-verify',
            'decrypt_error',
            `CertificateVerify signature does not verify against the public key in the certificate for "${this.presentedChain[0].subject}": the peer does not hold that certificate's private key`,
          );
        }
        return { ok: true, detail: 'checks CertificateVerify with the certificate\'s public key: the server holds the matching private key' };
      }
      case 'waitFinished': {
        const { mac } = decodeFinished(message);
        this.machine.advance({ type: 'recv.Finished' });
        const handshakeHash = await this.transcript.hash();
        if (!(await hmacVerify(this.finishedKeys!.server, mac, handshakeHash))) {
          return failure('bad-finished', 'decrypt_error', 'the server\'s Finished MAC does not verify: the handshake was altered in transit');
        }
        this.transcript.add(message);
        const afterServerFinished = await this.transcript.hash();
        const keys = await deriveApplicationKeys(this.shared!, this.helloHash!, afterServerFinished);
        this.connection = new Connection(keys.clientWrite, keys.serverWrite);
        const reply = encodeFinished({ mac: await hmac(this.finishedKeys!.client, afterServerFinished) });
        this.transcript.add(reply);
        return { ok: true, detail: 'checks the server\'s Finished MAC and derives the session keys with HKDF', reply };
      }
      default:
        throw new UnexpectedMessage(`no handshake message is expected in state ${this.state}`);
    }
  }
}
