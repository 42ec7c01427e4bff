/**
 * A scenario's `dispatch` from a table of handlers, one per event type. An event type with no
 * handler is a mistake in a step's frontmatter or an action's toEvent, so it throws rather than
 * being ignored.
 */
import type { ScenarioEvent } from './types';

export type ScenarioEventHandlers = Record<string, (event: ScenarioEvent) => Promise<void>>;

/** `lessonId`, when given, starts the error message, to say whose scenario refused the event. */
export function dispatchByType(handlers: ScenarioEventHandlers, lessonId?: string): (event: ScenarioEvent) => Promise<void> {
  return async (event) => {
    const handler = handlers[event.type];
    if (!handler) throw new Error(`${lessonId ? `${lessonId}: ` : ''}unknown scenario event "${event.type}"`);
    await handler(event);
  };
}
