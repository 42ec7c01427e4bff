import { keyStateMachine } from './key-state-machine.ts';

/**
 * The key lifecycle as a drawable graph, read from the engine's own XState machine at runtime (its
 * states, their `on` and `always` transitions and guards), so the diagram a learner sees cannot drift
 * from the rule the engine enforces. Only the words are added here: which API call or model-clock
 * event sends each machine event, and where each state sits on the page. A state or event the
 * machine gains later still appears (in a spare row, with its event name as its cause).
 */

export interface LifecycleNode {
  state: string;
  /** The machine's own description of the state (empty for the transient Creating). */
  description: string;
  final: boolean;
  /** Centre of the node, in the diagram's viewBox units. */
  x: number;
  y: number;
}

export interface LifecycleEdge {
  /** 1-based, in the machine's order: the number drawn on the edge and in the text twin. */
  n: number;
  from: string;
  to: string;
  /** The machine event (`always` for CreateKey's choice). */
  event: string;
  /** What sends it: an API call or a model-clock event, e.g. "DisableKey". */
  cause: string;
  /** The machine's guard, in words, when the event can go two ways. */
  condition?: string;
  /** SVG path from the edge of `from` to the edge of `to` (absent for a self-transition). */
  path?: string;
  /** Where the edge's number badge sits. */
  badge?: { x: number; y: number };
}

export interface KeyLifecycleDiagram {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: LifecycleNode[];
  /** Transitions that change the state, drawn. */
  edges: LifecycleEdge[];
  /** Events a state accepts without changing (EnableKey on an Enabled key): listed, not drawn. */
  selfTransitions: LifecycleEdge[];
}

/** What sends each machine event; the machine's event names are the engine's, these are the learner's words. */
const CAUSES: Record<string, string> = {
  always: 'CreateKey',
  ENABLE: 'EnableKey',
  DISABLE: 'DisableKey',
  SCHEDULE_DELETION: 'ScheduleKeyDeletion',
  CANCEL_DELETION: 'CancelKeyDeletion',
  IMPORT_MATERIAL: 'ImportKeyMaterial',
  MATERIAL_REMOVED: 'DeleteImportedKeyMaterial, or the expiry of imported material (model clock)',
  DELETION_WINDOW_ENDED: 'the end of the waiting period (model clock)',
  DISCONNECT: 'DisconnectCustomKeyStore',
  CONNECT: 'ConnectCustomKeyStore',
};

const GUARDS: Record<string, [met: string, unmet: string]> = {
  hasKeyMaterial: ['the key has key material', 'the key has no key material (Origin EXTERNAL)'],
};

/** Grid cell (column, row) of each state: the usual path reads top to bottom, imports on the right. */
const CELLS: Record<string, [number, number]> = {
  Creating: [1, 0],
  Enabled: [0, 1],
  PendingImport: [2, 1],
  Disabled: [0, 2],
  Unavailable: [2, 2],
  PendingDeletion: [1, 3],
  Deleted: [1, 4],
};

const NODE_W = 132;
const NODE_H = 40;
const COL = 170;
const ROW = 92;
const MARGIN = 16;

interface MachineTransition {
  eventType: string;
  target?: readonly { key: string }[];
  guard?: unknown;
}

const guardName = (guard: unknown): string | undefined =>
  typeof guard === 'string' ? guard : guard && typeof guard === 'object' && 'type' in guard ? String((guard as { type: unknown }).type) : undefined;

/** The machine's transitions in its own order: [from, event, to, condition]. */
function machineTransitions(): { from: string; event: string; to: string; condition?: string }[] {
  const out: { from: string; event: string; to: string; condition?: string }[] = [];
  for (const [from, node] of Object.entries(keyStateMachine.states)) {
    const groups: [string, readonly MachineTransition[]][] = [
      ...(node.always ? [['always', node.always] as [string, readonly MachineTransition[]]] : []),
      ...[...node.transitions.entries()],
    ];
    for (const [event, candidates] of groups) {
      candidates.forEach((t, i) => {
        const guard = guardName(t.guard);
        // An unguarded fallback after a guarded candidate is the "otherwise" branch of that guard.
        const fallbackOf = !guard && i > 0 ? guardName(candidates[i - 1].guard) : undefined;
        const condition = guard ? (GUARDS[guard]?.[0] ?? guard) : fallbackOf ? (GUARDS[fallbackOf]?.[1] ?? `not ${fallbackOf}`) : undefined;
        for (const target of t.target ?? [{ key: from }]) out.push({ from, event, to: target.key, condition });
      });
    }
  }
  return out;
}

function cellOf(state: string, spare: Map<string, number>): [number, number] {
  const known = CELLS[state];
  if (known) return known;
  if (!spare.has(state)) spare.set(state, spare.size);
  const i = spare.get(state)!;
  return [i % 3, 5 + Math.floor(i / 3)];
}

/** Where a straight line from the centre of a node towards (dx, dy) leaves its rectangle. */
function rim(x: number, y: number, dx: number, dy: number): [number, number] {
  const sx = dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [x + dx * s, y + dy * s];
}

const BADGE_AT = 0.45;
const bezier = (p0: number, c: number, p1: number, t: number) => (1 - t) ** 2 * p0 + 2 * t * (1 - t) * c + t ** 2 * p1;

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The lifecycle graph with its layout, computed from `keyStateMachine`. */
export function keyLifecycleDiagram(): KeyLifecycleDiagram {
  const spare = new Map<string, number>();
  const nodes: LifecycleNode[] = Object.entries(keyStateMachine.states).map(([state, node]) => {
    const [c, r] = cellOf(state, spare);
    return { state, description: node.description ?? '', final: node.type === 'final', x: MARGIN + NODE_W / 2 + c * COL, y: MARGIN + NODE_H / 2 + r * ROW };
  });
  const at = new Map(nodes.map((n) => [n.state, n]));
  const edges: LifecycleEdge[] = [];
  const selfTransitions: LifecycleEdge[] = [];
  let n = 0;
  for (const t of machineTransitions()) {
    const base = { from: t.from, to: t.to, event: t.event, cause: CAUSES[t.event] ?? t.event, ...(t.condition ? { condition: t.condition } : {}) };
    if (t.from === t.to) {
      selfTransitions.push({ n: 0, ...base });
      continue;
    }
    const a = at.get(t.from)!;
    const b = at.get(t.to)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    // Bend every edge to its right: the two directions between a pair of states then never overlap.
    const bend = 30;
    const cx = (a.x + b.x) / 2 - (dy / len) * bend;
    const cy = (a.y + b.y) / 2 + (dx / len) * bend;
    const [sx, sy] = rim(a.x, a.y, cx - a.x, cy - a.y);
    const [ex, ey] = rim(b.x, b.y, cx - b.x, cy - b.y);
    // The badge sits a little before the middle, so edges that cross mid-way keep their numbers apart.
    const badge = { x: r1(bezier(sx, cx, ex, BADGE_AT)), y: r1(bezier(sy, cy, ey, BADGE_AT)) };
    edges.push({ n: ++n, ...base, path: `M${r1(sx)},${r1(sy)} Q${r1(cx)},${r1(cy)} ${r1(ex)},${r1(ey)}`, badge });
  }
  const width = Math.max(...nodes.map((node) => node.x)) + NODE_W / 2 + MARGIN;
  const height = Math.max(...nodes.map((node) => node.y)) + NODE_H / 2 + MARGIN;
  return { width, height, nodeWidth: NODE_W, nodeHeight: NODE_H, nodes, edges, selfTransitions };
}

/** One transition in words, e.g. "Enabled → Disabled: DisableKey". */
export function describeLifecycleEdge(edge: Pick<LifecycleEdge, 'from' | 'to' | 'cause' | 'condition'>): string {
  return `${edge.from} → ${edge.to}: ${edge.cause}${edge.condition ? ` (when ${edge.condition})` : ''}`;
}

/**
 * The machine edge a key just took, from the states the engine reported before and after a call
 * and what caused it (an operation name, or "model clock"). Undefined when the machine has no such
 * edge, which a test treats as drift between the engine and its diagram.
 */
export function findLifecycleEdge(diagram: KeyLifecycleDiagram, from: string, to: string, cause: string): LifecycleEdge | undefined {
  const between = diagram.edges.filter((e) => e.from === from && e.to === to);
  const byClock = cause === 'model clock';
  return between.find((e) => (byClock ? e.cause.includes('model clock') : e.cause.split(/[ ,]/).includes(cause))) ?? between[0];
}
