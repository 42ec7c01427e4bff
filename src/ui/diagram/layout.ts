/**
 * Geometry of the sequence diagram: one column (lifeline) per actor, one row per event, time going
 * down. Computed for the real pixel width of the container so text keeps its size on a phone.
 */
import type { Payload } from '../../sim/core/events';

export const HEADER_HEIGHT = 44;
export const HOLDING_LINE = 20;
export const MESSAGE_ROW = 64;
export const NOTE_ROW = 40;
export const NOTE_HEIGHT = 28;
export const SIDE_MARGIN = 12;

export interface ActorColumn {
  id: string;
  x: number;
  /** Width of the actor's header box. */
  width: number;
}

export interface DiagramLayout {
  width: number;
  columns: Map<string, ActorColumn>;
  /** Height of the actors' header (names and holdings), drawn apart so it stays in view. */
  headerHeight: number;
  /** Top of each event row, from the top of the rows' own drawing. */
  rowTops: number[];
  rowsHeight: number;
}

export function layoutDiagram(
  actorIds: readonly string[],
  width: number,
  holdings: Record<string, Payload[]>,
  eventKinds: readonly ('message' | 'note')[],
): DiagramLayout {
  const usable = Math.max(width, 280) - SIDE_MARGIN * 2;
  const slot = usable / Math.max(actorIds.length, 1);
  const columns = new Map<string, ActorColumn>();
  actorIds.forEach((id, index) => {
    columns.set(id, { id, x: SIDE_MARGIN + slot * index + slot / 2, width: Math.min(slot - 8, 150) });
  });
  const mostHoldings = Math.max(0, ...actorIds.map((id) => holdings[id]?.length ?? 0));
  const headerHeight = HEADER_HEIGHT + 8 + mostHoldings * HOLDING_LINE;
  const rowTops: number[] = [];
  let y = 12;
  for (const kind of eventKinds) {
    rowTops.push(y);
    y += kind === 'message' ? MESSAGE_ROW : NOTE_ROW;
  }
  return { width: Math.max(width, 280), columns, headerHeight, rowTops, rowsHeight: y + 12 };
}

/**
 * Characters that fit in `pixels`: about 6.6px per character of the diagram's 12px text, more for
 * the bold 13px actor names.
 */
export function fitText(text: string, pixels: number, charWidth = 6.6): string {
  const max = Math.max(4, Math.floor(pixels / charWidth));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Breaks `text` at spaces into at most `maxLines` lines that fit in `pixels` (the last line is
 * shortened with an ellipsis if the words run out of room), so actor names such as
 * "Eavesdropper on the network" stay readable in narrow columns instead of being cut after a word.
 */
export function wrapText(text: string, pixels: number, charWidth = 6.6, maxLines = 2): string[] {
  const max = Math.max(4, Math.floor(pixels / charWidth));
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i];
    if (candidate.length <= max || !current) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(current);
    current = words[i];
  }
  if (current) lines.push(current);
  return lines.map((line) => fitText(line, pixels, charWidth));
}
