/**
 * `--generate-cli-skeleton`: the input (or output) shape with placeholder values, as the CLI
 * prints it — strings "", integers 0, booleans true, blobs as null bytes, maps {"KeyName": ""}.
 */
import type { Shape, StructureShape } from '../../kms/index.ts';
import type { OperationCommand } from './command-table.ts';
import { yamlInputSkeleton } from './yaml-skeleton.ts';

function placeholder(shape: Shape): unknown {
  switch (shape.type) {
    case 'string': return shape.enum ? shape.enum[0] : '';
    case 'integer': return 0;
    case 'boolean': return true;
    case 'blob': return null;
    case 'timestamp': return '1970-01-01T00:00:00';
    case 'list': return [placeholder(shape.member)];
    case 'map': return { KeyName: placeholder(shape.value) };
    case 'structure': return structure(shape);
  }
}

function structure(shape: StructureShape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, placeholder(member.shape)]));
}

export function skeletonOf(command: OperationCommand, kind: string): string {
  const shape = kind === 'output' ? command.operation.output : command.operation.input;
  if (kind === 'yaml-input') return yamlInputSkeleton(command.operation.input);
  return JSON.stringify(structure(shape), null, 4) + '\n';
}
