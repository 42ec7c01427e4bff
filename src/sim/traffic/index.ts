/**
 * The traffic simulator's public API: Brooker's backoff study, the KMS load lab, the data-key
 * caching lab, and the worker that runs them off the page's main thread. No DOM, no timers, no wall
 * clock: everything runs in model time from a seed, in Node and in a Web Worker alike.
 */
export { EventQueue } from './event-queue';
export * from './backoff';
export { STUDY_NETWORK, LegDelays, type NetworkModel } from './network-delay';
export * from './occ-study';
export * from './occ-sweep';
export * from './sdk-retry';
export * from './rate-limiter';
export * from './client-retry';
export * from './kms-load';
export * from './latency-stats';
export * from './materials-cache';
export * from './caching-cmm';
export * from './kms-pricing';
export * from './caching-sim';
export * from './worker-protocol';
export * from './worker-client';
export { createInProcessWorker } from './in-process-worker';
export * from './kms-load-events';
