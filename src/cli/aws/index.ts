/**
 * The `aws` command of the in-page terminal: AWS CLI v2 for `aws kms …` over the simulated KMS.
 *
 * ```ts
 * const kms = createKms();
 * const shell = createShell({ commands: [createAwsCommand({ kms, caller: () => currentPrincipal })] });
 * await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob');
 * ```
 */
export { createAwsCommand, CLI_VERSION, type AwsCommandOptions } from './aws-command.ts';
export { KMS_COMMANDS, type OperationCommand, type ArgumentSpec, type CliOperation } from './command-table.ts';
export { SSM_COMMANDS } from './ssm-commands.ts';
export { KMS_SERVICE, SSM_SERVICE, type AwsService } from './services.ts';
export { kebabCase } from './names.ts';
