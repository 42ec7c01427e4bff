/**
 * The services the terminal's `aws` knows, each with its command table: `kms` always, `ssm` (the
 * Parameter Store model) when the terminal was given one. The first word after the global options
 * picks the service, as the CLI's top-level parser does.
 */
import { KMS_COMMANDS, type OperationCommand } from './command-table.ts';
import { SSM_COMMANDS } from './ssm-commands.ts';

export interface AwsService {
  /** The CLI's command name: `kms`, `ssm`. */
  readonly name: string;
  /** The heading of `aws <service> help`. */
  readonly title: string;
  /** What the page simulates behind it, for `aws <service> help`. */
  readonly simulated: string;
  readonly commands: ReadonlyMap<string, OperationCommand>;
}

export const KMS_SERVICE: AwsService = { name: 'kms', title: 'KMS', simulated: 'the simulated KMS of this page', commands: KMS_COMMANDS };
export const SSM_SERVICE: AwsService = { name: 'ssm', title: 'SSM', simulated: "the simulated Parameter Store of this page (the parameter commands only)", commands: SSM_COMMANDS };
