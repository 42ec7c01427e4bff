/** The TLS simulation's public surface: what scenarios and tests import. */
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
