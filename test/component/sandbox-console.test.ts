import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within, cleanup } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { ConsoleState } from '../../src/ui/sandbox/console-state.svelte';
import KeysList from '../../src/ui/sandbox/KeysList.svelte';
import CreateKeyWizard from '../../src/ui/sandbox/CreateKeyWizard.svelte';
import KeyPage from '../../src/ui/sandbox/key/KeyPage.svelte';
import ModelClock from '../../src/ui/sandbox/parts/ModelClock.svelte';
import ActAs from '../../src/ui/sandbox/parts/ActAs.svelte';
import { ALICE, BOB, testSession } from './support/sandbox-session';

const DAY = 86_400_000;

const disconnects: (() => void)[] = [];

function consoleOn() {
  const session = testSession();
  const sandbox = new ConsoleState(session);
  disconnects.push(sandbox.connect());
  return { session, sandbox };
}

async function createSymmetricKey(session: ReturnType<typeof testSession>, description = 'test key'): Promise<string> {
  const output = await session.kms.call('CreateKey', { Description: description }, session.world.callContext());
  return String((output.KeyMetadata as Record<string, unknown>).KeyId);
}

afterEach(() => {
  cleanup();
  disconnects.splice(0).forEach((disconnect) => disconnect());
  window.location.hash = '';
});

describe('the keys list', () => {
  it('lists the account’s keys with alias, id, status, spec, usage and type, each linking to its key page', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    await session.kms.call('CreateAlias', { AliasName: 'alias/orders', TargetKeyId: keyId }, session.world.callContext());
    await session.kms.awsManagedKey('s3', { region: 'eu-west-2' });
    render(KeysList, { props: { sandbox } });
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const mine = rows.find((row) => row.textContent?.includes('alias/orders'));
    expect(mine).toHaveTextContent('Enabled');
    expect(mine).toHaveTextContent('SYMMETRIC_DEFAULT');
    expect(mine).toHaveTextContent('ENCRYPT_DECRYPT');
    expect(mine).toHaveTextContent('Customer managed');
    expect(within(mine!).getByRole('link', { name: keyId })).toHaveAttribute('href', `#/sandbox/keys/${keyId}`);
    expect(rows.find((row) => row.textContent?.includes('alias/aws/s3'))).toHaveTextContent('AWS managed');
  });

  it('follows the session: a key made elsewhere (the terminal) appears without a reload', async () => {
    const { session, sandbox } = consoleOn();
    render(KeysList, { props: { sandbox } });
    expect(screen.getByText(/No keys yet/)).toBeInTheDocument();
    await session.shell.run('aws kms create-key --description from-the-terminal');
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Keys (1)' })).toBeInTheDocument();
  });
});

describe('the create-key wizard', () => {
  it('creates an asymmetric signing key with an alias as the current principal, then opens its page', async () => {
    const { session, sandbox } = consoleOn();
    const user = userEvent.setup();
    render(CreateKeyWizard, { props: { sandbox } });
    await user.click(screen.getByRole('radio', { name: /Asymmetric/ }));
    await user.click(screen.getByRole('radio', { name: /Sign and verify/ }));
    await user.selectOptions(screen.getByLabelText('Key spec'), 'ECC_NIST_P256');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Step 2 of 4: Add labels' })).toHaveFocus();
    await user.type(screen.getByLabelText(/Alias/), 'signer');
    await user.type(screen.getByLabelText(/Description/), 'signs releases');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Step 3 of 4: Define key permissions' })).toHaveFocus();
    const keyUsers = screen.getByRole('group', { name: 'Key users' });
    await user.click(within(keyUsers).getByRole('checkbox', { name: /^bob/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // The review shows the exact request as CLI and SDK code before anything is created.
    expect(screen.getByText(/^aws kms create-key --policy '\{"Id":"key-consolepolicy-3".*' --description 'signs releases' --key-usage SIGN_VERIFY --key-spec ECC_NIST_P256$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await vi.waitFor(() => expect(window.location.hash).toMatch(/^#\/sandbox\/keys\/[0-9a-f-]{36}$/));
    const [key] = session.kms.keys();
    expect(key.metadata).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'signs releases' });
    expect(key.aliases).toEqual(['alias/signer']);
    expect(session.kms.audit.events.filter((e) => e.eventType === 'AwsApiCall').map((e) => [e.eventName, e.userIdentity.arn])).toEqual([
      ['CreateKey', ALICE],
      ['CreateAlias', ALICE],
    ]);
    expect(sandbox.flash.map((item) => item.success)).toEqual([`Key ${String(key.metadata.KeyId)} created.`, 'Alias alias/signer created.']);
    const policy = await session.kms.call('GetKeyPolicy', { KeyId: key.metadata.KeyId }, session.world.callContext());
    const users = JSON.parse(String(policy.Policy)).Statement.find((statement: { Sid: string }) => statement.Sid === 'Allow use of the key');
    expect(users).toMatchObject({ Principal: { AWS: BOB }, Action: ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify'] });
  });

  it('offers imported material (EXTERNAL origin) for symmetric keys and shows KMS’s error verbatim when denied', async () => {
    const { session, sandbox } = consoleOn();
    session.world.actAs(BOB);
    const user = userEvent.setup();
    render(CreateKeyWizard, { props: { sandbox } });
    await user.click(screen.getByRole('radio', { name: /External/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(/--origin EXTERNAL/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('AccessDeniedException')).toBeInTheDocument();
    const denied = session.kms.audit.events.at(-1)!;
    expect(denied.errorCode).toBe('AccessDeniedException');
    expect(screen.getByText(denied.errorMessage!)).toBeInTheDocument();
    expect(session.kms.keys()).toHaveLength(0);
  });
});

describe('a key page', () => {
  it('has tabs in the ARIA pattern: one tab stop, arrows and Home/End move the selection into the address', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    const user = userEvent.setup();
    const view = render(KeyPage, { props: { sandbox, keyId, tab: 'configuration' } });
    const tablist = screen.getByRole('tablist', { name: 'Key details' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(['Configuration', 'Key policy', 'Key rotation', 'Aliases', 'Tags', 'Grants']);
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[0]]);
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Configuration');
    expect(within(screen.getByRole('tabpanel')).getByText(keyId)).toBeInTheDocument();
    tabs[0].focus();
    await user.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe(`#/sandbox/keys/${keyId}/policy`);
    await view.rerender({ sandbox, keyId, tab: 'policy' });
    expect(screen.getByRole('tab', { name: 'Key policy' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(window.location.hash).toBe(`#/sandbox/keys/${keyId}/grants`);
    await user.keyboard('{Home}');
    expect(window.location.hash).toBe(`#/sandbox/keys/${keyId}/configuration`);
  });

  it('disables, schedules deletion for 7 days, and the key is gone once the clock passes the window', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId } });
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('Key disabled: it cannot be used until it is enabled again.')).toBeInTheDocument();
    // The same button now offers Enable, and keeps the focus.
    expect(screen.getByRole('button', { name: 'Enable' })).toHaveFocus();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Disabled');
    expect(screen.getByText('aws kms disable-key --key-id ' + keyId)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Schedule key deletion' }));
    const days = screen.getByLabelText('Waiting period (7–30 days)');
    await user.clear(days);
    await user.type(days, '7');
    expect(screen.getByRole('button', { name: 'Schedule deletion' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await user.click(screen.getByRole('button', { name: 'Schedule deletion' }));
    expect(await screen.findByText(/will be deleted on 2026-01-08 00:00 UTC/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel key deletion' })).toHaveFocus();

    await session.advance(8 * DAY);
    expect(await screen.findByRole('heading', { name: 'Key not found' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ask KMS (DescribeKey)' }));
    expect(await screen.findByText('NotFoundException')).toBeInTheDocument();
  });

  it('acts as the chosen principal: bob is refused with KMS’s own words', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    session.world.actAs(BOB);
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId } });
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('AccessDeniedException')).toBeInTheDocument();
    const event = session.kms.audit.events.at(-1)!;
    expect(event.userIdentity.arn).toBe(BOB);
    expect(screen.getByText(event.errorMessage!)).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Enabled');
  });

  it('reads the key policy with GetKeyPolicy and saves with PutKeyPolicy, showing KMS’s refusal as the editor’s error', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId, tab: 'policy' } });
    const editor = (await screen.findByRole('textbox', { name: 'Key policy document (JSON)' })) as HTMLTextAreaElement;
    expect(JSON.parse(editor.value).Statement[0].Sid).toBe('Enable IAM User Permissions');
    // A policy that would lock alice out: PutKeyPolicy's safety check refuses it.
    const lockout = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'kms:Encrypt', Resource: '*' }] });
    await user.clear(editor);
    await user.click(editor);
    await user.paste(lockout);
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    const refusal = await screen.findByText(/MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future\./);
    expect(refusal).toBeInTheDocument();
    expect(session.kms.audit.events.at(-1)!.eventName).toBe('PutKeyPolicy');
    expect(screen.getByText(/^aws kms put-key-policy/)).toBeInTheDocument();

    // A policy that keeps alice in charge is saved, and read back.
    const kept = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' }] });
    await user.clear(editor);
    await user.click(editor);
    await user.paste(kept);
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(session.kms.audit.events.at(-1)!.eventName).toBe('GetKeyPolicy'));
    const saved = await session.kms.call('GetKeyPolicy', { KeyId: keyId }, session.world.callContext());
    expect(JSON.parse(String(saved.Policy)).Statement[0].Sid).toBe('Alice');
  });

  it('rotates on demand and lists the rotation; adds and removes an alias and a tag', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    const user = userEvent.setup();
    const view = render(KeyPage, { props: { sandbox, keyId, tab: 'rotation' } });
    expect(await screen.findByText(/No rotations yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(await screen.findByText(/On-demand rotation done/)).toBeInTheDocument();
    expect(await screen.findByText('ON_DEMAND')).toBeInTheDocument();

    await view.rerender({ sandbox, keyId, tab: 'aliases' });
    await user.type(screen.getByLabelText('New alias'), 'payments');
    await user.click(screen.getByRole('button', { name: 'Create alias' }));
    expect(await screen.findByRole('button', { name: 'Delete alias/payments' })).toBeInTheDocument();
    expect(session.kms.keys()[0].aliases).toEqual(['alias/payments']);

    await view.rerender({ sandbox, keyId, tab: 'tags' });
    await user.type(screen.getByLabelText('Tag key'), 'team');
    await user.type(screen.getByLabelText('Tag value'), 'blue');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.click(await screen.findByRole('button', { name: 'Remove tag team' }));
    await vi.waitFor(() => expect(session.kms.keys()[0].tags).toEqual({}));
    expect(screen.getByLabelText('Tag key')).toHaveFocus();
    await view.rerender({ sandbox, keyId, tab: 'aliases' });
    await user.click(screen.getByRole('button', { name: 'Delete alias/payments' }));
    await vi.waitFor(() => expect(session.kms.keys()[0].aliases).toEqual([]));
    expect(screen.getByLabelText('New alias')).toHaveFocus();
  });
});

describe('the model clock and act as', () => {
  it('moves the model date forward by the chosen step', async () => {
    const { sandbox } = consoleOn();
    const user = userEvent.setup();
    render(ModelClock, { props: { sandbox } });
    expect(screen.getByText('2026-01-01 00:00 UTC')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advance the clock 1 day' }));
    expect(await screen.findByText('2026-01-02 00:00 UTC')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advance the clock 1 hour' }));
    expect(await screen.findByText('2026-01-02 01:00 UTC')).toBeInTheDocument();
    expect(screen.getByText('+1 hour: nothing was due.')).toBeInTheDocument();
  });

  it('says what KMS did by itself while the clock moved', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createSymmetricKey(session);
    await session.kms.call('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 }, session.world.callContext());
    const user = userEvent.setup();
    render(ModelClock, { props: { sandbox } });
    await user.click(screen.getByRole('button', { name: 'Advance the clock 30 days' }));
    expect(await screen.findByText(`+30 days: KMS deleted key ${keyId}.`)).toBeInTheDocument();
    expect(session.kms.keys()).toEqual([]);
  });

  it('is a labelled selector of the world’s principals that switches who acts', async () => {
    const { session, sandbox } = consoleOn();
    const user = userEvent.setup();
    render(ActAs, { props: { sandbox } });
    const select = screen.getByRole('combobox', { name: 'Act as' });
    await user.selectOptions(select, BOB);
    expect(session.world.current).toBe(BOB);
    expect(await screen.findByText(BOB)).toBeInTheDocument();
  });
});
