/**
 * `aws kms help` and `aws kms <command> help`: the command list and each command's synopsis with
 * its options and member descriptions, all from the operation registry.
 */
import type { Shape } from '../../kms/index.ts';
import type { ArgumentSpec, OperationCommand } from './command-table.ts';
import { KMS_SERVICE, type AwsService } from './services.ts';

function typeName(shape: Shape): string {
  switch (shape.type) {
    case 'list': return `list of ${typeName(shape.member)}`;
    case 'map': return 'map';
    case 'structure': return 'structure';
    case 'blob': return 'blob';
    default: return shape.type;
  }
}

function synopsisPart(spec: ArgumentSpec): string {
  const value = spec.shape.type === 'boolean' ? `${spec.flag} | --no-${spec.flag.slice(2)}` : `${spec.flag} <value>`;
  return spec.required ? value : `[${value}]`;
}

export function serviceHelp(service: AwsService = KMS_SERVICE): string {
  const lines = [service.title, '', `AVAILABLE COMMANDS (${service.simulated})`, ''];
  for (const command of service.commands.values()) lines.push(`  o ${command.name}`, `      ${command.operation.doc}`);
  lines.push('', `Run "aws ${service.name} <command> help" for a command's options.`, '');
  return lines.join('\n');
}

export function operationHelp(command: OperationCommand): string {
  const lines = [command.name, '', 'DESCRIPTION', `  ${command.operation.doc}`, '', 'SYNOPSIS', `    ${command.name}`];
  for (const spec of command.arguments) lines.push(`  ${synopsisPart(spec)}`);
  if (command.pagination) lines.push('  [--starting-token <value>]', '  [--page-size <value>]', '  [--max-items <value>]');
  lines.push('  [--cli-input-json | --cli-input-yaml]', '  [--generate-cli-skeleton <value>]', '', 'OPTIONS');
  for (const spec of command.arguments) {
    lines.push(`  ${spec.flag} (${typeName(spec.shape)})${spec.required ? '' : ' [optional]'}`, `      ${spec.doc}`, '');
  }
  const outputs = Object.entries(command.operation.output.members);
  lines.push('OUTPUT');
  if (outputs.length === 0) lines.push('  None');
  for (const [name, member] of outputs) lines.push(`  ${name} -> (${typeName(member.shape)})`, `      ${member.doc}`, '');
  return lines.join('\n') + '\n';
}
