/**
 * Under Vitest's jsdom environment the global Uint8Array is not the one Node's own TextEncoder
 * builds its results from, so encoded text fails the CLI's `instanceof Uint8Array` (a test
 * environment artefact: a browser page has one realm). The shell encodes text with TextEncoder,
 * so an encoder that returns the global Uint8Array is put in place before its modules load.
 */
const NativeEncoder = globalThis.TextEncoder;

class SameRealmTextEncoder extends NativeEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(super.encode(input));
  }
}

globalThis.TextEncoder = SameRealmTextEncoder;
