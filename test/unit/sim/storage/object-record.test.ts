/**
 * The on-disk record of one object: a round trip, the layout's byte ranges, and the envelope
 * cipher's refusal of any change.
 */
import { describe, expect, it } from 'vitest';
import { decodeObjectRecord, decryptWithDataKey, encodeObjectRecord, encryptWithDataKey, readableMetadata, recordLayout, S3ManagedKeys, TAG_BYTES } from '../../../../src/sim/storage';
import { fromUtf8, utf8 } from '../../../../src/sim/tls/bytes';

const ARN = 'arn:aws:s3:::reports/q3.txt';
const metadata = { bucket: 'reports', key: 'q3.txt', serverSideEncryption: 'aws:kms' as const, kmsKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/k', encryptionContext: { 'aws:s3:arn': ARN }, contentLength: 5 };

describe('object record', () => {
  it('round-trips and lays out metadata, encrypted data key, IV, ciphertext and tag without gaps', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const { iv, ciphertext } = await encryptWithDataKey(key, utf8('hello'), ARN);
    const stored = encodeObjectRecord(metadata, new Uint8Array(40).fill(7), iv, ciphertext);
    expect(decodeObjectRecord(stored.record)).toEqual(stored);
    const layout = recordLayout(stored);
    expect(layout.map((r) => r.part)).toEqual(['metadata', 'encrypted data key', 'IV', 'ciphertext', 'authentication tag']);
    expect(layout[0].from).toBe(0);
    for (let i = 1; i < layout.length; i++) expect(layout[i].from).toBe(layout[i - 1].to);
    expect(layout.at(-1)!.to).toBe(stored.record.length);
    expect(layout.at(-1)!.to - layout.at(-1)!.from).toBe(TAG_BYTES);
    expect(layout[3].to - layout[3].from).toBe(3 + 5); // length prefix + 5 bytes of ciphertext
    expect(JSON.parse(readableMetadata(stored))).toEqual(metadata);
  });

  it('erases the plaintext data key once it is imported, and refuses a ciphertext under another name', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const copy = new Uint8Array(key);
    const { iv, ciphertext } = await encryptWithDataKey(key, utf8('hello'), ARN);
    expect(key.every((b) => b === 0)).toBe(true);
    expect(fromUtf8(await decryptWithDataKey(new Uint8Array(copy), iv, ciphertext, ARN))).toBe('hello');
    await expect(decryptWithDataKey(new Uint8Array(copy), iv, ciphertext, 'arn:aws:s3:::reports/other.txt')).rejects.toThrow();
    const flipped = new Uint8Array(ciphertext);
    flipped[0] ^= 1;
    await expect(decryptWithDataKey(new Uint8Array(copy), iv, flipped, ARN)).rejects.toThrow();
  });

  it('SSE-S3 data keys unwrap only with the store\'s own root key', async () => {
    const keys = await S3ManagedKeys.create();
    const other = await S3ManagedKeys.create();
    const { plaintext, wrapped } = await keys.newDataKey();
    expect(await keys.unwrap(wrapped)).toEqual(plaintext);
    await expect(other.unwrap(wrapped)).rejects.toThrow();
  });
});
