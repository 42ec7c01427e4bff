/**
 * The lesson's world: Example Corp's sandbox people plus a BatchJob role that may read parameters
 * but was never given kms:Decrypt; the simulated KMS with alias/tutorial (a customer managed key
 * whose default policy delegates to IAM, so IAM decides who may use it); SSM Parameter Store; S3,
 * EBS, RDS and Redshift; and a terminal whose `aws` knows kms and ssm, signed in as alice.
 *
 * Everything is built on the scenario's clock and seeded randomness, so a replay is exact.
 */
import { createAwsCommand, createShell } from '../../src/cli/index';
import { createKms, type Kms, type KmsCaller } from '../../src/kms/index';
import { seedKms } from '../../src/lessons/sandbox/seed';
import { createScenarioTerminal } from '../../src/lessons/terminal';
import type { ScenarioContext, ScenarioTerminal } from '../../src/lessons/types';
import { createNetwork, type Network } from '../../src/sim/network/network';
import { ParameterStore, type ParameterKmsCall, type ParameterRequest } from '../../src/sim/parameters/index';
import { EbsVolumes, RdsInstances, RedshiftClusters } from '../../src/sim/services/index';
import { ObjectStore } from '../../src/sim/storage';
import { createWorld, SANDBOX_ACCOUNT, SANDBOX_WORLD, sessionArn, type World, type WorldSpec } from '../../src/sim/world/index';

export const ACCOUNT = SANDBOX_ACCOUNT;
export const REGION = 'eu-west-2';

/** The diagram's actors (lesson.md lists them in this order). */
export const ACTORS = { you: 'you', app: 'app', rest: 'rest', ssm: 'ssm', s3: 's3', ec2: 'ec2', db: 'db', kms: 'kms' } as const;

/** The application's two identities: the web server's role may decrypt, the batch job's may not. */
export const APP_SESSION = sessionArn(ACCOUNT, 'AppServer', 'i-0a1b2c3d4e5f67890');
export const BATCH_SESSION = sessionArn(ACCOUNT, 'BatchJob', 'i-0fedcba9876543210');
export const RUN_AS = { AppServer: APP_SESSION, BatchJob: BATCH_SESSION } as const;
export type RunAs = keyof typeof RUN_AS;

const WORLD: WorldSpec = {
  ...SANDBOX_WORLD,
  accounts: SANDBOX_WORLD.accounts.map((account) =>
    account.id !== ACCOUNT
      ? account
      : {
          ...account,
          roles: [
            ...(account.roles ?? []),
            {
              name: 'BatchJob',
              description: 'A nightly job: may read Parameter Store parameters, but nobody gave it kms:Decrypt.',
              policies: [{
                name: 'ReadParameters',
                document: { Version: '2012-10-17', Statement: [{ Sid: 'ReadParameters', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'], Resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/*` }] },
              }],
              sessions: [{ name: 'i-0fedcba9876543210', description: 'The batch server: an EC2 instance using the BatchJob role.', sourceIp: '198.51.100.21' }],
            },
          ],
        },
  ),
};

/** Where a session's calls come from (aws:SourceIp), as the world's spec says. */
export function sourceIpOf(arn: string): string | undefined {
  const session = /:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (!session) return undefined;
  const role = WORLD.accounts.flatMap((account) => account.roles ?? []).find((r) => r.name === session[1]);
  return role?.sessions?.find((s) => s.name === session[2])?.sourceIp;
}

export interface LessonWorld {
  kms: Kms;
  world: World;
  net: Network;
  store: ParameterStore;
  /** Parameter Store's KMS calls so far, oldest first. */
  parameterCalls: ParameterKmsCall[];
  s3: ObjectStore;
  ebs: EbsVolumes;
  rds: RdsInstances;
  redshift: RedshiftClusters;
  terminal: ScenarioTerminal;
  caller(arn: string): KmsCaller;
  /** Who hears Parameter Store's requests as they start and end (the scenario draws them). */
  setRequestListener(listener: (request: ParameterRequest) => void): void;
}

export async function buildWorld(ctx: ScenarioContext, files: Readonly<Record<string, string>>): Promise<LessonWorld> {
  const { clock, rng, stream } = ctx;
  const world = createWorld(WORLD);
  const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT, quotas: false });
  await seedKms(kms, world, REGION);
  const net = createNetwork({ stream, clock, rng: rng.fork() });
  const parameterCalls: ParameterKmsCall[] = [];
  let requestListener: ((request: ParameterRequest) => void) | undefined;
  const store = new ParameterStore({ kms, accountId: ACCOUNT, region: REGION, onKmsCall: (call) => parameterCalls.push(call), onRequest: (request) => requestListener?.(request) });
  const services = { net, kms, region: REGION, accountId: ACCOUNT };
  const s3 = await ObjectStore.create({ ...services, actors: { service: ACTORS.s3, kms: ACTORS.kms, disk: ACTORS.rest } });
  const ebs = new EbsVolumes({ ...services, actors: { service: ACTORS.ec2, kms: ACTORS.kms } });
  const rds = new RdsInstances({ ...services, actors: { service: ACTORS.db, kms: ACTORS.kms } });
  const redshift = new RedshiftClusters({ ...services, actors: { service: ACTORS.db, kms: ACTORS.kms } });
  const caller = () => world.caller();
  const shell = createShell({ clock, files, commands: [createAwsCommand({ kms, caller, defaultRegion: REGION, ssm: store })] });
  return { kms, world, net, store, parameterCalls, s3, ebs, rds, redshift, terminal: createScenarioTerminal(shell), caller: (arn) => world.caller(arn),
    setRequestListener: (listener) => {
      requestListener = listener;
    },
  };
}
