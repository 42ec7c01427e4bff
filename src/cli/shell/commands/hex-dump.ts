/** Hex dump layouts shared by xxd and od: printable ASCII shown as is, everything else as '.'. */
export function printableAscii(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
  return out;
}

export function hexByte(byte: number, upper = false): string {
  const hex = byte.toString(16).padStart(2, '0');
  return upper ? hex.toUpperCase() : hex;
}
