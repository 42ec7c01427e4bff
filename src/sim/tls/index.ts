/**
 * The TLS simulation's public surface: what scenarios and tests import.
 *
 * Real cryptography on WebCrypto (Node 20 and the page): ECDSA P-256 / SHA-256 certificates and
 * CertificateVerify, ECDHE P-256, HKDF-SHA256, HMAC-SHA256 Finished, AES-256-GCM records with
 * implicit sequence numbers. Shaped like TLS 1.3, simplified where the lesson does not need the
 * detail (each simplification is documented in the file that makes it):
 *
 *   certificate.ts, certificate-authority.ts, trust-store.ts   who a key belongs to, and whether to believe it
 *   messages.ts, transcript.ts, key-schedule.ts                the handshake's bytes and the keys derived from them
 *   client.ts, server.ts, handshake-machines.ts                each side's checks, in the order TLS makes them
 *   record.ts, connection.ts                                   application data after the handshake
 *   session.ts                                                 all of the above on the simulated network, as SimEvents
 *   attacks.ts                                                 tamper, replay and impersonation, run for real
 *   web-world.ts                                               browser, server, CA and eavesdropper, ready for a lesson
 */
export * from './alerts';
export * from './attacks';
export * from './bytes';
export * from './certificate';
export * from './certificate-authority';
export { exportSpki, generateSigningKeyPair } from './crypto';
export { TlsClient, type ClientStep, type TlsClientOptions } from './client';
export { Connection, type Received } from './connection';
export { clientHandshakeMachine, serverHandshakeMachine } from './handshake-machines';
export * from './record';
export type { ApplicationKeys, TrafficKeys } from './key-schedule';
export { TlsServer, type ServerResponse, type TlsServerOptions } from './server';
export * from './session';
export * from './trust-store';
export * from './web-world';
