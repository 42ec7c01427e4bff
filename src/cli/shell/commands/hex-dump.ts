/** Hex dump pieces shared by xxd and od: printable ASCII shown as is, everything else as '.'. */
const LOWER = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const UPPER = LOWER.map((hex) => hex.toUpperCase());
const PRINTABLE = Array.from({ length: 256 }, (_, byte) => (byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.'));

export function printableAscii(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += PRINTABLE[byte];
  return out;
}

export function hexByte(byte: number, upper = false): string {
  return (upper ? UPPER : LOWER)[byte];
}
