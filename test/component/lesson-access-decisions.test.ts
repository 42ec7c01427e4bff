/**
 * The lesson page's "Why KMS decided": each access decision a scenario offers opens in the
 * decision view, the newest unfolded.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import AccessDecisions from '../../src/ui/player/AccessDecisions.svelte';
import { allowDecrypt, BOB, decide, PARTNER } from './access-fixtures';

describe('AccessDecisions', () => {
  it('lists each decision by its question and opens the newest in the decision view', () => {
    const decisions = [
      { id: 'e1', label: 'Why KMS refused the partner\'s Decrypt', decision: decide({ caller: PARTNER }) },
      { id: 'e2', label: 'Why S3 could not decrypt the report for bob', decision: decide({ caller: BOB }) },
    ];
    render(AccessDecisions, { props: { decisions } });
    const section = screen.getByRole('region', { name: 'Why KMS decided' });
    const [older, newest] = section.querySelectorAll('details');
    expect(within(section).getByText('Why KMS refused the partner\'s Decrypt')).toBeInTheDocument();
    expect(older.open).toBe(false);
    expect(newest.open).toBe(true);
    expect(within(newest).getByText(/no IAM policy of bob allows kms:Decrypt/)).toBeInTheDocument();
    expect(within(newest).getByRole('heading', { level: 4 })).toHaveTextContent('kms:Decrypt');
  });

  it('shows an allowed decision as allowed', () => {
    render(AccessDecisions, { props: { decisions: [{ id: 'e3', label: 'Why bob may decrypt', decision: decide({ caller: BOB, identityPolicies: [allowDecrypt] }) }] } });
    expect(screen.getByText(/^Allowed: the key policy delegates to IAM/)).toBeInTheDocument();
  });
});
