import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, cleanup } from '@testing-library/svelte';
import { testSession } from './support/sandbox-session';

// The page on a session of the test's own (the real one lives in IndexedDB, which jsdom lacks).
const session = Object.assign(testSession(), {
  restoreNotice: 'The saved sandbox could not be restored (version 9 cannot be read), so it was reset: this is a fresh sandbox.',
});
vi.mock('../../src/ui/sandbox/load-session', () => ({ loadSandboxSession: async () => session }));

const { default: SandboxPage } = await import('../../src/ui/sandbox/SandboxPage.svelte');

afterEach(cleanup);

describe('the sandbox page', () => {
  it('puts the console, the terminal and the audit log on one session, with act as, the clock and the restore notice', async () => {
    render(SandboxPage, { props: { params: {} } });
    expect(await screen.findByRole('combobox', { name: 'Act as' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'KMS sandbox' })).toBeInTheDocument();
    expect(screen.getByText(session.restoreNotice)).toBeInTheDocument();
    for (const name of ['Console', 'Terminal', 'Audit log']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Terminal' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Keys (0)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Advance the clock 1 year' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sandbox sections' })).toBeInTheDocument();
  });

  it('opens the view the address names: the wizard, or a key page and its tab', async () => {
    const created = await session.kms.call('CreateKey', {}, session.world.callContext());
    const keyId = String((created.KeyMetadata as Record<string, unknown>).KeyId);
    const page = render(SandboxPage, { props: { params: { section: 'create' } } });
    expect(await screen.findByRole('heading', { name: 'Step 1 of 4: Configure key' })).toBeInTheDocument();
    await page.rerender({ params: { section: 'keys', id: keyId, tab: 'tags' } });
    expect(await screen.findByRole('tabpanel', { name: 'Tags' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: keyId })).toHaveFocus();
  });
});
