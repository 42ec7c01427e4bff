/**
 * The words of the text twin: each event of the stream as one sentence a screen reader can read,
 * e.g. "Browser → Web server: POST /login carrying password (plaintext) 'hunter2' — also seen by Eavesdropper".
 */
import type { MessageEvent, Payload, SimEvent } from '../../sim/core/events';
import { payloadKinds } from './payload-kinds';

export type ActorLabels = (actorId: string) => string;

export function actorLabelLookup(actors: readonly { id: string; label: string }[]): ActorLabels {
  const labels = new Map(actors.map((actor) => [actor.id, actor.label]));
  return (id) => labels.get(id) ?? id;
}

export function describePayload(payload: Payload): string {
  const kind = payloadKinds[payload.kind]?.name ?? payload.kind;
  const preview = payload.preview ? ` '${payload.preview}'` : '';
  const size = payload.bytes !== undefined ? ` (${payload.bytes} bytes)` : '';
  return `${payload.label} (${kind})${preview}${size}`;
}

export function describePayloads(payloads: readonly Payload[]): string {
  return payloads.map(describePayload).join(', ');
}

export function describeOutcome(event: MessageEvent, label: ActorLabels): string {
  if (event.outcome === 'rejected') return `rejected by ${label(event.to)}`;
  if (event.outcome === 'dropped') return 'dropped before it arrived';
  return '';
}

export function describeEvent(event: SimEvent, label: ActorLabels): string {
  if (event.type === 'note') {
    const carries = event.carries?.length ? ` (${describePayloads(event.carries)})` : '';
    return `${label(event.actor)}: ${event.text}${carries}`;
  }
  const parts = [`${label(event.from)} → ${label(event.to)}: ${event.label}`];
  if (event.carries.length) parts.push(` carrying ${describePayloads(event.carries)}`);
  if (event.observedBy?.length) parts.push(` — also seen by ${event.observedBy.map(label).join(' and ')}`);
  const outcome = describeOutcome(event, label);
  if (outcome) parts.push(` — ${outcome}`);
  return parts.join('');
}

/** Whether the current step's `focus` highlights this event. */
export function isFocused(event: SimEvent, focus: { actors?: string[]; messages?: string[] } | undefined): boolean {
  if (!focus) return false;
  if (event.type === 'message') return focus.messages?.includes(event.label) ?? false;
  return false;
}
