import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, cleanup } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createSandboxSession, memoryStorage } from '../../src/lessons/sandbox/index';
import type { ConsoleSession } from '../../src/ui/sandbox/console-session';
import { ConsoleState } from '../../src/ui/sandbox/console-state.svelte';
import KeysList from '../../src/ui/sandbox/KeysList.svelte';
import KeyPage from '../../src/ui/sandbox/key/KeyPage.svelte';

// The console on the real sandbox session: its world of principals decides every call with the
// policy engine, and a refusal opens the decision behind it.
const BOB = 'arn:aws:iam::111122223333:user/bob';
const stops: (() => void)[] = [];

async function realConsole() {
  const session: ConsoleSession = await createSandboxSession({ storage: memoryStorage() });
  const sandbox = new ConsoleState(session);
  stops.push(sandbox.connect());
  return { session, sandbox };
}

afterEach(() => {
  cleanup();
  stops.splice(0).forEach((stop) => stop());
});

describe('the console on the real sandbox session', () => {
  it('lists the seeded alias/tutorial key and the world’s principals', async () => {
    const { sandbox } = await realConsole();
    render(KeysList, { props: { sandbox } });
    expect(screen.getByText('alias/tutorial')).toBeInTheDocument();
    expect(sandbox.principals.map((p) => p.name)).toEqual(expect.arrayContaining(['alice', 'bob']));
  });

  it('a refusal for bob shows KMS’s words and, on request, the decision that made it', async () => {
    const { session, sandbox } = await realConsole();
    const tutorial = sandbox.keys.find((key) => key.aliases.includes('alias/tutorial'))!;
    const keyId = String(tutorial.metadata.KeyId);
    session.world.actAs(BOB);
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId } });
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('AccessDeniedException')).toBeInTheDocument();
    const event = session.kms.audit.events.at(-1)!;
    expect(event).toMatchObject({ eventName: 'DisableKey', errorCode: 'AccessDeniedException', userIdentity: { arn: BOB } });
    expect(screen.getByText(event.errorMessage!)).toBeInTheDocument();
    const why = screen.getByRole('button', { name: 'Why was this denied?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const view = document.querySelector('.decision-view');
    expect(view).toHaveAttribute('data-decision', session.kms.audit.decisionOf(event.eventID)!.result.decision);
    expect(view).toHaveTextContent('kms:DisableKey');
  });
});
