/**
 * Geometry of the evaluation-order flowchart: AWS's questions in a column, each "yes" that ends the
 * evaluation leading right to an end box, each "no" leading down, and the one path this request
 * took marked node by node and edge by edge (numbered like the text version's list). Computed for
 * the container's real width so the text keeps its size on a 375 px phone. Pure: tested in Node.
 */
import type { KmsAccessResult, StepName } from '../../kms/index.ts';
import { wrapText } from '../diagram/layout';
import { ENDING_WORDS, STEP_QUESTIONS, takenPath, type Ending } from './decision-words';

export const MIN_WIDTH = 300;
export const LINE_HEIGHT = 16;
const MARGIN = 8;
/** Room on the left for the edge that bypasses the IAM question. */
const LANE = 26;
const GAP_RIGHT = 30;
const ROW_GAP = 34;
const PADDING_Y = 12;
const CHAR_WIDTH = 7;

export type NodeState = 'taken' | 'not-reached';

export interface FlowNode {
  id: StepName | Ending;
  kind: 'question' | 'end';
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  state: NodeState;
  /** Position on the path (1-based), the same number as in the text version. */
  order?: number;
  /** For questions on the path: the answer given. */
  answer?: string;
  tone?: 'allow' | 'deny';
}

export interface FlowEdge {
  from: FlowNode['id'];
  to: FlowNode['id'];
  label: string;
  points: [number, number][];
  labelAt: [number, number];
  labelAnchor: 'start' | 'end' | 'middle';
  taken: boolean;
}

export interface FlowchartLayout {
  width: number;
  height: number;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** The ids on the path, in order: questions asked, then the end. */
  path: FlowNode['id'][];
}

const QUESTIONS: StepName[] = ['explicit-deny', 'key-policy-allows-principal', 'key-policy-delegates-to-iam', 'identity-policy-allows', 'grant-allows'];

/** Which end box a "yes" leads to (undefined: the "yes" goes on to another question). */
function yesEnding(step: StepName, crossAccount: boolean): Ending | undefined {
  switch (step) {
    case 'explicit-deny': return 'deny-explicit';
    case 'key-policy-allows-principal': return crossAccount ? undefined : 'allow-key-policy';
    case 'identity-policy-allows': return 'allow-key-policy-and-iam';
    case 'grant-allows': return 'allow-grant';
    default: return undefined;
  }
}

export function layoutFlowchart(result: KmsAccessResult, availableWidth: number): FlowchartLayout {
  const crossAccount = result.trace.request.crossAccount;
  const width = Math.max(MIN_WIDTH, Math.floor(availableWidth));
  const qx = MARGIN + LANE;
  const qWidth = Math.round((width - qx - MARGIN - GAP_RIGHT) * 0.6);
  const ex = qx + qWidth + GAP_RIGHT;
  const eWidth = width - MARGIN - ex;
  const boxHeight = (lines: string[]) => lines.length * LINE_HEIGHT + PADDING_Y * 2;

  const { taken } = takenPath(result);
  const path = taken.map((entry) => entry.id);
  const orderOf = (id: FlowNode['id']) => {
    const i = path.indexOf(id);
    return i < 0 ? undefined : i + 1;
  };

  const nodes: FlowNode[] = [];
  const node = (id: FlowNode['id'], kind: FlowNode['kind'], text: string, x: number, y: number, w: number, minHeight = 0): FlowNode => {
    const lines = wrapText(text, w - 16, CHAR_WIDTH, 3);
    const order = orderOf(id);
    const n: FlowNode = { id, kind, lines, x, y, width: w, height: Math.max(boxHeight(lines), minHeight), state: order ? 'taken' : 'not-reached' };
    if (order) n.order = order;
    const answer = taken.find((entry) => entry.id === id)?.answer;
    if (answer) n.answer = answer;
    if (kind === 'end') n.tone = id.startsWith('allow') ? 'allow' : 'deny';
    nodes.push(n);
    return n;
  };

  let y = MARGIN + 4;
  for (const step of QUESTIONS) {
    const endId = yesEnding(step, crossAccount);
    const endLines = endId ? wrapText(ENDING_WORDS[endId], eWidth - 16, CHAR_WIDTH, 3) : [];
    const q = node(step, 'question', STEP_QUESTIONS[step].short, qx, y, qWidth, endId ? boxHeight(endLines) : 0);
    if (endId) node(endId, 'end', ENDING_WORDS[endId], ex, y, eWidth, q.height);
    y += q.height + ROW_GAP;
  }
  const last = node('deny-implicit', 'end', ENDING_WORDS['deny-implicit'], qx, y, qWidth);
  const height = last.y + last.height + MARGIN;

  const pathEdges = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
  const edges: FlowEdge[] = [];
  const byId = (id: FlowNode['id']) => nodes.find((n) => n.id === id) as FlowNode;
  const mid = (n: FlowNode) => n.y + n.height / 2;
  const centre = (n: FlowNode) => n.x + n.width / 2;
  const edge = (from: FlowNode['id'], to: FlowNode['id'], label: string) => {
    const a = byId(from);
    const b = byId(to);
    let points: [number, number][];
    let labelAt: [number, number];
    let labelAnchor: FlowEdge['labelAnchor'] = 'start';
    if (b.kind === 'end' && b.x > a.x) {
      points = [[a.x + a.width, mid(a)], [b.x, mid(b)]];
      labelAt = [a.x + a.width + GAP_RIGHT / 2, mid(a) - 6];
      labelAnchor = 'middle';
    } else if (from === 'key-policy-delegates-to-iam' && to === 'grant-allows') {
      // The "no" that skips the IAM question runs down the lane on the left.
      const laneX = MARGIN + LANE / 2;
      points = [[a.x, mid(a)], [laneX, mid(a)], [laneX, mid(b)], [b.x, mid(b)]];
      labelAt = [laneX - 4, mid(a) + 16];
      labelAnchor = 'start';
    } else {
      points = [[centre(a), a.y + a.height], [centre(b), b.y]];
      labelAt = [centre(a) + 6, a.y + a.height + ROW_GAP / 2 + 4];
    }
    edges.push({ from, to, label, points, labelAt, labelAnchor, taken: pathEdges.has(`${from}→${to}`) });
  };

  edge('explicit-deny', 'deny-explicit', 'Yes');
  edge('explicit-deny', 'key-policy-allows-principal', 'No');
  if (crossAccount) edge('key-policy-allows-principal', 'key-policy-delegates-to-iam', 'Either way: another account');
  else {
    edge('key-policy-allows-principal', 'allow-key-policy', 'Yes');
    edge('key-policy-allows-principal', 'key-policy-delegates-to-iam', 'No');
  }
  edge('key-policy-delegates-to-iam', 'identity-policy-allows', 'Yes');
  edge('key-policy-delegates-to-iam', 'grant-allows', 'No');
  edge('identity-policy-allows', 'allow-key-policy-and-iam', 'Yes');
  edge('identity-policy-allows', 'grant-allows', 'No');
  edge('grant-allows', 'allow-grant', 'Yes');
  edge('grant-allows', 'deny-implicit', 'No');
  return { width, height, nodes, edges, path };
}
