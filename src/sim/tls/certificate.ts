/**
 * Certificates, reduced to what the lesson needs to show: who the certificate is for (subject),
 * who vouches for it (issuer), the subject's public key, when it is valid (in model time), a serial
 * number, whether it may sign other certificates, and the issuer's signature over all of that.
 *
 * Not X.509/DER: the "to be signed" part has a small canonical encoding of its own (below), so that
 * the bytes that are signed are exactly the bytes a learner can inspect, and any change to any field
 * breaks the signature. The signature algorithm is the real one: ECDSA P-256 with SHA-256.
 */
import { ByteReader, ByteWriter, type Bytes } from './bytes';
import { exportSpki, sign } from './crypto';

export const SIGNATURE_ALGORITHM = 'ecdsa-p256-sha256';
/** Marks the encoding (and its version), so bytes of another structure can never parse as a certificate. */
const ENCODING_TAG = 'kms-lab-certificate/1';

export interface CertificateFields {
  /** Hex serial number, unique per issuer. */
  serial: string;
  /** The name the certificate vouches for: a host name for a server, the CA's name for a CA. */
  subject: string;
  /** The name of the CA that signed it (a self-signed certificate names itself). */
  issuer: string;
  /** Validity window in model time (ms since the epoch), both ends inclusive. */
  notBefore: number;
  notAfter: number;
  /** The subject's ECDSA P-256 public key, as SubjectPublicKeyInfo (SPKI) bytes. */
  subjectPublicKey: Bytes;
  /** May this certificate's key sign other certificates? (X.509's basicConstraints cA.) */
  isCA: boolean;
}

export interface Certificate extends CertificateFields {
  /** The issuer's ECDSA P-256 / SHA-256 signature over `encodeToBeSigned(fields)`, raw r ‖ s. */
  signature: Bytes;
}

/** The canonical bytes an issuer signs. Field order and widths are fixed; nothing is optional. */
export function encodeToBeSigned(fields: CertificateFields): Bytes {
  return new ByteWriter()
    .text(ENCODING_TAG, 1)
    .text(fields.serial, 1)
    .text(fields.subject)
    .text(fields.issuer)
    .u64(fields.notBefore)
    .u64(fields.notAfter)
    .vector(fields.subjectPublicKey)
    .u8(fields.isCA ? 1 : 0)
    .text(SIGNATURE_ALGORITHM, 1)
    .bytes();
}

/** The whole certificate as it travels in a handshake: to-be-signed bytes, then the signature. */
export function encodeCertificate(certificate: Certificate): Bytes {
  return new ByteWriter().vector(encodeToBeSigned(certificate), 3).vector(certificate.signature, 1).bytes();
}

export function decodeCertificate(bytes: Uint8Array): Certificate {
  const outer = new ByteReader(bytes);
  const tbs = new ByteReader(outer.vector(3));
  const signature = outer.vector(1);
  outer.end();
  const tag = tbs.text(1);
  if (tag !== ENCODING_TAG) throw new Error(`not a certificate (encoding "${tag}")`);
  const fields: CertificateFields = {
    serial: tbs.text(1),
    subject: tbs.text(),
    issuer: tbs.text(),
    notBefore: tbs.u64(),
    notAfter: tbs.u64(),
    subjectPublicKey: tbs.vector(),
    isCA: tbs.u8() === 1,
  };
  const algorithm = tbs.text(1);
  if (algorithm !== SIGNATURE_ALGORITHM) throw new Error(`unsupported signature algorithm "${algorithm}"`);
  tbs.end();
  return { ...fields, signature };
}

/**
 * Signs certificate fields with a private key. Whoever holds a key can call this with any issuer
 * name: that is exactly what a forger does. Only the verifier's check against the *trusted* key of
 * the named issuer tells a genuine certificate from a forged one.
 */
export async function signCertificate(fields: CertificateFields, signingKey: CryptoKey): Promise<Certificate> {
  return { ...fields, signature: await sign(signingKey, encodeToBeSigned(fields)) };
}

/** Certificate fields for `subject`'s public key, valid from `notBefore` for `validityMs`. */
export async function certificateFields(request: {
  serial: string;
  subject: string;
  issuer: string;
  publicKey: CryptoKey;
  notBefore: number;
  validityMs: number;
  isCA?: boolean;
}): Promise<CertificateFields> {
  return {
    serial: request.serial,
    subject: request.subject,
    issuer: request.issuer,
    notBefore: request.notBefore,
    notAfter: request.notBefore + request.validityMs,
    subjectPublicKey: await exportSpki(request.publicKey),
    isCA: request.isCA ?? false,
  };
}

export const isSelfSigned = (certificate: CertificateFields): boolean => certificate.subject === certificate.issuer;

/** A model-time date as learners read it: "2026-03-01". */
export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** One line a learner can read: "bank.example, issued by KMS Lab Root CA, valid 2025-12-01 to 2026-03-01, serial 3f9a…". */
export function describeCertificate(certificate: CertificateFields): string {
  const issuedBy = isSelfSigned(certificate) ? 'self-signed' : `issued by ${certificate.issuer}`;
  const role = certificate.isCA ? 'CA certificate' : 'certificate';
  return `${role} for ${certificate.subject}, ${issuedBy}, valid ${formatDate(certificate.notBefore)} to ${formatDate(certificate.notAfter)}, serial ${certificate.serial}`;
}
