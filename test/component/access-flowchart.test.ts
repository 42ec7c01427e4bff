import { describe, expect, it } from 'vitest';
import { evaluateKmsAccess } from '../../src/kms/index.ts';
import { layoutFlowchart, MAX_WIDTH, MIN_WIDTH } from '../../src/ui/access/flowchart-layout';
import { takenPath } from '../../src/ui/access/decision-words';
import { ALICE, BOB, PARTNER, allowDecrypt, decide, viaS3Policy } from './access-fixtures';

/** The taken edges, in the order the path follows them. */
const takenEdges = (layout: ReturnType<typeof layoutFlowchart>) =>
  layout.edges
    .filter((e) => e.taken)
    .sort((a, b) => layout.path.indexOf(a.from) - layout.path.indexOf(b.from))
    .map((e) => `${e.from} -${e.label}-> ${e.to}`);

describe('evaluation-order flowchart layout', () => {
  it('marks the path of a request bob makes with no IAM policy: delegated, then no IAM allow, no grant', () => {
    const layout = layoutFlowchart(decide({ caller: BOB }).result, 340);
    expect(layout.path).toEqual(['explicit-deny', 'key-policy-allows-principal', 'key-policy-delegates-to-iam', 'identity-policy-allows', 'grant-allows', 'deny-implicit']);
    expect(takenEdges(layout)).toEqual([
      'explicit-deny -No-> key-policy-allows-principal',
      'key-policy-allows-principal -No-> key-policy-delegates-to-iam',
      'key-policy-delegates-to-iam -Yes-> identity-policy-allows',
      'identity-policy-allows -No-> grant-allows',
      'grant-allows -No-> deny-implicit',
    ]);
    expect(layout.nodes.filter((n) => n.state === 'taken').map((n) => n.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(layout.nodes.find((n) => n.id === 'allow-grant')?.state).toBe('not-reached');
  });

  it('stops at the first question when an explicit deny applies', () => {
    const layout = layoutFlowchart(decide({ caller: ALICE, policy: viaS3Policy, identityPolicies: [allowDecrypt] }).result, 340);
    expect(takenEdges(layout)).toEqual(['explicit-deny -Yes-> deny-explicit']);
    expect(layout.nodes.find((n) => n.id === 'deny-explicit')).toMatchObject({ state: 'taken', order: 2, tone: 'deny' });
    expect(layout.nodes.find((n) => n.id === 'explicit-deny')?.answer).toBe('Yes');
  });

  it('routes the "no" of the delegation question past the IAM question, in the left lane', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'OnlyAlice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' }] };
    const layout = layoutFlowchart(decide({ caller: BOB, policy, identityPolicies: [allowDecrypt] }).result, 340);
    const bypass = layout.edges.find((e) => e.from === 'key-policy-delegates-to-iam' && e.to === 'grant-allows');
    expect(bypass?.taken).toBe(true);
    expect(bypass?.points).toHaveLength(4);
    expect(Math.min(...(bypass?.points ?? []).map(([x]) => x))).toBeLessThan(layout.nodes[0].x);
    expect(layout.nodes.find((n) => n.id === 'identity-policy-allows')?.state).toBe('not-reached');
  });

  it('across accounts, the key policy naming the caller leads on to IAM either way', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:Decrypt', Resource: '*' }] };
    const layout = layoutFlowchart(decide({ caller: PARTNER, policy }).result, 340);
    expect(layout.nodes.some((n) => n.id === 'allow-key-policy')).toBe(false);
    expect(takenEdges(layout)).toEqual([
      'explicit-deny -No-> cross-account-capable',
      'cross-account-capable -Yes-> key-policy-allows-principal',
      'key-policy-allows-principal -Either way: another account-> key-policy-delegates-to-iam',
      'key-policy-delegates-to-iam -Yes-> identity-policy-allows',
      'identity-policy-allows -No-> grant-allows',
      'grant-allows -No-> deny-implicit',
    ]);
    expect(layout.path.at(-1)).toBe('deny-implicit');
  });

  it('draws a call without a key as IAM alone deciding', () => {
    const request = { caller: { arn: BOB, accountId: '111122223333' }, action: 'kms:CreateKey', identityPolicies: [] };
    const layout = layoutFlowchart(evaluateKmsAccess(request), 340);
    expect(layout.nodes.map((n) => n.id)).toEqual(['explicit-deny', 'deny-explicit', 'identity-policy-allows', 'allow-iam-only', 'deny-implicit']);
    expect(takenEdges(layout)).toEqual(['explicit-deny -No-> identity-policy-allows', 'identity-policy-allows -No-> deny-implicit']);
  });

  it("stops another account's call KMS never performs across accounts, and says so in both views", () => {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:*', Resource: '*' }] };
    const result = decide({ caller: PARTNER, policy, action: 'kms:PutKeyPolicy' }).result;
    const layout = layoutFlowchart(result, 340);
    expect(takenEdges(layout)).toEqual(['explicit-deny -No-> cross-account-capable', 'cross-account-capable -No-> deny-not-across-accounts']);
    expect(takenPath(result).taken.map((e) => [e.text, e.answer])).toEqual([
      ['Does any policy explicitly deny this request?', 'No'],
      ["Does KMS perform this operation on another account's key?", 'No'],
      ['Denied: not across accounts', undefined],
    ]);
  });

  it('numbers the same path the text version lists', () => {
    for (const decision of [decide({ caller: BOB }), decide({ caller: ALICE, identityPolicies: [allowDecrypt] }), decide({ caller: BOB, grants: [{ GranteePrincipal: BOB, Operations: ['Decrypt'] }] })]) {
      const layout = layoutFlowchart(decision.result, 600);
      expect(layout.path).toEqual(takenPath(decision.result).taken.map((e) => e.id));
      // every consecutive pair of the path is joined by a drawn, taken edge
      expect(takenEdges(layout)).toHaveLength(layout.path.length - 1);
    }
  });

  it('fits a 375 px phone: boxes inside the width, none overlapping, text wrapped to the box and never cut', () => {
    const otherAccount = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'kms:*', Resource: '*' }] };
    const keyless = evaluateKmsAccess({ caller: { arn: BOB, accountId: '111122223333' }, action: 'kms:CreateKey' });
    for (const result of [decide({ caller: BOB }).result, decide({ caller: PARTNER, policy: otherAccount }).result, keyless]) {
      const layout = layoutFlowchart(result, 280);
      expect(layout.width).toBe(MIN_WIDTH);
      for (const n of layout.nodes) {
        expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
        expect(n.lines.every((line) => line.length * 7 <= n.width - 16)).toBe(true);
        expect(n.lines.join(' '), n.id).not.toContain('…');
        for (const m of layout.nodes) {
          if (m === n) continue;
          const apart = m.x >= n.x + n.width || n.x >= m.x + m.width || m.y >= n.y + n.height || n.y >= m.y + m.height;
          expect(apart, `${n.id} overlaps ${m.id}`).toBe(true);
        }
      }
      expect(layout.height).toBeGreaterThan(layout.nodes.at(-1)!.y + layout.nodes.at(-1)!.height);
    }
  });

  it('keeps a readable width on a wide screen', () => {
    const layout = layoutFlowchart(decide({ caller: BOB }).result, 1400);
    expect(layout.width).toBe(MAX_WIDTH);
    expect(Math.max(...layout.nodes.map((n) => n.x + n.width))).toBeLessThanOrEqual(MAX_WIDTH);
  });
});
