import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import UpdateNotice from '../../src/ui/offline/UpdateNotice.svelte';
import { offlineUpdate } from '../../src/ui/offline/update-state.svelte';

describe('the "new version ready" notice', () => {
  afterEach(() => {
    offlineUpdate.apply = undefined;
    offlineUpdate.dismissed = false;
  });

  it('stays empty until a new version waits', () => {
    render(UpdateNotice);
    expect(screen.queryByText(/A new version of KMS Lab is ready/)).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('appears without taking focus, and Reload (by keyboard) applies the new version', async () => {
    const user = userEvent.setup();
    const apply = vi.fn();
    const { container } = render(UpdateNotice);
    const before = document.createElement('input');
    document.body.prepend(before);
    before.focus();

    offlineUpdate.apply = apply;
    flushSync();
    expect(screen.getByText('A new version of KMS Lab is ready.')).toBeVisible();
    expect(document.activeElement).toBe(before);
    expect(container.querySelector('[role="dialog"], [aria-modal]')).toBeNull();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Reload' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(apply).toHaveBeenCalledTimes(1);
    before.remove();
  });

  it('Later hides it without applying anything', async () => {
    const user = userEvent.setup();
    const apply = vi.fn();
    offlineUpdate.apply = apply;
    render(UpdateNotice);
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText(/A new version of KMS Lab is ready/)).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });
});
