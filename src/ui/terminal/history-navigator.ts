/**
 * ↑/↓ through the shell's history, as readline does: ↑ from the line being typed goes to the newest
 * earlier line, ↓ past the newest brings back what was being typed (the draft). The history is
 * the shell's own list (so `history` and ↑ agree, and a saved sandbox's lines come back too).
 */
export class HistoryNavigator {
  /** Index into the history while browsing; undefined while on the line being typed. */
  private position: number | undefined;
  private draft = '';

  constructor(private readonly history: () => readonly string[]) {}

  /** The line to show after ↑, or undefined when there is nothing older. */
  up(current: string): string | undefined {
    const lines = this.history();
    if (lines.length === 0) return undefined;
    if (this.position === undefined) {
      this.draft = current;
      this.position = lines.length;
    }
    if (this.position === 0) return undefined;
    this.position = Math.min(this.position, lines.length) - 1;
    return lines[this.position];
  }

  /** The line to show after ↓, or undefined when already on the line being typed. */
  down(): string | undefined {
    if (this.position === undefined) return undefined;
    const lines = this.history();
    this.position++;
    if (this.position >= lines.length) {
      this.position = undefined;
      return this.draft;
    }
    return lines[this.position];
  }

  /** Back to the line being typed (after Enter, Ctrl+C or editing). */
  reset(): void {
    this.position = undefined;
    this.draft = '';
  }
}
