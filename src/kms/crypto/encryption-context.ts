import { type Bytes, concat, u32be, utf8 } from './bytes.ts';

export type EncryptionContext = Record<string, string>;

/**
 * The canonical, order-independent byte form of an encryption context, used as AES-GCM
 * additional authenticated data. Pairs are sorted by key (UTF-16 code unit order, which is
 * stable and total), and every key and value is length-prefixed so that {"ab":"c"} and
 * {"a":"bc"} can never produce the same bytes. An empty or missing context encodes as a zero
 * count, so "no context" and "{}" are the same thing, as in KMS.
 *
 *   u32 count ‖ for each pair: u32 len(key) ‖ key (UTF-8) ‖ u32 len(value) ‖ value (UTF-8)
 */
const EMPTY_CONTEXT = u32be(0);

export function encodeEncryptionContext(context: EncryptionContext | undefined): Bytes {
  if (!context) return EMPTY_CONTEXT;
  const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: Uint8Array[] = [u32be(entries.length)];
  for (const [key, value] of entries) {
    const k = utf8(key);
    const v = utf8(String(value));
    parts.push(u32be(k.length), k, u32be(v.length), v);
  }
  return concat(...parts);
}
