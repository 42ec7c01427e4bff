/**
 * The 'audit-log' scenario panel, built the same way for every lesson that shows KMS's CloudTrail
 * log: every event so far plus the access decisions each call made (only the calls that made some).
 */
import type { CloudTrailEvent, RecordedDecision } from '../../kms/index';
import type { AuditLogPanel } from '../types';

/** What a scenario state needs to show its log: the engine's own trail and its decision record. */
export interface AuditTrailState {
  trail: readonly CloudTrailEvent[];
  decisionsOf(eventID: string): RecordedDecision[];
}

export interface AuditLogPanelOptions {
  title: string;
  /** Show no panel until the first event is logged (default: show the empty log). */
  hideUntilFirstEvent?: boolean;
}

/**
 * A scenario's `panels` for its log. The log only grows, so one panel serves every snapshot of a
 * state until a new event arrives (the view then keeps its filters and open rows).
 */
export function auditLogPanels<S extends AuditTrailState>({ title, hideUntilFirstEvent = false }: AuditLogPanelOptions): (state: S) => AuditLogPanel[] {
  const cache = new WeakMap<S, AuditLogPanel>();
  return (state) => {
    if (hideUntilFirstEvent && state.trail.length === 0) return [];
    const cached = cache.get(state);
    if (cached?.events.length === state.trail.length) return [cached];
    const panel: AuditLogPanel = {
      kind: 'audit-log',
      id: 'audit-log',
      title,
      events: [...state.trail],
      decisions: Object.fromEntries(state.trail.map((e) => [e.eventID, state.decisionsOf(e.eventID)] as const).filter(([, d]) => d.length > 0)),
    };
    cache.set(state, panel);
    return [panel];
  };
}
