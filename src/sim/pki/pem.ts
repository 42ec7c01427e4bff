/**
 * PEM: a DER SubjectPublicKeyInfo in base64 between BEGIN/END lines, 64 characters a line, the way
 * `openssl` writes it. GetPublicKey returns the DER bytes; people mail, paste and publish the PEM.
 */
import type { Bytes } from '../../kms/crypto/bytes';

const BEGIN = '-----BEGIN PUBLIC KEY-----';
const END = '-----END PUBLIC KEY-----';

export function spkiToPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return [BEGIN, ...lines, END, ''].join('\n');
}

/** The DER bytes of the first PUBLIC KEY block; throws on anything else (a private key, a certificate, junk). */
export function pemToSpki(pem: string): Bytes {
  const start = pem.indexOf(BEGIN);
  const end = pem.indexOf(END, start + BEGIN.length);
  if (start === -1 || end === -1) throw new Error('not a PEM public key: expected -----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----');
  const body = pem.slice(start + BEGIN.length, end).replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('not a PEM public key: the body is not base64');
  const binary = atob(body);
  const der = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return der;
}
