/**
 * The engine's output values → a JSON 1.1 response body, driven by the operation's output shape:
 * Uint8Array becomes standard base64, Date becomes epoch seconds with fractional milliseconds
 * (`1593622000.191`), members come out in AWS's order (the shape's), and absent members are left
 * out rather than written as null, as the service does.
 *
 * A member the shape does not describe is still written, by its runtime type, so that an output
 * the engine adds ahead of its description is not silently lost.
 */
import type { Shape, StructureShape } from '../operations/shape';
import { encodeBase64 } from './base64';
import { setOwn } from './own-property';

export function encodeOutput(output: unknown, shape: StructureShape | undefined): Record<string, unknown> {
  if (typeof output !== 'object' || output === null) return {};
  return encodeStructure(output as Record<string, unknown>, shape);
}

function encodeStructure(value: Record<string, unknown>, shape: StructureShape | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const described = shape ? Object.keys(shape.members) : [];
  for (const name of described) {
    const member = value[name];
    if (member !== undefined && member !== null) setOwn(out, name, encodeValue(member, shape!.members[name].shape));
  }
  for (const [name, member] of Object.entries(value)) {
    if (member === undefined || member === null || (shape && Object.hasOwn(shape.members, name))) continue;
    setOwn(out, name, encodeValue(member, undefined));
  }
  return out;
}

function encodeValue(value: unknown, shape: Shape | undefined): unknown {
  if (value instanceof Uint8Array) return encodeBase64(value);
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member : undefined;
    return value.filter((entry) => entry !== undefined && entry !== null).map((entry) => encodeValue(entry, member));
  }
  if (typeof value === 'object' && value !== null) {
    if (shape?.type === 'map') {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        if (entry !== undefined && entry !== null) setOwn(out, key, encodeValue(entry, shape.value));
      }
      return out;
    }
    return encodeStructure(value as Record<string, unknown>, shape?.type === 'structure' ? shape : undefined);
  }
  return value;
}
