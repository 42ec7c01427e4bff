/**
 * The wire between actors. Every transmission becomes one `message` SimEvent; actors tapping the
 * wire (a passive eavesdropper) are listed in `observedBy` and receive a copy of the exact bytes
 * that crossed it, which is all they ever learn. What an eavesdropper "knows" in a lesson is
 * computed from these captures, never written by hand.
 *
 * Latency: each hop advances model time by a delay from the seeded Rng, so replays are identical.
 */
import type { ModelClock } from '../core/clock';
import type { EventStream, MessageEvent, NoteEvent, Payload, Tone } from '../core/events';
import type { Rng } from '../core/rng';

export interface Transmission {
  from: string;
  to: string;
  label: string;
  carries: Payload[];
  /** The exact bytes on the wire (what a tap captures). */
  wire: Uint8Array;
  /** What the receiver did with it; decided by the receiver before the event is emitted. */
  outcome?: MessageEvent['outcome'];
}

export interface Capture {
  /** Stream position of the message event this capture belongs to. */
  seq: number;
  from: string;
  to: string;
  label: string;
  bytes: Uint8Array;
}

export interface NetworkOptions {
  stream: EventStream;
  clock: ModelClock;
  rng: Rng;
  /** One-way delay per hop in model milliseconds, drawn uniformly from [min, max]. */
  latencyMs?: readonly [number, number];
}

export interface Network {
  /**
   * Starts a passive tap: `actor` sees (and captures) every later transmission it is not a party to,
   * or, given a link, only those between its two ends (in either direction).
   */
  tap(actor: string, link?: readonly [string, string]): void;
  untap(actor: string): void;
  send(transmission: Transmission): MessageEvent;
  note(actor: string, text: string, options?: { tone?: Tone; carries?: Payload[] }): NoteEvent;
  /** Everything `actor` captured from the wire as a tap, in order. */
  captured(actor: string): readonly Capture[];
}

export function createNetwork({ stream, clock, rng, latencyMs = [8, 30] }: NetworkOptions): Network {
  /** Tapping actor → the link it listens on (undefined: every link). */
  const taps = new Map<string, readonly [string, string] | undefined>();
  const hears = (link: readonly [string, string] | undefined, from: string, to: string): boolean =>
    !link || (link.includes(from) && link.includes(to));
  const captures = new Map<string, Capture[]>();

  return {
    tap: (actor, link) => void taps.set(actor, link),
    untap: (actor) => void taps.delete(actor),
    send({ from, to, label, carries, wire, outcome }) {
      clock.advance(rng.int(latencyMs[0], latencyMs[1]));
      const observers = [...taps].filter(([actor, link]) => actor !== from && actor !== to && hears(link, from, to)).map(([actor]) => actor);
      const event = stream.emit({
        type: 'message',
        from,
        to,
        label,
        carries,
        ...(observers.length > 0 ? { observedBy: observers } : {}),
        ...(outcome && outcome !== 'delivered' ? { outcome } : {}),
      }) as MessageEvent;
      for (const actor of observers) {
        const list = captures.get(actor) ?? [];
        list.push({ seq: event.seq, from, to, label, bytes: new Uint8Array(wire) });
        captures.set(actor, list);
      }
      return event;
    },
    note(actor, text, options = {}) {
      return stream.emit({ type: 'note', actor, text, ...options }) as NoteEvent;
    },
    captured: (actor) => captures.get(actor) ?? [],
  };
}
