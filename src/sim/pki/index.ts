/**
 * Public keys outside KMS: what a party without AWS access does with a downloaded public key.
 *
 *   pem.ts            spkiToPem / pemToSpki: GetPublicKey's DER bytes as the PEM text people hand over
 *   outside-party.ts  OutsideParty: encrypts with RSA-OAEP and verifies signatures with WebCrypto, holding only a PEM
 */
export { spkiToPem, pemToSpki } from './pem';
export { OutsideParty, PlaintextTooLargeError } from './outside-party';
