/**
 * The simulated world around KMS: who can call, with which IAM identity policies and tags, and
 * which AWS services call on their behalf.
 *
 * ```ts
 * const world = createWorld();                       // SANDBOX_WORLD
 * world.actAs('arn:aws:iam::111122223333:user/bob');
 * await kms.call('Decrypt', input, world.callContext());            // bob, his own IP
 * await kms.call('Decrypt', input, world.callContext({ viaService: 's3' })); // S3 on bob's behalf
 * ```
 */
export { createWorld } from './create-world.ts';
export { SANDBOX_WORLD, SANDBOX_ACCOUNT, PARTNER_ACCOUNT } from './sandbox-world.ts';
export { INTEGRATED_SERVICES, viaServiceHost } from './services.ts';
export { rootArn, userArn, roleArn, sessionArn } from './identifiers.ts';
export { readWorldSpec } from './world-schema.ts';
export type {
  World, WorldSpec, AccountSpec, UserSpec, RoleSpec, SessionSpec, ServiceSpec, PrincipalSummary, PrincipalKind, CallContextOptions,
} from './types.ts';
