/**
 * What a passive eavesdropper can learn: it searches the bytes it captured for a form field, the
 * way a packet sniffer would. Over plain HTTP it finds the password; over TLS the same search over
 * the same kind of traffic finds nothing, because the bytes are ciphertext.
 */
import type { Capture } from './network';

export interface Finding {
  field: string;
  value: string;
  /** The message event (stream seq) the value was read from. */
  seq: number;
  label: string;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function formDecode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw; // a malformed escape is shown as captured
  }
}

/** Every `field=value` (form encoding) readable in the captures, in capture order. */
export function findFormField(captures: readonly Capture[], field: string): Finding[] {
  const pattern = new RegExp(`(?:^|[&\\s])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^&\\s]*)`, 'g');
  const findings: Finding[] = [];
  for (const capture of captures) {
    const text = decoder.decode(capture.bytes);
    for (const match of text.matchAll(pattern)) {
      findings.push({ field, value: formDecode(match[1]), seq: capture.seq, label: capture.label });
    }
  }
  return findings;
}
