/**
 * The handshake transcript: every handshake message, in order, exactly as sent. Signatures and
 * MACs cover its hash, so an attacker who changes, drops or swaps any message (a key share, the
 * certificate) makes the CertificateVerify or the Finished check fail.
 */
import { concat, utf8, type Bytes } from './bytes';
import { sha256 } from './crypto';

export class Transcript {
  private readonly messages: Bytes[] = [];

  add(message: Bytes): void {
    this.messages.push(message);
  }

  hash(): Promise<Bytes> {
    return sha256(concat(...this.messages));
  }
}

/**
 * What the server signs in CertificateVerify, shaped as RFC 8446 §4.4.3: 64 spaces, a context
 * string, a zero byte, then the transcript hash. The context string keeps a signature made for
 * this purpose from being reused anywhere else.
 */
export function certificateVerifyContent(transcriptHash: Bytes): Bytes {
  return concat(new Uint8Array(64).fill(0x20), utf8('KMS Lab TLS, server CertificateVerify'), new Uint8Array([0]), transcriptHash);
}
