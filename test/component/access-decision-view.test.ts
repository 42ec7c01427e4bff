import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DecisionView from '../../src/ui/access/DecisionView.svelte';
import { ALICE, BOB, KEY_ARN, allowDecrypt, decide, viaS3Policy } from './access-fixtures';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();

describe('decision view', () => {
  it('says why bob, with no IAM policy, is denied under the default key policy', () => {
    render(DecisionView, { props: { decision: decide({ caller: BOB }) } });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Denied: nothing allows it (implicit deny)');
    expect(screen.getByText(/^Denied: the key policy delegates to IAM/)).toHaveTextContent(
      'Denied: the key policy delegates to IAM (statement "Enable IAM User Permissions"), but no IAM policy of bob allows kms:Decrypt on this key, and no grant gives it.',
    );
    expect(screen.getByText(/is not authorized to perform/)).toHaveTextContent(
      `User: ${BOB} is not authorized to perform: kms:Decrypt on resource: ${KEY_ARN} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it('lists the request and the context keys, saying which came from the caller', () => {
    render(DecisionView, { props: { decision: decide({ caller: ALICE, context: { 'kms:EncryptionContext:Dept': 'IT' } }) } });
    const request = screen.getByRole('region', { name: 'The request' });
    const facts = [...request.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling as Element)}`);
    expect(facts).toEqual([`Caller: ${ALICE}`, 'Action: kms:Decrypt', `Key: ${KEY_ARN}`, 'Accounts: Caller and key are both in 111122223333.']);
    const rows = within(within(request).getByRole('table')).getAllByRole('row').map((row) => [...row.children].map(text).join(' '));
    expect(rows).toContain('kms:EncryptionContext:Dept IT the request');
    expect(rows).toContain('aws:username alice the caller');
    expect(rows).toContain('kms:EncryptionContextKeys Dept the caller');
  });

  it('lists the steps taken as a numbered list, the same path the flowchart numbers', () => {
    const { container } = render(DecisionView, { props: { decision: decide({ caller: ALICE, identityPolicies: [allowDecrypt] }) } });
    const steps = screen.getByRole('region', { name: 'The steps taken, in order' });
    const [list] = within(steps).getAllByRole('list');
    expect(list.tagName).toBe('OL');
    expect(within(list).getAllByRole('listitem').map(text)).toEqual([
      'Does any policy explicitly deny this request? No. No applicable Deny statement.',
      'Does the key policy allow the caller by name? No. No key policy statement allows the caller by name.',
      "Does the key policy allow the caller's account, so that its IAM policies count? Yes. The key policy allows the caller's account, so its IAM policies count.",
      "Does one of the caller's IAM policies allow the action? Yes. An identity-based policy allows the action on the key.",
      'Result: Allowed: key policy and IAM.',
    ]);
    expect(within(steps).getByText(/Does a grant give the caller this operation\? Not needed/)).toBeInTheDocument();
    const numbered = [...container.querySelectorAll('svg .node.taken')].map((n) => [n.getAttribute('data-node'), n.querySelector('.badge-number')?.textContent]);
    expect(numbered).toEqual([
      ['explicit-deny', '1'],
      ['key-policy-allows-principal', '2'],
      ['key-policy-delegates-to-iam', '3'],
      ['identity-policy-allows', '4'],
      ['allow-key-policy-and-iam', '5'],
    ]);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toMatch(/list that follows says the same in words/);
  });

  it('marks each statement in words and opens the deciding ones; every disclosure is a button', async () => {
    render(DecisionView, { props: { decision: decide({ caller: ALICE, policy: viaS3Policy, identityPolicies: [allowDecrypt] }) } });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Denied by an explicit deny');
    const keyPolicy = screen.getByRole('heading', { name: 'Key policy' }).closest('section') as HTMLElement;
    const [enable, deny] = within(keyPolicy).getAllByRole('button');
    expect(text(enable)).toBe('▸ ✓ Statement "Enable IAM User Permissions" (Allow) Allows the caller\'s account: IAM policies decide');
    expect(enable).toHaveAttribute('aria-expanded', 'false');
    expect(text(deny)).toBe('▾ ✗ Statement "DenyOutsideS3" (Deny) Denies Decided this request');
    expect(deny).toHaveAttribute('aria-expanded', 'true');

    const details = document.getElementById(deny.getAttribute('aria-controls') as string) as HTMLElement;
    const terms = [...details.querySelectorAll('dt')].map(text);
    const values = [...details.querySelectorAll('dd')].map(text);
    expect(Object.fromEntries(terms.map((t, i) => [t, values[i]]))).toEqual({
      'Condition key': 'kms:ViaService',
      Operator: 'StringNotEquals',
      Expected: '"s3.eu-west-2.amazonaws.com"',
      'Request had': 'absent from the request',
      Result: '✓ matches: kms:ViaService is absent from the request, which satisfies the negated operator StringNotEquals.',
    });
    expect(within(details).getByText(/kms:Decrypt is matched by kms:Decrypt/)).toBeInTheDocument();

    await userEvent.click(enable);
    expect(enable).toHaveAttribute('aria-expanded', 'true');
    const enableDetails = document.getElementById(enable.getAttribute('aria-controls') as string) as HTMLElement;
    expect(enableDetails).toBeVisible();
    expect(within(enableDetails).getByText(/names the caller's account: an Allow here lets that account's IAM policies grant/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'IAM policy: AppDecrypt' })).toBeInTheDocument();
  });

  it('explains a grant that applies and says what could not be evaluated', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'Odd', Effect: 'Allow', Principal: { AWS: [ALICE, BOB] }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'eu-west-2' } } }] };
    render(DecisionView, { props: { decision: decide({ caller: BOB, policy, grants: [{ GrantId: 'g-1', GranteePrincipal: BOB, Operations: ['Decrypt'] }] }) } });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Allowed');
    const grants = screen.getByRole('region', { name: 'Grants' });
    expect(text(within(grants).getByRole('listitem'))).toBe(`✓ Grant g-1 (Decrypt for ${BOB}): applies. The grant gives ${BOB} Decrypt.`);
    const unsure = screen.getByRole('region', { name: 'What KMS Lab could not evaluate' });
    expect(within(unsure).getByRole('listitem')).toHaveTextContent('Key policy, statement "Odd", Condition: The condition key ec2:Region is not simulated in KMS Lab');
    expect(screen.getByRole('button', { name: /Statement "Odd" \(Allow\) Not evaluated: never counted as allowing/ })).toBeInTheDocument();
  });

  it('puts its headings below the level it is given', () => {
    render(DecisionView, { props: { decision: decide({}), headingLevel: 3 } });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(/^✗ Denied/);
    expect(screen.getAllByRole('heading', { level: 4 }).map(text)).toEqual(['The request', 'How AWS decided', 'Policies and grants']);
  });
});
