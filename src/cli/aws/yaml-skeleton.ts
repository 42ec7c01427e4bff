/**
 * `--generate-cli-skeleton yaml-input` as the CLI prints it (ruamel with end-of-line comments):
 * members in the operation's order, placeholders ('' for strings, the first enum value, 0, true,
 * `!!binary ''` for blobs), and after each member `# [REQUIRED] <first sentence of its doc>` plus
 * the valid values of an enum. As in the CLI, the first member of each mapping has two spaces
 * before its comment, the others one; list items are not indented under their key.
 *
 * The comments quote KMS Lab's member descriptions (the registry's `doc`), not AWS's documentation.
 */
import type { Member, Shape, StructureShape } from '../../kms/index.ts';

function scalar(shape: Shape): string {
  switch (shape.type) {
    case 'string': return shape.enum ? shape.enum[0] : "''";
    case 'integer': return '0';
    case 'boolean': return 'true';
    case 'blob': return "!!binary ''";
    case 'timestamp': return '1970-01-01 00:00:00';
    default: return "''";
  }
}

function firstSentence(doc: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(doc.trim());
  return (match ? match[0] : doc.trim()).replace(/\s+/g, ' ');
}

function comment(member: Member): string {
  const shape = member.shape;
  const valid = shape.type === 'string' && shape.enum ? ` Valid values are: ${shape.enum.join(', ')}.` : '';
  const text = (member.required ? '[REQUIRED] ' : '') + firstSentence(member.doc) + valid;
  return text === '' ? '' : `# ${text}`;
}

/** The value lines under a member whose value is not a scalar (a structure, map or list). */
function nested(shape: Shape, indent: string): string[] {
  switch (shape.type) {
    case 'structure': return structureLines(shape, indent + '  ', indent + '  ');
    case 'map': return [`${indent}  KeyName: ${scalar(shape.value)}`];
    case 'list':
      if (shape.member.type === 'structure') return structureLines(shape.member, indent + '- ', indent + '  ');
      if (shape.member.type === 'list' || shape.member.type === 'map') return [`${indent}- ${nested(shape.member, indent).join('').trim()}`];
      return [`${indent}- ${scalar(shape.member)}`];
    default: return [];
  }
}

/** A mapping's lines: the first key after `firstPrefix` (e.g. "- " in a list), the rest after `indent`. */
function structureLines(shape: StructureShape, firstPrefix: string, indent: string): string[] {
  const lines: string[] = [];
  Object.entries(shape.members).forEach(([name, member], index) => {
    const prefix = index === 0 ? firstPrefix : indent;
    const gap = index === 0 ? '  ' : ' ';
    const note = comment(member);
    const composite = ['structure', 'map', 'list'].includes(member.shape.type);
    const head = composite ? `${prefix}${name}:` : `${prefix}${name}: ${scalar(member.shape)}`;
    lines.push(note ? head + gap + note : head);
    if (composite) lines.push(...nested(member.shape, indent));
  });
  return lines;
}

export function yamlInputSkeleton(input: StructureShape): string {
  const lines = structureLines(input, '', '');
  return lines.length === 0 ? '{}\n' : lines.join('\n') + '\n';
}
