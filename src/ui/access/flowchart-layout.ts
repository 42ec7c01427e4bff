/**
 * Geometry of the evaluation-order flowchart: the questions in a column, each "yes" (or "no") that
 * ends the evaluation leading right to an end box, the others leading down, and the one path this
 * request took marked node by node and edge by edge (numbered like the text version's list).
 * Three shapes: a key of the caller's own account, another account's key (KMS must perform the
 * action across accounts, and IAM must allow even when the key policy names the caller), and no
 * key at all (IAM alone decides). Computed for the container's real width so the text keeps its
 * size on a 375 px phone. Pure: tested without a browser.
 */
import type { KmsAccessResult } from '../../kms/index.ts';
import { wrapText } from '../diagram/layout';
import { ENDING_WORDS, STEP_QUESTIONS, takenPath, type Ending, type Question } from './decision-words';

export const MIN_WIDTH = 300;
/** Wider than this, boxes would only grow emptier: the chart keeps this width on a wide screen. */
export const MAX_WIDTH = 560;
export const LINE_HEIGHT = 16;
const MARGIN = 8;
/** Room on the left for the edge that bypasses the IAM question. */
const LANE = 26;
const GAP_RIGHT = 30;
const ROW_GAP = 34;
const PADDING_Y = 12;
const CHAR_WIDTH = 7;

export type NodeId = Question | Ending;
export type NodeState = 'taken' | 'not-reached';

export interface FlowNode {
  id: NodeId;
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
  from: NodeId;
  to: NodeId;
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
  path: NodeId[];
}

interface ChartShape {
  /** Questions top to bottom, each with the end box its row leads right to (and on which answer). */
  rows: { question: Question; end?: { id: Ending; on: 'Yes' | 'No' } }[];
  /** Edges between questions (and to the end under the last question), with their answer. */
  down: [Question, Question | Ending, string][];
}

function shapeFor(result: KmsAccessResult): ChartShape {
  const { hasKey, crossAccount } = result.trace.request;
  if (!hasKey) {
    return {
      rows: [
        { question: 'explicit-deny', end: { id: 'deny-explicit', on: 'Yes' } },
        { question: 'identity-policy-allows', end: { id: 'allow-iam-only', on: 'Yes' } },
      ],
      down: [['explicit-deny', 'identity-policy-allows', 'No'], ['identity-policy-allows', 'deny-implicit', 'No']],
    };
  }
  const tail: ChartShape['rows'] = [
    { question: 'key-policy-delegates-to-iam' },
    { question: 'identity-policy-allows', end: { id: 'allow-key-policy-and-iam', on: 'Yes' } },
    { question: 'grant-allows', end: { id: 'allow-grant', on: 'Yes' } },
  ];
  const tailDown: ChartShape['down'] = [
    ['key-policy-delegates-to-iam', 'identity-policy-allows', 'Yes'],
    ['key-policy-delegates-to-iam', 'grant-allows', 'No'],
    ['identity-policy-allows', 'grant-allows', 'No'],
    ['grant-allows', 'deny-implicit', 'No'],
  ];
  if (crossAccount) {
    return {
      rows: [
        { question: 'explicit-deny', end: { id: 'deny-explicit', on: 'Yes' } },
        { question: 'cross-account-capable', end: { id: 'deny-not-across-accounts', on: 'No' } },
        { question: 'key-policy-allows-principal' },
        ...tail,
      ],
      down: [
        ['explicit-deny', 'cross-account-capable', 'No'],
        ['cross-account-capable', 'key-policy-allows-principal', 'Yes'],
        // Another account's key: naming the caller is not enough, its own IAM must allow too.
        ['key-policy-allows-principal', 'key-policy-delegates-to-iam', 'Either way: another account'],
        ...tailDown,
      ],
    };
  }
  return {
    rows: [
      { question: 'explicit-deny', end: { id: 'deny-explicit', on: 'Yes' } },
      { question: 'key-policy-allows-principal', end: { id: 'allow-key-policy', on: 'Yes' } },
      ...tail,
    ],
    down: [['explicit-deny', 'key-policy-allows-principal', 'No'], ['key-policy-allows-principal', 'key-policy-delegates-to-iam', 'No'], ...tailDown],
  };
}

export function layoutFlowchart(result: KmsAccessResult, availableWidth: number): FlowchartLayout {
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(availableWidth)));
  const qx = MARGIN + LANE;
  const qWidth = Math.round((width - qx - MARGIN - GAP_RIGHT) * 0.6);
  const ex = qx + qWidth + GAP_RIGHT;
  const eWidth = width - MARGIN - ex;
  const boxHeight = (lines: string[]) => lines.length * LINE_HEIGHT + PADDING_Y * 2;

  const { taken } = takenPath(result);
  const path = taken.map((entry) => entry.id);
  const shape = shapeFor(result);

  const nodes: FlowNode[] = [];
  const node = (id: NodeId, kind: FlowNode['kind'], text: string, x: number, y: number, w: number, minHeight = 0): FlowNode => {
    const lines = wrapText(text, w - 16, CHAR_WIDTH, 3);
    const at = path.indexOf(id);
    const n: FlowNode = { id, kind, lines, x, y, width: w, height: Math.max(boxHeight(lines), minHeight), state: at >= 0 ? 'taken' : 'not-reached' };
    if (at >= 0) n.order = at + 1;
    const answer = taken[at]?.answer;
    if (answer) n.answer = answer;
    if (kind === 'end') n.tone = id.startsWith('allow') ? 'allow' : 'deny';
    nodes.push(n);
    return n;
  };

  let y = MARGIN + 4;
  for (const row of shape.rows) {
    const endLines = row.end ? wrapText(ENDING_WORDS[row.end.id], eWidth - 16, CHAR_WIDTH, 3) : [];
    const q = node(row.question, 'question', STEP_QUESTIONS[row.question].short, qx, y, qWidth, row.end ? boxHeight(endLines) : 0);
    if (row.end) node(row.end.id, 'end', ENDING_WORDS[row.end.id], ex, y, eWidth, q.height);
    y += q.height + ROW_GAP;
  }
  const last = node('deny-implicit', 'end', ENDING_WORDS['deny-implicit'], qx, y, qWidth);
  const height = last.y + last.height + MARGIN;

  const onPath = new Set(path.slice(1).map((to, i) => `${path[i]}→${to}`));
  const byId = (id: NodeId) => nodes.find((n) => n.id === id) as FlowNode;
  const mid = (n: FlowNode) => n.y + n.height / 2;
  const centre = (n: FlowNode) => n.x + n.width / 2;
  const edges: FlowEdge[] = [];
  const edge = (from: NodeId, to: NodeId, label: string) => {
    const a = byId(from);
    const b = byId(to);
    const rowsApart = shape.rows.findIndex((r) => r.question === to) - shape.rows.findIndex((r) => r.question === from);
    let points: [number, number][];
    let labelAt: [number, number];
    let labelAnchor: FlowEdge['labelAnchor'] = 'start';
    if (b.kind === 'end' && b.x > a.x) {
      points = [[a.x + a.width, mid(a)], [b.x, mid(b)]];
      labelAt = [a.x + a.width + GAP_RIGHT / 2, mid(a) - 6];
      labelAnchor = 'middle';
    } else if (rowsApart > 1) {
      // A "no" that skips the question below runs down the lane on the left.
      const laneX = MARGIN + LANE / 2;
      points = [[a.x, mid(a)], [laneX, mid(a)], [laneX, mid(b)], [b.x, mid(b)]];
      labelAt = [laneX - 4, mid(a) + 16];
    } else {
      points = [[centre(a), a.y + a.height], [centre(b), b.y]];
      labelAt = [centre(a) + 6, a.y + a.height + ROW_GAP / 2 + 4];
    }
    edges.push({ from, to, label, points, labelAt, labelAnchor, taken: onPath.has(`${from}→${to}`) });
  };
  for (const row of shape.rows) if (row.end) edge(row.question, row.end.id, row.end.on);
  for (const [from, to, label] of shape.down) edge(from, to, label);
  return { width, height, nodes, edges, path };
}
