/**
 * `aws kms …` as the CLI sees the operation registry: one command per operation (kebab-case) and
 * one flag per input member, all derived from `src/kms/operations` — the single source of truth.
 */
import { operations, type OperationDescription, type Shape } from '../../kms/index.ts';
import { kebabCase } from './names.ts';

export interface ArgumentSpec {
  /** `--key-id` */
  readonly flag: string;
  /** `KeyId` */
  readonly member: string;
  readonly shape: Shape;
  readonly required: boolean;
  readonly doc: string;
}

/** The botocore paginator of a List* operation: Marker in, NextMarker/Truncated out, one list of results. */
export interface Pagination {
  readonly resultKey: string;
}

export interface OperationCommand {
  /** `generate-data-key` */
  readonly name: string;
  readonly operation: OperationDescription;
  readonly arguments: readonly ArgumentSpec[];
  readonly pagination?: Pagination;
}

function paginationOf(operation: OperationDescription): Pagination | undefined {
  const input = operation.input.members;
  const output = operation.output.members;
  if (!input.Marker || !input.Limit || !output.NextMarker || !output.Truncated) return undefined;
  const lists = Object.entries(output).filter(([, member]) => member.shape.type === 'list');
  return lists.length === 1 ? { resultKey: lists[0][0] } : undefined;
}

function commandOf(operation: OperationDescription): OperationCommand {
  return {
    name: kebabCase(operation.name),
    operation,
    arguments: Object.entries(operation.input.members).map(([member, spec]) => ({
      flag: `--${kebabCase(member)}`,
      member,
      shape: spec.shape,
      required: spec.required === true,
      doc: spec.doc,
    })),
    pagination: paginationOf(operation),
  };
}

/** Every `aws kms` command, sorted by name as the CLI lists them. */
export const KMS_COMMANDS: ReadonlyMap<string, OperationCommand> = new Map(
  Object.values(operations)
    .map(commandOf)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((command) => [command.name, command]),
);
