import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import axe from 'axe-core';
import KeyLifecyclePanel from '../../src/ui/player/panels/KeyLifecyclePanel.svelte';
import { findLifecycleEdge, keyLifecycleDiagram } from '../../src/kms/keys/key-lifecycle-diagram';
import type { KeyLifecyclePanel as Panel } from '../../src/lessons/types';

const diagram = keyLifecycleDiagram();
const disabled: Panel = { kind: 'key-lifecycle', id: 'k', title: 'Lifecycle', diagram, current: 'Disabled', lastEdge: findLifecycleEdge(diagram, 'Enabled', 'Disabled', 'DisableKey')!.n };

describe('KeyLifecyclePanel', () => {
  it('says the current state and the call that reached it in words, in the picture\'s name and in the text twin', () => {
    const { container } = render(KeyLifecyclePanel, { props: { panel: disabled } });
    expect(screen.getByTestId('lifecycle-current').textContent).toBe('Current state: Disabled, reached by DisableKey.');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Current state: Disabled, reached by DisableKey.');
    const states = within(screen.getByRole('list', { name: 'States' })).getAllByRole('listitem');
    expect(states.map((li) => li.querySelector('strong')?.textContent)).toEqual(diagram.nodes.map((n) => n.state));
    expect(states.find((li) => li.textContent?.includes('(current state)'))?.textContent).toMatch(/^Disabled/);
    const edges = within(screen.getByRole('list', { name: /^Transitions/ })).getAllByRole('listitem');
    expect(edges).toHaveLength(diagram.edges.length);
    expect(edges.filter((li) => li.textContent?.includes('(just taken)')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Enabled → Disabled: DisableKey (just taken)']);
    // Lit by shape and words too, not colour alone: a halo rectangle and "now" on the current node only.
    expect(container.querySelectorAll('.node.current')).toHaveLength(1);
    expect(container.querySelector('.node.current text.now')?.textContent).toBe('▶ now');
    expect(container.querySelector('.node.current rect.halo')).not.toBeNull();
    expect(container.querySelectorAll('.edge.taken')).toHaveLength(1);
  });

  it('before any change of state marks no edge, and passes axe', async () => {
    const { container } = render(KeyLifecyclePanel, { props: { panel: { ...disabled, current: 'Enabled', lastEdge: undefined } } });
    expect(screen.getByTestId('lifecycle-current').textContent).toBe('Current state: Enabled.');
    expect(container.querySelectorAll('.edge.taken')).toHaveLength(0);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
