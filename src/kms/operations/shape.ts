/**
 * The vocabulary of operation descriptions. One description per KMS operation (its input and
 * output members with AWS's limits, its quota family, its IAM action, its handler) drives the
 * engine's validation, the JSON 1.1 wire protocol (which members are base64 blobs or epoch
 * timestamps), the CLI's commands and flags, the audit record and the docs. Nothing describes an
 * operation twice. Limits follow the botocore model for kms-2014-11-01.
 */
export type Shape =
  | StringShape
  | BlobShape
  | IntegerShape
  | BooleanShape
  | TimestampShape
  | ListShape
  | MapShape
  | StructureShape;

export interface StringShape {
  type: 'string';
  min?: number;
  max?: number;
  /** AWS's published pattern, as the ValidationException quotes it. */
  pattern?: string;
  enum?: readonly string[];
  /** Sensitive values are left out of ValidationException messages ("Value at 'plaintext' …"). */
  sensitive?: boolean;
}

export interface BlobShape {
  type: 'blob';
  /** Limits apply to the decoded bytes. */
  min?: number;
  max?: number;
  sensitive?: boolean;
}

export interface IntegerShape {
  type: 'integer';
  min?: number;
  max?: number;
}

export interface BooleanShape {
  type: 'boolean';
}

/** Epoch seconds on the wire (fractional milliseconds allowed); a JS Date inside the engine. */
export interface TimestampShape {
  type: 'timestamp';
}

export interface ListShape {
  type: 'list';
  member: Shape;
  min?: number;
  max?: number;
}

export interface MapShape {
  type: 'map';
  key: StringShape;
  value: Shape;
  min?: number;
  max?: number;
}

export interface Member {
  shape: Shape;
  required?: boolean;
  /** One-line description, used by `aws kms <op> help` and the docs. */
  doc: string;
}

export interface StructureShape {
  type: 'structure';
  /** Members in AWS's order: the CLI prints output in this order, as the real CLI does. */
  members: Record<string, Member>;
}

/** The quota a call counts against (reference/kms-api.md §12.1). */
export type QuotaFamily =
  | 'symmetric-crypto'
  | 'rsa-crypto'
  | 'ecc-crypto'
  | 'data-key-pair'
  | { operation: string }; // a per-operation management quota, e.g. CreateKey 5/s

/** The TypeScript value a shape decodes to inside the engine. */
export type ValueOf<S extends Shape> = S extends StringShape
  ? string
  : S extends BlobShape
    ? Uint8Array
    : S extends IntegerShape
      ? number
      : S extends BooleanShape
        ? boolean
        : S extends TimestampShape
          ? Date
          : S extends ListShape
            ? ValueOf<S['member']>[]
            : S extends MapShape
              ? Record<string, ValueOf<S['value']>>
              : S extends StructureShape
                ? { [K in keyof S['members']]?: ValueOf<S['members'][K]['shape']> }
                : never;
