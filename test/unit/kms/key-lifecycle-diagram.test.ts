import { describe, expect, it } from 'vitest';
import { KEY_STATES, keyStateMachine } from '../../../src/kms/index.ts';
import { describeLifecycleEdge, findLifecycleEdge, keyLifecycleDiagram } from '../../../src/kms/keys/key-lifecycle-diagram.ts';
import { nextKeyState } from '../../../src/kms/keys/key-state-machine.ts';

const diagram = keyLifecycleDiagram();

describe('the key lifecycle diagram, read from the key-state machine', () => {
  it('has one node per machine state, every key state among them, inside the viewBox and apart', () => {
    expect(diagram.nodes.map((n) => n.state)).toEqual(Object.keys(keyStateMachine.states));
    for (const state of KEY_STATES) expect(diagram.nodes.map((n) => n.state)).toContain(state);
    for (const n of diagram.nodes) {
      expect(n.x - diagram.nodeWidth / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + diagram.nodeHeight / 2).toBeLessThanOrEqual(diagram.height);
    }
    const cells = new Set(diagram.nodes.map((n) => `${n.x},${n.y}`));
    expect(cells.size).toBe(diagram.nodes.length);
    expect(diagram.nodes.find((n) => n.state === 'Deleted')?.final).toBe(true);
  });

  it('draws exactly the transitions the engine takes, numbered in order, each caused by an API call or the model clock', () => {
    expect(diagram.edges.map((e) => e.n)).toEqual(diagram.edges.map((_, i) => i + 1));
    const byEvent: Record<string, string> = { DISABLE: 'DisableKey', ENABLE: 'EnableKey', SCHEDULE_DELETION: 'ScheduleKeyDeletion', IMPORT_MATERIAL: 'ImportKeyMaterial', DISCONNECT: 'DisconnectCustomKeyStore', CONNECT: 'ConnectCustomKeyStore' };
    for (const state of KEY_STATES) {
      for (const hasKeyMaterial of [true, false]) {
        for (const type of ['ENABLE', 'DISABLE', 'SCHEDULE_DELETION', 'CANCEL_DELETION', 'IMPORT_MATERIAL', 'MATERIAL_REMOVED', 'DELETION_WINDOW_ENDED', 'DISCONNECT', 'CONNECT'] as const) {
          const next = nextKeyState(state, { type }, hasKeyMaterial);
          const drawn = [...diagram.edges, ...diagram.selfTransitions].filter((e) => e.from === state && e.event === type);
          if (next === undefined) expect(drawn, `${state} ${type}`).toEqual([]);
          else expect(drawn.map((e) => e.to), `${state} ${type}`).toContain(next);
          if (byEvent[type]) for (const e of drawn) expect(e.cause).toBe(byEvent[type]);
        }
      }
    }
    expect(diagram.edges.filter((e) => e.from === 'Creating').map(describeLifecycleEdge)).toEqual([
      'Creating → Enabled: CreateKey (when the key has key material)',
      'Creating → PendingImport: CreateKey (when the key has no key material (Origin EXTERNAL))',
    ]);
    expect(diagram.selfTransitions.map((e) => `${e.from}:${e.cause}`)).toContain('Disabled:DisableKey');
    for (const e of diagram.edges) expect(e.path).toMatch(/^M[\d.]+,[\d.]+ Q[\d.-]+,[\d.-]+ [\d.]+,[\d.]+$/);
  });

  it('keeps edge numbers readable: no two badges closer than their diameter', () => {
    for (const a of diagram.edges) {
      for (const b of diagram.edges) {
        if (a.n < b.n) expect(Math.hypot(a.badge!.x - b.badge!.x, a.badge!.y - b.badge!.y), `${a.n} and ${b.n}`).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it('finds the edge a change of state took, by the call or the model clock', () => {
    expect(findLifecycleEdge(diagram, 'Enabled', 'Disabled', 'DisableKey')?.cause).toBe('DisableKey');
    expect(findLifecycleEdge(diagram, 'PendingDeletion', 'Deleted', 'model clock')?.event).toBe('DELETION_WINDOW_ENDED');
    expect(findLifecycleEdge(diagram, 'Enabled', 'PendingImport', 'model clock')?.event).toBe('MATERIAL_REMOVED');
    expect(findLifecycleEdge(diagram, 'Deleted', 'Enabled', 'EnableKey')).toBeUndefined();
  });
});
