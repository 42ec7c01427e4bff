/**
 * The disks under the object store: the bytes of every stored object, and nothing else. Whoever
 * copies them (a stolen drive, a leaked backup, an over-broad snapshot) holds exactly `image()`;
 * what such a copy gives away is computed by searching those bytes, never asserted.
 */
import { concat, containsBytes, utf8, type Bytes } from '../tls/bytes';
import type { StoredObject } from './types';

const slot = (bucket: string, key: string) => `${bucket}/${key}`;

export class Disk {
  private readonly objects = new Map<string, StoredObject>();

  write(stored: StoredObject): void {
    this.objects.set(slot(stored.metadata.bucket, stored.metadata.key), stored);
  }

  read(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(slot(bucket, key));
  }

  /** Every stored object, in the order first written. */
  list(): StoredObject[] {
    return [...this.objects.values()];
  }

  /** A byte-for-byte copy of everything on the disk. */
  image(): Bytes {
    return concat(...this.list().map((o) => o.record));
  }

  get bytesUsed(): number {
    return this.list().reduce((n, o) => n + o.record.length, 0);
  }
}

/** Whether `text` (as UTF-8) occurs anywhere in `bytes`: the search a thief runs over a copied disk. */
export function containsText(bytes: Uint8Array, text: string): boolean {
  return text.length > 0 && containsBytes(bytes, utf8(text));
}
