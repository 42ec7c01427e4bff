import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import TextTwin from '../../src/ui/diagram/TextTwin.svelte';
import { actors, events } from './fixtures/events';

describe('diagram text twin', () => {
  it('lists every event in stream order, in words, with what each message carries and its kind', () => {
    render(TextTwin, { props: { events, actors } });
    const list = screen.getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      "Browser → Web server: POST /login carrying password (plaintext) 'hunter2' — also seen by Eavesdropper",
      'Web server: checks the password',
      "Web server → Browser: Certificate carrying server certificate (certificate), CA signature (signature) '3045…'",
      "Browser → Web server: TLS record carrying record (ciphertext) '9f2c01' (48 bytes) — also seen by Eavesdropper — rejected by Web server",
    ]);
  });

  it('is an ordered list under a heading, so a screen reader announces "list, 4 items"', () => {
    render(TextTwin, { props: { events, actors } });
    expect(screen.getByRole('heading', { name: 'What happened, in order' })).toBeInTheDocument();
    expect(screen.getByRole('list').tagName).toBe('OL');
  });

  it("marks older steps' events and the step's focused messages in words, not only by style", () => {
    render(TextTwin, { props: { events, actors, stepEventsFrom: 2, focus: { messages: ['TLS record'] } } });
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^Earlier step:/);
    expect(items[1]).toHaveTextContent(/^Earlier step:/);
    expect(items[2]).not.toHaveTextContent(/Earlier step/);
    expect(items[3]).toHaveTextContent(/^Highlighted:/);
    expect(items[3]).toHaveClass('focused');
    expect(items[3]).toHaveClass('rejected');
  });

  it('says so when nothing has been sent yet', () => {
    render(TextTwin, { props: { events: [], actors } });
    expect(screen.getByText('Nothing has been sent yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
