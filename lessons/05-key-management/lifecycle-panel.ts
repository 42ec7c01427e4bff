/**
 * The payroll key's place in the key lifecycle, as a scenario panel: the engine's key-state machine
 * drawn (src/kms/keys/key-lifecycle-diagram.ts), the key's current state lit and the machine edge its
 * last change of state took marked.
 */
import { findLifecycleEdge, keyLifecycleDiagram } from '../../src/kms/keys/key-lifecycle-diagram';
import type { KeyLifecyclePanel } from '../../src/lessons/types';

/** The machine does not change while the page runs: lay it out once. */
let diagram: ReturnType<typeof keyLifecycleDiagram> | undefined;

/** DescribeKey's answer as a node of the machine: a key KMS no longer knows is Deleted. */
const nodeOf = (keyState: string) => (keyState === 'deleted' ? 'Deleted' : keyState);

export function lifecyclePanel(keyState: string, changes: readonly { from: string; to: string; by: string }[]): KeyLifecyclePanel {
  diagram ??= keyLifecycleDiagram();
  const last = changes.at(-1);
  const edge = last && findLifecycleEdge(diagram, nodeOf(last.from), nodeOf(last.to), last.by);
  return {
    kind: 'key-lifecycle',
    id: 'payroll-key-lifecycle',
    title: "The payroll key's lifecycle, from the engine's key-state machine",
    diagram,
    current: nodeOf(keyState),
    ...(edge ? { lastEdge: edge.n } : {}),
  };
}
