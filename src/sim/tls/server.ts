/**
 * The server side of the handshake: answers a ClientHello with its whole flight (ServerHello with
 * a fresh ECDHE share, its certificate chain, a CertificateVerify signed with the certificate's
 * private key, and a Finished MAC), then waits for the client's Finished.
 *
 * The same class plays an impostor: give it a forged chain, or the real chain with a key that does
 * not match, and it behaves exactly as an attacker's server would. The client's checks catch it.
 */
import type { Rng } from '../core/rng';
import { seededBytes, type Bytes } from './bytes';
import type { Certificate } from './certificate';
import { failure, thrownFailure, type Failure } from './alerts';
import { Connection } from './connection';
import { agreeSharedSecret, exportKeyShare, generateKeyShare, hmac, hmacVerify, importKeyShare, sign } from './crypto';
import { HandshakeState, serverHandshakeMachine } from './handshake-machines';
import { deriveApplicationKeys, deriveFinishedKeys, type ApplicationKeys, type FinishedKeys } from './key-schedule';
import {
  decodeClientHello,
  decodeFinished,
  encodeCertificateMessage,
  encodeCertificateVerify,
  encodeFinished,
  encodeServerHello,
  type HandshakeName,
} from './messages';
import { certificateVerifyContent, Transcript } from './transcript';

export interface ServerFlightMessage {
  name: Exclude<HandshakeName, 'ClientHello'>;
  bytes: Bytes;
}

export type ServerResponse = { ok: true; serverName: string; flight: ServerFlightMessage[] } | Failure;
export type ServerStep = { ok: true; detail: string } | Failure;

export interface TlsServerOptions {
  /** Server certificate first, then any intermediates. */
  chain: Certificate[];
  /** The private key that signs CertificateVerify; for an honest server, the one matching chain[0]. */
  signingKey: CryptoKey;
  rng: Rng;
}

export class TlsServer {
  private readonly machine = new HandshakeState(serverHandshakeMachine);
  private readonly transcript = new Transcript();
  private finishedKeys: FinishedKeys | undefined;
  private applicationKeys: ApplicationKeys | undefined;
  private expectedClientFinished: Bytes | undefined;
  connection: Connection | undefined;

  constructor(private readonly options: TlsServerOptions) {}

  get state(): string {
    return this.machine.value;
  }

  async respond(clientHello: Bytes): Promise<ServerResponse> {
    let hello;
    try {
      this.machine.advance({ type: 'recv.ClientHello' });
      hello = decodeClientHello(clientHello);
    } catch (error) {
      this.machine.abort();
      return thrownFailure(error, 'ClientHello');
    }
    this.transcript.add(clientHello);
    const share = await generateKeyShare();
    const serverHello = encodeServerHello({ random: seededBytes(this.options.rng.hex, 32), keyShare: await exportKeyShare(share.publicKey) });
    this.transcript.add(serverHello);
    const shared = await agreeSharedSecret(share.privateKey, await importKeyShare(hello.keyShare));
    const helloHash = await this.transcript.hash();
    this.finishedKeys = await deriveFinishedKeys(shared, helloHash);

    const certificate = encodeCertificateMessage({ chain: this.options.chain });
    this.transcript.add(certificate);
    const certificateVerify = encodeCertificateVerify({
      signature: await sign(this.options.signingKey, certificateVerifyContent(await this.transcript.hash())),
    });
    this.transcript.add(certificateVerify);
    const finished = encodeFinished({ mac: await hmac(this.finishedKeys.server, await this.transcript.hash()) });
    this.transcript.add(finished);

    const afterServerFinished = await this.transcript.hash();
    this.applicationKeys = await deriveApplicationKeys(shared, helloHash, afterServerFinished);
    this.expectedClientFinished = afterServerFinished;
    this.machine.advance({ type: 'send.flight' });
    return {
      ok: true,
      serverName: hello.serverName,
      flight: [
        { name: 'ServerHello', bytes: serverHello },
        { name: 'Certificate', bytes: certificate },
        { name: 'CertificateVerify', bytes: certificateVerify },
        { name: 'Finished', bytes: finished },
      ],
    };
  }

  async receiveFinished(message: Bytes): Promise<ServerStep> {
    let mac: Bytes;
    try {
      this.machine.advance({ type: 'recv.Finished' });
      mac = decodeFinished(message).mac;
    } catch (error) {
      this.machine.abort();
      return thrownFailure(error, 'Finished');
    }
    if (!(await hmacVerify(this.finishedKeys!.client, mac, this.expectedClientFinished!))) {
      this.machine.abort();
      return failure('bad-finished', 'decrypt_error', 'the client\'s Finished MAC does not verify: the handshake was altered in transit');
    }
    const keys = this.applicationKeys!;
    this.connection = new Connection(keys.serverWrite, keys.clientWrite);
    return { ok: true, detail: 'checks the client\'s Finished MAC and derives the same session keys' };
  }
}
