import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createKms, type Kms } from '../../src/kms/index.ts';
import AuditLog from '../../src/ui/sandbox/audit/AuditLog.svelte';
import { ACCOUNT, ALICE, BOB } from './access-fixtures';

const alice = { caller: { arn: ALICE }, region: 'eu-west-2' };
// bob has no KMS permissions: his IAM allows nothing.
const bob = { caller: { arn: BOB, iamAllows: () => false }, region: 'eu-west-2' };

async function kmsWithCalls(): Promise<{ kms: Kms; keyId: string }> {
  const kms = createKms({ accountId: ACCOUNT });
  const { KeyMetadata } = (await kms.call('CreateKey', { Description: 'audit test' }, alice)) as { KeyMetadata: { KeyId: string } };
  await kms.call('Encrypt', { KeyId: KeyMetadata.KeyId, Plaintext: new Uint8Array([1, 2, 3]) }, alice);
  await kms.call('DescribeKey', { KeyId: KeyMetadata.KeyId }, bob).catch(() => undefined);
  await kms.call('GetKeyPolicy', { KeyId: KeyMetadata.KeyId, PolicyName: 'default' }, alice);
  return { kms, keyId: KeyMetadata.KeyId };
}

const rowButtons = () => within(screen.getByRole('list')).getAllByRole('button', { expanded: false }).filter((b) => b.closest('li')?.parentElement === screen.getByRole('list'));

describe('audit log', () => {
  it('lists every call newest first, each a button saying what, who, which key and how it ended', async () => {
    const { kms, keyId } = await kmsWithCalls();
    render(AuditLog, { props: { kms } });
    const names = rowButtons().map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
    expect(names).toHaveLength(4);
    expect(names[0]).toMatch(new RegExp(`^▸ ✓ GetKeyPolicy user/alice key ${keyId} succeeded \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`));
    expect(names[1]).toMatch(new RegExp(`^▸ ✗ DescribeKey user/bob key ${keyId} AccessDeniedException `));
    expect(names.slice(2).map((n) => n?.split(' ')[2])).toEqual(['Encrypt', 'CreateKey']);
    expect(screen.getByText('Showing 4 of 4 events, newest first.')).toBeInTheDocument();
  });

  it('filters by event name, key, principal and error code, each a labelled control', async () => {
    const { kms } = await kmsWithCalls();
    render(AuditLog, { props: { kms } });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Principal' }), 'user/bob');
    expect(rowButtons()).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Principal' }), 'All principals');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Error code' }), 'Succeeded (no error)');
    expect(rowButtons().map((b) => b.querySelector('.name')?.textContent)).toEqual(['GetKeyPolicy', 'Encrypt', 'CreateKey']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event name' }), 'Encrypt');
    expect(screen.getByText('Showing 1 of 1 matching (4 in the log) events, newest first.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Key' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowButtons()).toHaveLength(4);
  });

  it('opens an event as its JSON, and a denied call as its decision view', async () => {
    const { kms } = await kmsWithCalls();
    render(AuditLog, { props: { kms } });
    const user = userEvent.setup();
    const denied = rowButtons()[1];
    await user.click(denied);
    expect(denied).toHaveAttribute('aria-expanded', 'true');
    const body = document.getElementById(denied.getAttribute('aria-controls') as string) as HTMLElement;
    const json = JSON.parse(within(body).getByLabelText('DescribeKey event as JSON').textContent as string);
    expect(json).toMatchObject({ eventName: 'DescribeKey', errorCode: 'AccessDeniedException', userIdentity: { arn: BOB } });

    await user.click(within(body).getByRole('button', { name: 'Why was DescribeKey denied?' }));
    const view = within(body).getByRole('region', { name: /Denied: nothing allows it/ });
    expect(within(view).getByRole('heading', { level: 3 })).toHaveTextContent('Denied: nothing allows it (implicit deny)');
    const steps = within(view).getByRole('region', { name: 'The steps taken, in order' });
    expect(within(within(steps).getAllByRole('list')[0]).getAllByRole('listitem').at(-1)).toHaveTextContent('Result: Denied: implicit deny.');
    expect(within(view).getByText(/no IAM policy of bob allows kms:DescribeKey/)).toBeInTheDocument();
  });

  it('explains an allowed call too, also one without a key (IAM alone decides)', async () => {
    const { kms } = await kmsWithCalls();
    render(AuditLog, { props: { kms } });
    const createKey = rowButtons()[3];
    await userEvent.click(createKey);
    const body = document.getElementById(createKey.getAttribute('aria-controls') as string) as HTMLElement;
    await userEvent.click(within(body).getByRole('button', { name: 'Why was CreateKey allowed?' }));
    const steps = within(body).getByRole('region', { name: 'The steps taken, in order' });
    expect(within(within(steps).getAllByRole('list')[0]).getAllByRole('listitem').at(-1)).toHaveTextContent('Result: Allowed by IAM alone.');
    expect(within(body).getByText(/^None: this operation acts on the account/)).toBeInTheDocument();
    expect(within(body).getByText('No key, so no key policy and no grant applies.')).toBeInTheDocument();
  });

  it('shows each decision of a call that checks two keys (ReEncrypt: the destination and the source key), in the order KMS made them', async () => {
    const { kms, keyId } = await kmsWithCalls();
    const { KeyMetadata } = (await kms.call('CreateKey', {}, alice)) as { KeyMetadata: { KeyId: string } };
    const { CiphertextBlob } = (await kms.call('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array([7]) }, alice)) as { CiphertextBlob: Uint8Array };
    await kms.call('ReEncrypt', { CiphertextBlob, DestinationKeyId: KeyMetadata.KeyId }, alice);
    render(AuditLog, { props: { kms } });
    const reEncrypt = rowButtons()[0];
    await userEvent.click(reEncrypt);
    const body = document.getElementById(reEncrypt.getAttribute('aria-controls') as string) as HTMLElement;
    const whys = within(body).getAllByRole('button', { name: /^Why was/ });
    expect(whys.map((b) => b.textContent?.trim())).toEqual([
      `Why was kms:ReEncryptTo on key ${KeyMetadata.KeyId} allowed?`,
      `Why was kms:ReEncryptFrom on key ${keyId} allowed?`,
    ]);
    await userEvent.click(whys[1]);
    expect(whys[1]).toHaveAttribute('aria-expanded', 'true');
    expect(whys[0]).toHaveAttribute('aria-expanded', 'false');
    expect(within(body).getByRole('heading', { level: 3 })).toHaveTextContent('Allowed kms:ReEncryptFrom');
  });

  it('adds new calls as they happen and draws one page of a long log at a time', async () => {
    const { kms, keyId } = await kmsWithCalls();
    render(AuditLog, { props: { kms, pageSize: 3 } });
    for (let i = 0; i < 4; i++) await kms.call('DescribeKey', { KeyId: keyId }, alice);
    await screen.findByText('Showing 3 of 8 events, newest first.');
    expect(rowButtons()).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Show 3 more' }));
    expect(rowButtons()).toHaveLength(6);
    await userEvent.click(screen.getByRole('button', { name: 'Show 2 more' }));
    expect(rowButtons()).toHaveLength(8);
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('says when nothing has been called yet', () => {
    render(AuditLog, { props: { kms: createKms() } });
    expect(screen.getByText(/^No calls yet/)).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
