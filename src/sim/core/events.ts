/**
 * The one event stream that every view reads. The simulated world appends SimEvents; the diagram,
 * its text twin, the audit log and the charts only render them. Events are plain JSON so that a
 * replay can be compared with a stored one and sent across a worker or an iframe boundary.
 */

/** What a message carries, by how readable it is. Views colour by kind: plaintext vs ciphertext vs key. */
export type PayloadKind =
  | 'plaintext'
  | 'ciphertext'
  | 'key' // a plaintext key (data key, session key, private key): the dangerous kind
  | 'encrypted-key' // a key wrapped under another key: safe to store
  | 'public-key'
  | 'certificate'
  | 'signature'
  | 'metadata'; // headers, ids, parameters: neither secret nor encrypted

export interface Payload {
  kind: PayloadKind;
  /** Short name shown on the diagram: "password", "TLS record", "data key". */
  label: string;
  /** What the bytes look like to someone who sees them: text for plaintext, hex or base64 otherwise (truncated). */
  preview?: string;
  /** Size in bytes, when it helps the lesson ("the 4 KB limit"). */
  bytes?: number;
}

export type Tone = 'info' | 'success' | 'warning' | 'danger';

interface EventBase {
  /** Position in the stream, from 0; stable across replays of the same log and seed. */
  seq: number;
  /** Model time in ms since the epoch. */
  at: number;
}

/** Something sent from one actor to another (a request, a response, a TLS record). */
export interface MessageEvent extends EventBase {
  type: 'message';
  from: string;
  to: string;
  /** The message's name: "POST /login", "ClientHello", "kms:GenerateDataKey". */
  label: string;
  carries: Payload[];
  /** Actors (such as an eavesdropper) that also saw the message as it crossed the network. */
  observedBy?: string[];
  /** What became of it; default 'delivered'. 'rejected' = the receiver refused it (bad MAC, bad certificate). */
  outcome?: 'delivered' | 'dropped' | 'rejected';
}

/** Something that happened inside one actor ("verifies the certificate", "decrypts the record"). */
export interface NoteEvent extends EventBase {
  type: 'note';
  actor: string;
  text: string;
  tone?: Tone;
  carries?: Payload[];
}

export type SimEvent = MessageEvent | NoteEvent;

/** An event before it is stamped with its place and time in the stream. */
export type SimEventInput = Omit<MessageEvent, 'seq' | 'at'> | Omit<NoteEvent, 'seq' | 'at'>;

/** Append-only log with subscribers; the world writes, views read. */
export interface EventStream {
  readonly events: readonly SimEvent[];
  emit(event: SimEventInput): SimEvent;
  subscribe(listener: (event: SimEvent) => void): () => void;
}

export function createEventStream(now: () => number): EventStream {
  const events: SimEvent[] = [];
  const listeners = new Set<(event: SimEvent) => void>();
  return {
    events,
    emit(input) {
      const event = { ...input, seq: events.length, at: now() } as SimEvent;
      events.push(event);
      for (const listener of [...listeners]) listener(event);
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A short, display-safe preview of bytes: hex for the first `max` bytes, with an ellipsis. */
export function hexPreview(bytes: Uint8Array, max = 16): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join('');
  return bytes.length > max ? `${shown}…` : shown;
}
