/**
 * A two-operation stand-in for the engine, described with the real shape vocabulary, so that the
 * protocol layer is tested on its own: it echoes what it was given, or throws what it is told to.
 */
import { KmsError } from '../../../../src/kms/errors';
import type { StructureShape } from '../../../../src/kms/operations/shape';
import type { Json11CallContext, Json11Engine, Json11Options, OperationShapes } from '../../../../src/kms/wire';

export const echoInput: StructureShape = {
  type: 'structure',
  members: {
    KeyId: { shape: { type: 'string', min: 1, max: 2048 }, doc: 'key' },
    Plaintext: { shape: { type: 'blob', min: 1, max: 4096, sensitive: true }, doc: 'bytes' },
    NumberOfBytes: { shape: { type: 'integer', min: 1, max: 1024 }, doc: 'count' },
    DryRun: { shape: { type: 'boolean' }, doc: 'dry run' },
    ValidTo: { shape: { type: 'timestamp' }, doc: 'date' },
    EncryptionContext: {
      shape: { type: 'map', key: { type: 'string' }, value: { type: 'string' } },
      doc: 'context',
    },
    GrantTokens: { shape: { type: 'list', member: { type: 'string' } }, doc: 'tokens' },
    Tags: {
      shape: {
        type: 'list',
        member: {
          type: 'structure',
          members: {
            TagKey: { shape: { type: 'string' }, doc: 'k' },
            TagValue: { shape: { type: 'string' }, doc: 'v' },
          },
        },
      },
      doc: 'tags',
    },
  },
};

/** Output members in AWS's order; the echo writes them in a different order on purpose. */
export const echoOutput: StructureShape = {
  type: 'structure',
  members: {
    CiphertextBlob: { shape: { type: 'blob' }, doc: 'bytes' },
    KeyId: { shape: { type: 'string' }, doc: 'arn' },
    CreationDate: { shape: { type: 'timestamp' }, doc: 'date' },
    Received: { shape: { type: 'structure', members: {} }, doc: 'what came in' },
  },
};

export interface FakeCall {
  operation: string;
  input: Record<string, unknown>;
  context: Json11CallContext<string>;
}

export function createFakeEngine(behaviour: (call: FakeCall) => unknown = () => ({})) {
  const calls: FakeCall[] = [];
  const shapes: Record<string, OperationShapes> = {
    Encrypt: { input: echoInput, output: echoOutput },
    EnableKey: { input: { type: 'structure', members: { KeyId: { shape: { type: 'string' }, doc: 'key' } } } },
  };
  const engine: Json11Engine<string> = {
    describe: (operation) => shapes[operation],
    async call(operation, input, context) {
      const call = { operation, input, context };
      calls.push(call);
      return behaviour(call);
    },
  };
  return { engine, calls };
}

export const fakeOptions = (reported: unknown[] = []): Json11Options<string> => {
  let n = 0;
  return {
    region: 'us-east-1',
    callerFor: (accessKeyId, region) => `caller:${accessKeyId}@${region}`,
    newRequestId: () => `request-${++n}`,
    onUnexpectedError: (error) => reported.push(error),
  };
};

export const kmsError = (code: ConstructorParameters<typeof KmsError>[0], message?: string) => new KmsError(code, message);
