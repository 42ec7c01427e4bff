/**
 * Turns the bytes a line wrote to the terminal into the text the page shows. Like a terminal:
 * invalid UTF-8 shows as U+FFFD, escape sequences (colours, cursor moves) and other control
 * characters are not printed, CRLF is a line break. The result is plain text, never markup.
 */
import { fromUtf8 } from '../vfs/encoding.ts';

// CSI and OSC sequences a terminal would interpret rather than show.
const ESCAPE_SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
// C0 controls other than tab and newline, and DEL.
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f]/g;

export function terminalText(bytes: Uint8Array): string {
  return fromUtf8(bytes).replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARACTERS, '');
}

export function truncationNote(droppedBytes: number): string {
  return `[output truncated: ${droppedBytes.toLocaleString('en-US')} more bytes not shown]\n`;
}
