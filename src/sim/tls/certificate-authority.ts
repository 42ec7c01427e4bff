/**
 * A certificate authority: an ECDSA P-256 key pair whose private half never leaves WebCrypto, a
 * self-signed root certificate (what browsers ship in their trust stores), and `issue`, which
 * signs a certificate for a subject's public key.
 *
 * Not simulated: how a real CA checks that the requester controls the name (ACME challenges,
 * organisation validation). Here `issue` signs whatever it is asked to.
 */
import type { Rng } from '../core/rng';
import { certificateFields, signCertificate, type Certificate } from './certificate';
import { generateSigningKeyPair } from './crypto';

export interface IssueRequest {
  subject: string;
  publicKey: CryptoKey;
  notBefore: number;
  validityMs: number;
  /** Issue an intermediate CA certificate rather than an end-entity (server) certificate. */
  isCA?: boolean;
}

export interface CertificateAuthority {
  readonly name: string;
  /** The self-signed root certificate: what a client puts in its trust store. */
  readonly certificate: Certificate;
  issue(request: IssueRequest): Promise<Certificate>;
}

/** Serial numbers come from the seeded Rng: shown to learners, not secret, identical on replay. */
export const newSerial = (rng: Rng): string => rng.hex(16);

export async function createCertificateAuthority(options: {
  name: string;
  rng: Rng;
  notBefore: number;
  validityMs: number;
}): Promise<CertificateAuthority> {
  const { name, rng } = options;
  const keys = await generateSigningKeyPair();
  const certificate = await signCertificate(
    await certificateFields({
      serial: newSerial(rng),
      subject: name,
      issuer: name,
      publicKey: keys.publicKey,
      notBefore: options.notBefore,
      validityMs: options.validityMs,
      isCA: true,
    }),
    keys.privateKey,
  );
  return {
    name,
    certificate,
    async issue(request) {
      const fields = await certificateFields({ ...request, serial: newSerial(rng), issuer: name });
      return signCertificate(fields, keys.privateKey);
    },
  };
}
