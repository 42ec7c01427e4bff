import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within, cleanup } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { ConsoleState } from '../../src/ui/sandbox/console-state.svelte';
import KeyPage from '../../src/ui/sandbox/key/KeyPage.svelte';
import { ALICE, BOB, testSession } from './support/sandbox-session';

const disconnects: (() => void)[] = [];

function consoleOn() {
  const session = testSession();
  const sandbox = new ConsoleState(session);
  disconnects.push(sandbox.connect());
  return { session, sandbox };
}

async function createKey(session: ReturnType<typeof testSession>, input: Record<string, unknown>): Promise<string> {
  const output = await session.kms.call('CreateKey', input, session.world.callContext());
  return String((output.KeyMetadata as Record<string, unknown>).KeyId);
}

afterEach(() => {
  cleanup();
  disconnects.splice(0).forEach((disconnect) => disconnect());
  window.location.hash = '';
});

describe('key page tabs by key type', () => {
  it('shows an asymmetric key’s public key as PEM, the same bytes GetPublicKey returns', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    render(KeyPage, { props: { sandbox, keyId, tab: 'public-key' } });
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab').map((tab) => tab.textContent?.trim());
    expect(tabs).toContain('Public key');
    expect(tabs).not.toContain('Key rotation');
    const pem = await screen.findByLabelText('Public key (PEM)');
    const text = pem.textContent ?? '';
    expect(text).toMatch(/^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/);
    const { PublicKey } = await session.kms.call('GetPublicKey', { KeyId: keyId }, session.world.callContext());
    const body = text.split('\n').slice(1, -2).join('');
    expect(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))).toEqual(PublicKey);
    expect(screen.getByRole('button', { name: 'Download public key (PEM)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy public key' })).toBeInTheDocument();
  });

  it('creates a grant for bob, lists it, and retires or revokes grants', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, {});
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId, tab: 'grants' } });
    expect(await screen.findByText('No grants on this key.')).toBeInTheDocument();
    const create = async () => {
      await user.clear(screen.getByLabelText('Grantee principal (ARN)'));
      await user.type(screen.getByLabelText('Grantee principal (ARN)'), BOB);
      await user.click(screen.getByRole('checkbox', { name: 'Decrypt' }));
      await user.click(screen.getByRole('button', { name: 'Create grant' }));
      await screen.findByText(/^Grant [0-9a-f]{64} created\.$/);
    };
    await user.type(screen.getByLabelText(/Encryption context constraint/), 'dept=it');
    await create();
    const [grant] = (await session.kms.call('ListGrants', { KeyId: keyId }, session.world.callContext())).Grants as Record<string, unknown>[];
    expect(grant).toMatchObject({ GranteePrincipal: BOB, Operations: ['Decrypt'], Constraints: { EncryptionContextSubset: { dept: 'it' } } });
    expect(screen.getByLabelText('Grantee principal (ARN)')).toHaveValue('');
    const grantId = String(grant.GrantId);
    expect(await screen.findByText(grantId)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Revoke grant ${grantId.slice(0, 8)}` }));
    expect(await screen.findByText(`Grant ${grantId} revoked.`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Grants' })).toHaveFocus();
    expect(await screen.findByText('No grants on this key.')).toBeInTheDocument();

    await create(); // the form was emptied after the first grant
    const [second] = (await session.kms.call('ListGrants', { KeyId: keyId }, session.world.callContext())).Grants as Record<string, unknown>[];
    expect(second).toMatchObject({ Operations: ['Decrypt'] });
    expect(second.Constraints).toBeUndefined();
    const secondId = String(second.GrantId);
    await user.click(await screen.findByRole('button', { name: `Retire grant ${secondId.slice(0, 8)}` }));
    expect(await screen.findByText(`Grant ${secondId} retired.`)).toBeInTheDocument();
    expect(session.kms.audit.events.at(-2)!.eventName).toBe('RetireGrant');
  });

  it('imports key material into an EXTERNAL key: wrapped in the page, the files left for the terminal', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, { Origin: 'EXTERNAL' });
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId, tab: 'material' } });
    expect(screen.getByText('PendingImport', { selector: '.badge' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import key material' }));
    expect(await screen.findByText('Key material imported: the key can be used.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Enabled');
    const home = session.shell.fs.home;
    for (const file of ['PlaintextKeyMaterial.bin', 'ImportToken.bin', 'EncryptedKeyMaterial.bin', 'WrappingPublicKey.bin']) {
      expect(session.shell.fs.exists(`${home}/import/${keyId}/${file}`)).toBe(true);
    }
    expect(screen.getByText(new RegExp(`--import-token fileb://import/${keyId}/ImportToken\\.bin`))).toBeInTheDocument();
    // The key works.
    const context = session.world.callContext();
    const { CiphertextBlob } = await session.kms.call('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]) }, context);
    expect((await session.kms.call('Decrypt', { CiphertextBlob }, context)).Plaintext).toEqual(new Uint8Array([1, 2, 3]));

    await user.click(screen.getByRole('button', { name: 'Delete imported key material' }));
    expect(await screen.findByText(/Imported key material deleted/)).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('PendingImport');
    // Re-import uses the same material (kept as the learner's copy), as KMS requires.
    await user.click(screen.getByRole('button', { name: 'Import key material' }));
    expect(await screen.findByText('Key material imported: the key can be used.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Enabled');
  }, 30_000); // two RSA wrapping key pairs are generated on a busy machine

  it('edits the description with UpdateKeyDescription', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, { Description: 'old' });
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId } });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.clear(screen.getByRole('textbox', { name: 'Description' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'new words');
    await user.click(screen.getByRole('button', { name: 'Save description' }));
    expect(await screen.findByText('Description saved.')).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.Description).toBe('new words');
    expect(session.kms.audit.events.at(-1)).toMatchObject({ eventName: 'UpdateKeyDescription', userIdentity: { arn: ALICE } });
  });

  it('turns automatic rotation on with a period, and the next rotation follows the model clock', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, {});
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId, tab: 'rotation' } });
    await user.click(screen.getByRole('checkbox', { name: 'Automatically rotate this KMS key' }));
    const period = screen.getByLabelText('Rotation period (90–2560 days)');
    await user.clear(period);
    await user.type(period, '90');
    await user.click(screen.getByRole('button', { name: 'Save rotation settings' }));
    expect(await screen.findByText('Automatic rotation every 90 days is on.')).toBeInTheDocument();
    expect(screen.getByText('2026-04-01 00:00 UTC')).toBeInTheDocument();
    await session.advance(91 * 86_400_000);
    expect(await screen.findByText('AUTOMATIC')).toBeInTheDocument();
    await vi.waitFor(() => expect(session.kms.keys()[0].backingKeyVersions).toHaveLength(2));
  });

  it('cancels a scheduled deletion: the key comes back Disabled, then Enable makes it usable', async () => {
    const { session, sandbox } = consoleOn();
    const keyId = await createKey(session, {});
    await session.kms.call('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 30 }, session.world.callContext());
    const user = userEvent.setup();
    render(KeyPage, { props: { sandbox, keyId } });
    expect(screen.getByRole('button', { name: 'Disable' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel key deletion' }));
    expect(await screen.findByText(/Key deletion cancelled/)).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Disabled');
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    expect(await screen.findByText('Key enabled.')).toBeInTheDocument();
    expect(session.kms.keys()[0].metadata.KeyState).toBe('Enabled');
  });
});
