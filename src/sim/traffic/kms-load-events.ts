/**
 * Turns the load lab's per-attempt trace into the shared event vocabulary (src/sim/core/events.ts),
 * so a small run can be animated on the lesson diagram and listed in its text twin like any other
 * scenario: each attempt is a request message, KMS's answer is a response message (a throttle carries
 * KMS's own ThrottlingException text), and the client's reaction (back off, give up) is a note.
 */
import type { SimEventInput } from '../core/events';
import { messages } from '../../kms/errors';
import type { KmsLoadTraceAttempt } from './kms-load';

export interface TimedSimEvent {
  /** Model time, ms since the start of the run. */
  at: number;
  event: SimEventInput;
}

export interface TraceActorNames {
  client(index: number): string;
  kms: string;
}

const DEFAULT_NAMES: TraceActorNames = { client: (index) => `client-${index + 1}`, kms: 'kms' };

const REFUSAL_TEXT = {
  'not-retryable': 'the error is not retryable',
  attempts: 'no attempts left',
  'retry-quota': 'the SDK retry quota is empty',
} as const;

export function loadTraceToEvents(trace: readonly KmsLoadTraceAttempt[], names: TraceActorNames = DEFAULT_NAMES): TimedSimEvent[] {
  const out: TimedSimEvent[] = [];
  for (const attempt of trace) {
    const client = names.client(attempt.client);
    const throttled = attempt.outcome === 'throttled';
    out.push({
      at: attempt.sentAtMs,
      event: {
        type: 'message',
        from: client,
        to: names.kms,
        label: `kms:${attempt.operation}`,
        carries: [{ kind: 'metadata', label: `${attempt.operation} request, attempt ${attempt.attempt}` }],
        outcome: throttled ? 'rejected' : 'delivered',
      },
    });
    const answer =
      attempt.outcome === 'success'
        ? { label: `${attempt.operation} response`, preview: 'HTTP 200' }
        : throttled
          ? { label: 'ThrottlingException', preview: `HTTP 400: ${messages.throttled()}` }
          : { label: 'KMSInternalException', preview: 'HTTP 500' };
    out.push({
      at: attempt.arrivedAtMs,
      event: { type: 'message', from: names.kms, to: client, label: answer.label, carries: [{ kind: 'metadata', label: answer.label, preview: answer.preview }] },
    });
    if (attempt.respondedAtMs === null) continue;
    if (attempt.next.kind === 'retry') {
      out.push({
        at: attempt.respondedAtMs,
        event: { type: 'note', actor: client, text: `backs off ${Math.round(attempt.next.delayMs)} ms, then sends attempt ${attempt.attempt + 1}`, tone: 'warning' },
      });
    } else if (attempt.next.kind === 'give-up') {
      out.push({
        at: attempt.respondedAtMs,
        event: { type: 'note', actor: client, text: `gives up: ${REFUSAL_TEXT[attempt.next.reason]}; the application gets ${answer.label}`, tone: 'danger' },
      });
    }
  }
  // Stable sort: events at the same moment keep the order above (request, answer, reaction).
  return out.sort((a, b) => a.at - b.at);
}
