import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import Diagram from '../../src/ui/diagram/Diagram.svelte';
import { actors, events } from './fixtures/events';

describe('sequence diagram', () => {
  it('draws a lifeline per actor and a row per event, in stream order', () => {
    const { container } = render(Diagram, { props: { events, actors } });
    expect([...container.querySelectorAll('[data-actor]')].map((g) => g.getAttribute('data-actor'))).toEqual([
      'client',
      'attacker',
      'server',
    ]);
    expect([...container.querySelectorAll('.row')].map((g) => g.getAttribute('data-seq'))).toEqual(['0', '1', '2', '3']);
  });

  it('is one image to assistive technology, pointing to its text twin', () => {
    const { container } = render(Diagram, { props: { events, actors } });
    const svg = container.querySelector('svg[role="img"]');
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg?.getAttribute('aria-label')).toMatch(/list that follows says the same in words/);
  });

  it('marks rejected messages and taps by an observer, and writes each payload label', () => {
    const { container } = render(Diagram, { props: { events, actors } });
    const rejected = container.querySelector('.row[data-seq="3"]');
    expect(rejected).toHaveClass('rejected');
    expect(rejected?.textContent).toContain('rejected');
    expect(container.querySelectorAll('.row[data-seq="0"] .tap')).toHaveLength(1);
    // labels are shortened to fit a narrow column; the full description is the chip's tooltip
    expect([...container.querySelectorAll('.row[data-seq="2"] .chip title')].map((t) => t.textContent)).toEqual([
      'server certificate (certificate)',
      "CA signature (signature) '3045…'",
    ]);
  });

  it("highlights the step's focus and dims older steps' rows", () => {
    const { container } = render(Diagram, {
      props: { events, actors, stepEventsFrom: 2, focus: { actors: ['server'], messages: ['Certificate'] } },
    });
    expect(container.querySelector('[data-actor="server"]')).toHaveClass('focused');
    expect(container.querySelector('[data-actor="client"]')).not.toHaveClass('focused');
    expect(container.querySelector('.row[data-seq="2"]')).toHaveClass('focused');
    expect(container.querySelector('.row[data-seq="0"]')).toHaveClass('earlier');
    expect(container.querySelector('.row[data-seq="2"]')).not.toHaveClass('earlier');
  });

  it('shows what each actor holds under its name', () => {
    const { container } = render(Diagram, {
      props: { events: [], actors, holdings: { client: [{ kind: 'public-key', label: 'CA public key' }] } },
    });
    expect(container.querySelector('[data-actor="client"] .holding title')?.textContent).toBe('CA public key (public key)');
  });
});
