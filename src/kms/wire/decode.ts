/**
 * JSON 1.1 request body → the engine's input values, driven by the operation's input shape
 * (src/kms/operations/shape.ts): base64 strings become Uint8Array, epoch-second numbers become Date,
 * lists, maps and structures are walked recursively.
 *
 * Only JSON *types* are checked here, as the service's deserializer does; lengths, ranges, enums and
 * required members are the engine's validation (ValidationException), which runs on what this
 * returns. Behaviour of the service's deserializer that this copies:
 *  - unknown members are ignored (AWS JSON services accept and drop members they do not model);
 *  - `null` means absent, for members, list entries and map values;
 *  - the first wrong type found, in document order, is the error: SerializationException;
 *  - a number for an integer member is truncated toward negative infinity (2.7 → 2).
 */
import type { ListShape, MapShape, Shape, StructureShape } from '../operations/shape';
import { decodeBase64 } from './base64';
import { setOwn } from './own-property';
import { ProtocolError, serializationMessages as say } from './protocol-error';

/** Decodes a request body that is already known to be a JSON object. */
export function decodeInput(body: Record<string, unknown>, shape: StructureShape): Record<string, unknown> {
  return decodeStructureMembers(body, shape);
}

function fail(message: string): never {
  throw new ProtocolError('SerializationException', message, 'Message');
}

/** The Java class the service's deserializer reports for a JSON scalar. */
function javaClassOf(value: boolean | number | string): string {
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number') return 'java.math.BigDecimal';
  return 'java.lang.String';
}

/** Rejects a JSON object or array where a scalar was expected. */
function rejectContainer(value: unknown): void {
  if (Array.isArray(value)) fail(say.listNotExpected);
  if (typeof value === 'object' && value !== null) fail(say.structureNotExpected);
}

function decodeValue(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      rejectContainer(value);
      if (typeof value !== 'string') fail(say.cannotConvert(javaClassOf(value as boolean | number), 'an String'));
      return value;
    case 'boolean':
      rejectContainer(value);
      if (typeof value === 'number') fail(say.cannotConvert(javaClassOf(value), 'an Boolean'));
      if (typeof value === 'string') {
        // The deserializer reads the words true/false in any case; every other text is an error.
        const word = value.toLowerCase();
        if (word === 'true' || word === 'false') return word === 'true';
        fail(say.booleanText(value));
      }
      return value;
    case 'integer':
      rejectContainer(value);
      if (typeof value !== 'number') fail(say.cannotConvert(javaClassOf(value as boolean | string), 'an Integer'));
      return Math.floor(value);
    case 'timestamp':
      return decodeTimestamp(value);
    case 'blob':
      return decodeBlob(value);
    case 'list':
      return decodeList(value, shape);
    case 'map':
      return decodeMap(value, shape);
    case 'structure':
      if (Array.isArray(value)) fail(say.listNotExpected);
      if (typeof value !== 'object' || value === null) fail(say.expectedStructure);
      return decodeStructureMembers(value as Record<string, unknown>, shape);
  }
}

function decodeTimestamp(value: unknown): Date {
  rejectContainer(value);
  // Not recorded: the deserializer's wording for a non-number timestamp; same template as the others.
  if (typeof value !== 'number') fail(say.cannotConvert(javaClassOf(value as boolean | string), 'a Timestamp'));
  const date = new Date(value * 1000);
  if (Number.isNaN(date.getTime())) fail(say.timestampRange(String(value)));
  return date;
}

function decodeBlob(value: unknown): Uint8Array {
  rejectContainer(value);
  if (typeof value !== 'string') fail(say.cannotConvert(javaClassOf(value as boolean | number), 'a Blob'));
  const decoded = decodeBase64(value);
  if (decoded.ok) return decoded.bytes;
  const { problem } = decoded;
  const reason =
    problem.kind === 'length'
      ? say.base64Length(problem.length)
      : problem.kind === 'character'
        ? say.base64Character(problem.character)
        : say.base64LastCharacter;
  return fail(say.blob(value, reason));
}

function decodeList(value: unknown, shape: ListShape): unknown[] {
  if (!Array.isArray(value)) {
    if (typeof value === 'object' && value !== null) fail(say.structureNotExpected);
    fail(say.expectedList);
  }
  const out: unknown[] = [];
  for (const entry of value) {
    if (entry !== null) out.push(decodeValue(entry, shape.member));
  }
  return out;
}

function decodeMap(value: unknown, shape: MapShape): Record<string, unknown> {
  if (Array.isArray(value)) fail(say.listNotExpected);
  if (typeof value !== 'object' || value === null) fail(say.expectedMap);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (entry !== null) setOwn(out, key, decodeValue(entry, shape.value));
  }
  return out;
}

function decodeStructureMembers(value: Record<string, unknown>, shape: StructureShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (entry === null || !Object.hasOwn(shape.members, name)) continue;
    setOwn(out, name, decodeValue(entry, shape.members[name].shape));
  }
  return out;
}
