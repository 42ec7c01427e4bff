/**
 * `aws kms …` as the CLI sees the operation registry: one command per operation (kebab-case) and
 * one flag per input member, all derived from `src/kms/operations` — the single source of truth.
 * Other services' commands (`aws ssm …`, ssm-commands.ts) are derived the same way from their
 * own descriptions, which need only the members the CLI reads (CliOperation).
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

/** What the CLI reads of an operation description: its name, doc and input and output shapes. */
export type CliOperation = Pick<OperationDescription, 'name' | 'doc' | 'input' | 'output'>;

export interface OperationCommand {
  /** `generate-data-key` */
  readonly name: string;
  readonly operation: CliOperation;
  readonly arguments: readonly ArgumentSpec[];
  readonly pagination?: Pagination;
}

function paginationOf(operation: CliOperation): Pagination | undefined {
  const input = operation.input.members;
  const output = operation.output.members;
  if (!input.Marker || !input.Limit || !output.NextMarker || !output.Truncated) return undefined;
  const lists = Object.entries(output).filter(([, member]) => member.shape.type === 'list');
  return lists.length === 1 ? { resultKey: lists[0][0] } : undefined;
}

function commandOf(operation: CliOperation): OperationCommand {
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

/** One service's commands by name, sorted as the CLI lists them. */
export function commandTableOf(descriptions: Iterable<CliOperation>): ReadonlyMap<string, OperationCommand> {
  return new Map(
    [...descriptions]
      .map(commandOf)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((command) => [command.name, command]),
  );
}

/** Every `aws kms` command, sorted by name as the CLI lists them. */
export const KMS_COMMANDS: ReadonlyMap<string, OperationCommand> = commandTableOf(Object.values(operations));
