/**
 * The Parameter Store operations KMS Lab models, described once in the shape vocabulary of the KMS
 * operations (src/kms/operations/shape.ts): the store validates against them, the terminal's
 * `aws ssm …` derives its commands and flags from them, and output members come out in AWS's order.
 * Members and limits follow the botocore model for ssm-2014-11-06, cut down to what the model does
 * (no Policies, AllowedPattern, Tags or DataType other than text on input).
 */
import type { StructureShape } from '../../kms/operations/shape';

export interface ParameterOperation {
  name: string;
  doc: string;
  input: StructureShape;
  output: StructureShape;
}

export const PARAMETER_TYPES = ['String', 'StringList', 'SecureString'] as const;
export const PARAMETER_TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'] as const;

const name = { type: 'string', min: 1, max: 2048 } as const;

/** One parameter as GetParameter returns it. */
const parameter: StructureShape = {
  type: 'structure',
  members: {
    Name: { shape: name, doc: 'The name of the parameter.' },
    Type: { shape: { type: 'string', enum: PARAMETER_TYPES }, doc: 'The type of parameter.' },
    Value: { shape: { type: 'string', sensitive: true }, doc: 'The parameter value (for a SecureString without decryption, its ciphertext in base64).' },
    Version: { shape: { type: 'integer' }, doc: 'The parameter version.' },
    LastModifiedDate: { shape: { type: 'timestamp' }, doc: 'Date the parameter was last changed or updated.' },
    ARN: { shape: { type: 'string' }, doc: 'The Amazon Resource Name (ARN) of the parameter.' },
    DataType: { shape: { type: 'string' }, doc: 'The data type of the parameter, text by default.' },
  },
};

/** One parameter's metadata as DescribeParameters returns it (never its value). */
const parameterMetadata: StructureShape = {
  type: 'structure',
  members: {
    Name: { shape: name, doc: 'The parameter name.' },
    ARN: { shape: { type: 'string' }, doc: 'The Amazon Resource Name (ARN) of the parameter.' },
    Type: { shape: { type: 'string', enum: PARAMETER_TYPES }, doc: 'The type of parameter.' },
    KeyId: { shape: { type: 'string' }, doc: 'The alias or ARN of the KMS key used to encrypt a SecureString parameter.' },
    LastModifiedDate: { shape: { type: 'timestamp' }, doc: 'Date the parameter was last changed or updated.' },
    LastModifiedUser: { shape: { type: 'string' }, doc: 'Amazon Resource Name (ARN) of the principal who last changed the parameter.' },
    Description: { shape: { type: 'string' }, doc: 'Description of the parameter actions.' },
    Version: { shape: { type: 'integer' }, doc: 'The parameter version.' },
    Tier: { shape: { type: 'string', enum: PARAMETER_TIERS }, doc: 'The parameter tier.' },
    Policies: { shape: { type: 'list', member: { type: 'structure', members: {} } }, doc: 'Parameter policies (none in KMS Lab).' },
    DataType: { shape: { type: 'string' }, doc: 'The data type of the parameter.' },
  },
};

export const PARAMETER_OPERATIONS: Record<string, ParameterOperation> = {
  PutParameter: {
    name: 'PutParameter',
    doc: 'Create or update a parameter in Parameter Store. A SecureString value is encrypted with a KMS key (aws/ssm unless --key-id names another).',
    input: {
      type: 'structure',
      members: {
        Name: { shape: name, required: true, doc: 'The fully qualified name of the parameter, e.g. /payroll/db-password.' },
        Description: { shape: { type: 'string', max: 1024 }, doc: 'Information about the parameter.' },
        Value: { shape: { type: 'string', sensitive: true }, required: true, doc: 'The parameter value. Standard parameters take up to 4 KB, advanced parameters up to 8 KB.' },
        Type: { shape: { type: 'string', enum: PARAMETER_TYPES }, doc: 'The type of parameter: String, StringList or SecureString (required when creating one).' },
        KeyId: { shape: { type: 'string', min: 1, max: 256 }, doc: 'The KMS key that encrypts a SecureString value; default the AWS managed key aws/ssm.' },
        Overwrite: { shape: { type: 'boolean' }, doc: 'Overwrite an existing parameter (a new version). Default false.' },
        Tier: { shape: { type: 'string', enum: PARAMETER_TIERS }, doc: 'Standard (encrypted by KMS Encrypt) or Advanced (envelope encryption with a KMS data key).' },
        DataType: { shape: { type: 'string', min: 0, max: 128 }, doc: 'The data type: text (the only one KMS Lab models).' },
      },
    },
    output: {
      type: 'structure',
      members: {
        Version: { shape: { type: 'integer' }, doc: 'The new version number of the parameter.' },
        Tier: { shape: { type: 'string', enum: PARAMETER_TIERS }, doc: 'The tier assigned to the parameter.' },
      },
    },
  },
  GetParameter: {
    name: 'GetParameter',
    doc: 'Get information about a single parameter. With --with-decryption, Parameter Store asks KMS to decrypt a SecureString value for you.',
    input: {
      type: 'structure',
      members: {
        Name: { shape: name, required: true, doc: 'The name or ARN of the parameter.' },
        WithDecryption: { shape: { type: 'boolean' }, doc: 'Return the decrypted value of a SecureString parameter (needs kms:Decrypt on its key).' },
      },
    },
    output: { type: 'structure', members: { Parameter: { shape: parameter, doc: 'Information about the parameter.' } } },
  },
  GetParameters: {
    name: 'GetParameters',
    doc: 'Get information about one or more parameters by name; names that do not exist are listed as InvalidParameters.',
    input: {
      type: 'structure',
      members: {
        Names: { shape: { type: 'list', member: name, min: 1, max: 10 }, required: true, doc: 'The names or ARNs of the parameters.' },
        WithDecryption: { shape: { type: 'boolean' }, doc: 'Return decrypted SecureString values.' },
      },
    },
    output: {
      type: 'structure',
      members: {
        Parameters: { shape: { type: 'list', member: parameter }, doc: 'The parameters found.' },
        InvalidParameters: { shape: { type: 'list', member: name }, doc: 'Names that are not valid or do not exist.' },
      },
    },
  },
  DeleteParameter: {
    name: 'DeleteParameter',
    doc: 'Delete a parameter from the system (all its versions).',
    input: { type: 'structure', members: { Name: { shape: name, required: true, doc: 'The name of the parameter to delete.' } } },
    output: { type: 'structure', members: {} },
  },
  DescribeParameters: {
    name: 'DescribeParameters',
    doc: 'List the parameters of the account and Region with their metadata: type, tier, version and the KMS key of a SecureString. Never their values.',
    input: { type: 'structure', members: {} },
    output: { type: 'structure', members: { Parameters: { shape: { type: 'list', member: parameterMetadata }, doc: 'Parameters that match the request.' } } },
  },
};
