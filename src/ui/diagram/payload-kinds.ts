/**
 * How each kind of payload is shown. Colour is never the only signal: every kind has its own icon
 * and its name is written beside it (in the diagram's chips and in the text twin).
 */
import type { PayloadKind } from '../../sim/core/events';

export interface PayloadKindStyle {
  /** Written in the text twin and on chips: "plaintext", "encrypted key". */
  name: string;
  /** CSS colour variable from app.css. */
  colour: string;
  /** 16×16 icon drawn with strokes in currentColor (see PayloadIcon.svelte). */
  icon: string;
}

export const payloadKinds: Record<PayloadKind, PayloadKindStyle> = {
  // an open page with lines of text: anyone can read it
  plaintext: { name: 'plaintext', colour: 'var(--kind-plaintext)', icon: 'M4 1.5h6l3 3v10H4z M6 7h5 M6 9.5h5 M6 12h3' },
  // a closed padlock
  ciphertext: { name: 'ciphertext', colour: 'var(--kind-ciphertext)', icon: 'M3.5 7.5h9v7h-9z M5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5 M8 10v2' },
  // a key: ring and bit
  key: { name: 'key', colour: 'var(--kind-key)', icon: 'M2 6.5a3 3 0 1 0 6 0a3 3 0 1 0 -6 0 M8 6.5h6.5 M12 6.5v3 M14.5 6.5v2.5' },
  // a key inside a box: wrapped under another key
  'encrypted-key': {
    name: 'encrypted key',
    colour: 'var(--kind-encrypted-key)',
    icon: 'M1.5 2.5h13v11h-13z M3.5 8a2 2 0 1 0 4 0a2 2 0 1 0 -4 0 M7.5 8h5 M11 8v2',
  },
  // a key with an open ring and a dot: shareable
  'public-key': {
    name: 'public key',
    colour: 'var(--kind-public-key)',
    icon: 'M2 6.5a3 3 0 1 0 6 0a3 3 0 1 0 -6 0 M8 6.5h6.5 M12 6.5v3 M5 6.5h0.01 M2 13.5h12',
  },
  // a rosette with ribbons
  certificate: { name: 'certificate', colour: 'var(--kind-certificate)', icon: 'M4 6a4 4 0 1 0 8 0a4 4 0 1 0 -8 0 M5.5 9.5 4.5 15 8 13l3.5 2-1-5.5 M6.5 6l1.2 1.2L10 4.8' },
  // a pen nib over a line
  signature: { name: 'signature', colour: 'var(--kind-signature)', icon: 'M3 11 11 3l2 2-8 8H3z M1.5 14.5h13' },
  // a tag
  metadata: { name: 'metadata', colour: 'var(--kind-metadata)', icon: 'M1.5 1.5h6l7 7-6 6-7-7z M4.5 4.5h0.01' },
};

/** For messages seen by someone on the wire: an eye. */
export const observedIcon = 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z M6 8a2 2 0 1 0 4 0a2 2 0 1 0 -4 0';
/** For rejected messages: a cross in a circle. */
export const rejectedIcon = 'M2 8a6 6 0 1 0 12 0a6 6 0 1 0 -12 0 M5.5 5.5l5 5 M10.5 5.5l-5 5';
