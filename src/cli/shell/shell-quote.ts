/**
 * bash's quoting of a word for display: printf %q, and names with control characters in its own
 * messages ("bash: $'\tx': command not found").
 */

/** The argument quoted so the shell would read it back unchanged, as bash's printf %q writes it. */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(arg)) {
    const escaped = [...arg]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch === '\n') return '\\n';
        if (ch === '\t') return '\\t';
        if (ch === "'" || ch === '\\') return `\\${ch}`;
        return code < 32 || code === 127 ? `\\${code.toString(8).padStart(3, '0')}` : ch;
      })
      .join('');
    return `$'${escaped}'`;
  }
  return arg.replace(/[^A-Za-z0-9_./:@%+,=-]/g, (ch, index: number) => (ch === '~' || ch === '#') && index > 0 ? ch : `\\${ch}`);
}

/** How bash shows a command name in "command not found": as typed, or $'…' if it holds control characters. */
export function displayName(name: string): string {
  return /[\x00-\x1f\x7f]/.test(name) ? shellQuote(name) : name;
}
