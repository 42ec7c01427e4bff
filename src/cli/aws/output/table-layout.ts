/**
 * The boxes of `--output table`: a port of awscli/table.py's MultiTable and Section (column
 * widths scaled to the terminal's 80 columns, Python's round-half-even, a section whose single
 * row is wider than the terminal turned vertical). No colour: the CLI colours only a real TTY.
 */
export const TERMINAL_WIDTH = 80;

/** East Asian wide and fullwidth characters take two columns (unicodedata.east_asian_width W/F). */
function textLength(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
    length += wide ? 2 : 1;
  }
  return length;
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function centerText(text: string, length: number, leftEdge = '|', rightEdge = '|'): string {
  const textLen = textLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const lengthSoFar = leftEdge.length + charStart + textLen;
  const rightSpaces = length - rightEdge.length - lengthSoFar;
  return leftEdge + ' '.repeat(Math.max(0, charStart)) + text + ' '.repeat(Math.max(0, rightSpaces)) + rightEdge;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const padding = length - (textLen + 2 + leftEdge.length + rightEdge.length) >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLen;
  return leftEdge + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - rightEdge.length)) + rightEdge;
}

export class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.headers = headers;
  }

  addRow(row: string[]): void {
    this.rows.push(row);
    this.updateMaxWidths(row);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((cell, i) => (this.maxWidths[i] = Math.max(textLength(cell), this.maxWidths[i] ?? 0)));
  }

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] -= 1;
          offBy -= 1;
        } else {
          scaled[i] += 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const total = this.columnWidths().reduce((sum, w) => sum + w + padding, 0) + 2 + 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }
}

export class MultiTable {
  private readonly sections: Section[] = [];
  private current: Section | undefined;

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addRowHeader(headers: string[]): void {
    this.current!.addHeader(headers);
  }

  addRow(row: string[]): void {
    this.current!.addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > TERMINAL_WIDTH) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    const out = ['-'.repeat(maxWidth) + '\n'];
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indentLevel)));
  }

  private convertToVertical(): void {
    this.sections.forEach((section, i) => {
      if (section.rows.length !== 1 || section.headers.length === 0) return;
      const vertical = new Section();
      vertical.title = section.title;
      vertical.indentLevel = section.indentLevel;
      section.headers.forEach((header, j) => {
        if (j < section.rows[0].length) vertical.addRow([header, section.rows[0][j]]);
      });
      this.sections[i] = vertical;
    });
  }

  private renderSection(section: Section, fullWidth: number, out: string[]): void {
    const indent = '|'.repeat(section.indentLevel);
    const write = (line: string) => out.push(indent + line + indent + '\n');
    const maxWidth = fullWidth - section.indentLevel * 2;
    if (section.title) {
      write(centerText(section.title, maxWidth));
      if (section.headers.length === 0 && section.rows.length === 0) write(`+${'-'.repeat(maxWidth - 2)}+`);
    }
    if (section.headers.length > 0) {
      const widths = section.columnWidths(4, maxWidth);
      write(lineBreak(widths));
      write(section.headers.map((header, i) => centerText(header, widths[i], i === 0 ? '|' : '', '|')).join(''));
    }
    if (section.rows.length > 0) {
      const widths = section.columnWidths(4, maxWidth);
      if (widths.length === 0) return;
      write(lineBreak(widths));
      for (const row of section.rows) {
        write(widths.map((width, i) => (i < row.length ? alignLeft(row[i], width, i === 0 ? '|' : '', '|') : '')).join(''));
      }
      write(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((width, i) => (i === 0 ? `+${'-'.repeat(width - 2)}+` : `${'-'.repeat(width - 1)}+`)).join('');
}
