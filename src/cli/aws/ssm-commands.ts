/**
 * `aws ssm …` for the Parameter Store operations KMS Lab models (src/sim/parameters), derived from
 * their descriptions exactly as `aws kms …` is from the KMS registry: put-parameter, get-parameter,
 * get-parameters, delete-parameter, describe-parameters.
 */
import { PARAMETER_OPERATIONS } from '../../sim/parameters/operations.ts';
import { commandTableOf, type OperationCommand } from './command-table.ts';

export const SSM_COMMANDS: ReadonlyMap<string, OperationCommand> = commandTableOf(Object.values(PARAMETER_OPERATIONS));
