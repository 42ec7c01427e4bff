import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import axe from 'axe-core';
import KeyPricePanel from '../../src/ui/player/panels/KeyPricePanel.svelte';
import { estimateMonthlyPrice } from '../../lessons/05-key-management/price-estimate';

const estimate = estimateMonthlyPrice({ customerManagedKeys: 2, rotationsPerKey: 5, symmetricRequests: 50_000, asymmetricRequests: 7 });

describe('KeyPricePanel (the key price calculator\'s bill)', () => {
  it('is a table with one row per line, dollars to the cent, an unpriced line said in words, and the total', async () => {
    const { container } = render(KeyPricePanel, { props: { panel: { kind: 'key-price', id: 'p', title: 'Bill', lines: estimate.lines, totalUsd: estimate.totalUsd } } });
    const table = screen.getByRole('table', { name: 'Monthly bill, line by line' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['Customer managed keys', '$2.00'],
      ['Rotated key versions', '$4.00'],
      ['Symmetric requests', '$0.09'],
      ['Asymmetric and other requests', 'not priced'],
      ['Total', '$6.09'],
    ]);
    const result = await axe.run(container);
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
