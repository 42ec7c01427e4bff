import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../src/kms/wire';

describe('base64 as the KMS endpoint reads and writes it', () => {
  it('round-trips any bytes, and encodes exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual({ ok: true, bytes: new Uint8Array(bytes) });
      }),
    );
  });

  it('accepts only the one canonical encoding of each byte string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const result = decodeBase64(text);
        if (result.ok) expect(encodeBase64(result.bytes)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['abc', { kind: 'length', length: 3 }],
    ['ab d', { kind: 'character', character: ' ' }],
    ['ab-_', { kind: 'character', character: '-' }],
    ['a===', { kind: 'character', character: '=' }],
    ['=AAA', { kind: 'character', character: '=' }],
    ['aé==', { kind: 'character', character: 'é' }],
    ['QR==', { kind: 'last-character' }],
    ['QUI=', { kind: 'ok' }],
    ['QUJ=', { kind: 'last-character' }],
  ])('%j', (text, expected) => {
    const result = decodeBase64(text);
    if (expected.kind === 'ok') expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, problem: expected });
  });
});
