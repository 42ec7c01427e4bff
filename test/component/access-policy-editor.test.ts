import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { defaultKeyPolicy, KmsError, type NamedPolicy } from '../../src/kms/index.ts';
import PolicyEditor from '../../src/ui/access/PolicyEditor.svelte';
import { decideDraft, type TryRequestInput } from '../../src/ui/access/try-request';
import { ACCOUNT, ALICE, BOB, KEY_ARN } from './access-fixtures';

const aliceAdmin: NamedPolicy = { name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
/** The page's tryRequest: the real engine, alice an administrator by IAM, bob with no policy. */
const tryRequest = (text: string, input: TryRequestInput) =>
  decideDraft(text, input, { key: { arn: KEY_ARN, accountId: ACCOUNT }, caller: (arn) => ({ arn, accountId: ACCOUNT }), identityPolicies: (arn) => (arn === ALICE ? [aliceAdmin] : []) }, ALICE);

const policyField = () => screen.getByRole('textbox', { name: 'Key policy' }) as HTMLTextAreaElement;
const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim()).join(' | ');

describe('policy editor', () => {
  it('shows a JSON syntax error with its line and column, linked to the field, and will not save', async () => {
    render(PolicyEditor, { props: { value: defaultKeyPolicy(ACCOUNT), onsave: vi.fn() } });
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [ }\n}';
    await fireEvent.input(policyField(), { target: { value: broken } });
    expect(policyField()).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(policyField())).toBe(
      '1 error: ✗ Error (Line 3, column 18): MalformedPolicyDocumentException The policy is not valid JSON: Expected a value (a string, number, object, list, true, false or null), found "}". Go to line 3',
    );
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Go to line 3' }));
    expect(policyField()).toHaveFocus();
    expect(policyField().selectionStart).toBe(broken.indexOf('}'));
  });

  it("shows validatePolicy's grammar problems at their statement's line, errors blocking the save and warnings not", async () => {
    render(PolicyEditor, { props: { value: defaultKeyPolicy(ACCOUNT), onsave: vi.fn() } });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'Ok', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Bad', Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 'kms:Decrypt', Resource: '*' },
    ] }, null, 2);
    await fireEvent.input(policyField(), { target: { value: policy } });
    const problems = describedText(policyField());
    expect(problems).toContain('✗ Error (Statement 2 (line 13)): MalformedPolicyDocumentException Policy contains a statement with one or more invalid principals.');
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();

    const onlyWarning = policy.replace('"bob"', `"${BOB}"`).replace('"Resource": "*"\n    }\n  ]', '"Resource": "*",\n      "Condition": { "StringEquals": { "ec2:Region": "eu-west-2" } }\n    }\n  ]');
    await fireEvent.input(policyField(), { target: { value: onlyWarning } });
    expect(describedText(policyField())).toMatch(/^1 warning: ! Warning \(Statement 2 \(line 13\)\): The condition key ec2:Region is not simulated in KMS Lab/);
    expect(policyField()).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeEnabled();
  });

  it('loads the default and the console policy templates as AWS writes them', async () => {
    render(PolicyEditor, { props: { value: '{}', caller: ALICE, onsave: vi.fn() } });
    await userEvent.click(screen.getByRole('button', { name: 'Load the default key policy' }));
    expect(policyField().value).toBe(defaultKeyPolicy(ACCOUNT));
    expect(screen.getByText('Valid JSON and policy grammar.')).toBeInTheDocument();

    expect(screen.getByRole('textbox', { name: 'Key administrators (ARNs)' })).toHaveValue(ALICE);
    await userEvent.type(screen.getByRole('textbox', { name: 'Key users (ARNs)' }), BOB);
    await userEvent.click(screen.getByRole('button', { name: 'Load the console policy' }));
    const doc = JSON.parse(policyField().value);
    expect(doc.Id).toBe('key-consolepolicy-3');
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'Enable IAM User Permissions', 'Allow access for Key Administrators', 'Allow use of the key', 'Allow attachment of persistent resources',
    ]);
    expect(doc.Statement[2].Principal.AWS).toBe(BOB);
  });

  it('tries a request against the draft, before saving, and shows its decision', async () => {
    const onsave = vi.fn();
    render(PolicyEditor, { props: { value: defaultKeyPolicy(ACCOUNT), caller: ALICE, onsave, tryRequest, principals: [{ arn: ALICE, name: 'alice' }, { arn: BOB, name: 'bob' }] } });
    const user = userEvent.setup();
    const tryArea = screen.getByRole('region', { name: 'Try this request' });
    await user.selectOptions(within(tryArea).getByRole('combobox', { name: 'Action' }), 'kms:Encrypt');
    await user.selectOptions(within(tryArea).getByRole('combobox', { name: 'Principal (optional)' }), 'bob');
    await user.click(within(tryArea).getByRole('button', { name: 'Try this request' }));
    expect(within(tryArea).getByRole('heading', { level: 4 })).toHaveTextContent('Denied: nothing allows it (implicit deny) kms:Encrypt');

    const letBob = JSON.stringify({ Version: '2012-10-17', Statement: [
      JSON.parse(defaultKeyPolicy(ACCOUNT)).Statement[0],
      { Sid: 'Bob encrypts', Effect: 'Allow', Principal: { AWS: BOB }, Action: 'kms:Encrypt', Resource: '*' },
    ] });
    await fireEvent.input(policyField(), { target: { value: letBob } });
    expect(within(tryArea).getByText(/^This decision is for an earlier draft/)).toBeInTheDocument();
    await user.click(within(tryArea).getByRole('button', { name: 'Try this request' }));
    expect(within(tryArea).queryByText(/^This decision is for an earlier draft/)).toBeNull();
    expect(within(tryArea).getByRole('heading', { level: 4 })).toHaveTextContent(/^✓ Allowed kms:Encrypt/);
    expect(within(tryArea).getByText(/the key policy statement "Bob encrypts" allows bob kms:Encrypt directly/)).toBeInTheDocument();
    expect(onsave).not.toHaveBeenCalled();
  });

  it('warns when the draft would lock the caller out of changing the policy', async () => {
    render(PolicyEditor, { props: { value: defaultKeyPolicy(ACCOUNT), caller: ALICE, onsave: vi.fn(), tryRequest } });
    expect(screen.queryByRole('alert')).toBeNull();
    const onlyBob = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'kms:*', Resource: '*' }] });
    await fireEvent.input(policyField(), { target: { value: onlyBob } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Lockout warning: with this policy, you (${ALICE}) could no longer change the key policy.`);
    expect(alert).toHaveTextContent('The new key policy will not allow you to update the key policy in the future.');
    expect(describedText(policyField())).toContain('Lockout warning');
    await userEvent.click(within(alert).getByRole('button', { name: 'Why would PutKeyPolicy be denied?' }));
    expect(within(alert).getByText("Denied: the key policy does not delegate to IAM, so alice's IAM permission does not count; the key policy itself must allow alice.")).toBeInTheDocument();

    await fireEvent.input(policyField(), { target: { value: defaultKeyPolicy(ACCOUNT) } });
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it("saves the draft, and shows AWS's error when the save is refused", async () => {
    const onsave = vi.fn().mockRejectedValueOnce(new KmsError('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.')).mockResolvedValueOnce(undefined);
    render(PolicyEditor, { props: { value: defaultKeyPolicy(ACCOUNT), onsave } });
    const save = screen.getByRole('button', { name: 'Save policy' });
    expect(save).toBeDisabled();
    const edited = defaultKeyPolicy(ACCOUNT).replace('key-default-1', 'key-edited-1');
    await fireEvent.input(policyField(), { target: { value: edited } });
    await userEvent.click(save);
    expect(onsave).toHaveBeenCalledWith(edited);
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved: MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future.');
    await userEvent.click(save);
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
