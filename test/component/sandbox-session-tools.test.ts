import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, cleanup } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { ConsoleState } from '../../src/ui/sandbox/console-state.svelte';
import SessionTools from '../../src/ui/sandbox/parts/SessionTools.svelte';
import CreateKeyWizard from '../../src/ui/sandbox/CreateKeyWizard.svelte';
import { EXPORT_NOTE } from '../../src/lessons/sandbox/index';
import { testSession } from './support/sandbox-session';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('reset, export and import', () => {
  it('resets only after a confirmation', async () => {
    const session = testSession();
    const user = userEvent.setup();
    render(SessionTools, { props: { sandbox: new ConsoleState(session) } });
    await user.click(screen.getByRole('button', { name: 'Reset…' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(session.resets).toBe(0);
    window.location.hash = '#/sandbox/keys/gone/policy';
    await user.click(screen.getByRole('button', { name: 'Reset…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, reset the sandbox' }));
    expect(session.resets).toBe(1);
    expect(await screen.findByText('The sandbox was reset to its starting state.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/sandbox');
  });

  it('exports the session’s JSON as a file, says that key material cannot leave, and imports a chosen file', async () => {
    const session = testSession();
    const user = userEvent.setup();
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      made.push(blob);
      return 'blob:sandbox-export';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(SessionTools, { props: { sandbox: new ConsoleState(session) } });
    expect(screen.getByText('Key material cannot leave KMS: what an export holds')).toBeInTheDocument();
    expect(screen.getByText(EXPORT_NOTE)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(clicked).toHaveBeenCalledOnce();
    expect(await made[0].text()).toBe(session.exportJson());
    expect(screen.getByText(/Exported to kms-lab-sandbox\.json/)).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Import…'), new File(['{"saved":true}'], 'mine.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(session.imported).toEqual(['{"saved":true}']));
    expect(await screen.findByText('mine.json: Imported with new key material.')).toBeInTheDocument();
  });

  it('shows an import’s refusal in its own words', async () => {
    const session = testSession();
    session.importJson = async () => {
      throw new Error('format must be "kms-lab-sandbox-export"');
    };
    const user = userEvent.setup();
    render(SessionTools, { props: { sandbox: new ConsoleState(session) } });
    await user.upload(screen.getByLabelText('Import…'), new File(['{}'], 'other.json', { type: 'application/json' }));
    expect(await screen.findByText('other.json could not be imported: format must be "kms-lab-sandbox-export"')).toBeInTheDocument();
  });
});

describe('the wizard for every key type', () => {
  it('offers the simulated specs of each type and usage, and says which are not simulated', async () => {
    const session = testSession();
    const user = userEvent.setup();
    render(CreateKeyWizard, { props: { sandbox: new ConsoleState(session) } });
    await user.click(screen.getByRole('radio', { name: /HMAC/ }));
    const options = () => [...(screen.getByLabelText('Key spec') as HTMLSelectElement).options].map((o) => o.value);
    expect(options()).toEqual(['HMAC_256', 'HMAC_384', 'HMAC_512']);
    expect(screen.getByText(/Not simulated in KMS Lab: HMAC_224/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Asymmetric/ }));
    expect(options()).toEqual(['RSA_2048', 'RSA_3072', 'RSA_4096']);
    await user.click(screen.getByRole('radio', { name: /Sign and verify/ }));
    expect(options()).toEqual(['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'RSA_2048', 'RSA_3072', 'RSA_4096']);
    await user.click(screen.getByRole('radio', { name: /Key agreement/ }));
    expect(options()).toEqual(['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521']);
  });

  it('opens a new key with imported material on its Key material tab', async () => {
    const session = testSession();
    const user = userEvent.setup();
    render(CreateKeyWizard, { props: { sandbox: new ConsoleState(session) } });
    await user.click(screen.getByRole('radio', { name: /External/ }));
    for (let step = 0; step < 3; step += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await vi.waitFor(() => expect(window.location.hash).toMatch(/^#\/sandbox\/keys\/[0-9a-f-]{36}\/material$/));
    expect(session.kms.keys()[0].metadata).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'PendingImport' });
  });

  it('creates an HMAC key with a tag', async () => {
    const session = testSession();
    const user = userEvent.setup();
    render(CreateKeyWizard, { props: { sandbox: new ConsoleState(session) } });
    await user.click(screen.getByRole('radio', { name: /HMAC/ }));
    await user.selectOptions(screen.getByLabelText('Key spec'), 'HMAC_512');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText('Tag key 1'), 'team');
    await user.type(screen.getByLabelText('Tag value 1'), 'red');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await vi.waitFor(() => expect(session.kms.keys()).toHaveLength(1));
    expect(session.kms.keys()[0]).toMatchObject({ metadata: { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }, tags: { team: 'red' } });
  });
});
