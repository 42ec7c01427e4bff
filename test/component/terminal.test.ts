/**
 * The terminal component on a real shell and a real simulated KMS: typing and running lines,
 * output in the log as text, history, completion, copy, clear, Ctrl+C, chips and leaving by Tab.
 */
import './terminal-realm'; // first: before the shell's modules load
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import Terminal from '../../src/ui/terminal/Terminal.svelte';
import { createShell } from '../../src/cli/index';
import { renderTerminal, SECRET } from './terminal-support';

const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc';
const DECRYPT = 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode';

// Lines are typed key by key into a real KMS and shell: generous time for a busy machine.
describe('terminal', { timeout: 30_000 }, () => {
  it("runs the seed's lines: encrypt to a file, decrypt it, and the log shows the original text", async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, ENCRYPT + '{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0].result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(input).toHaveValue('');
    await user.type(input, DECRYPT + '{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(log).toHaveTextContent('learner@kms-lab:~$ ' + DECRYPT);
    expect(within(log).getByText(SECRET.trim())).toHaveClass('stdout');
  });

  it('shows output as text: markup a command prints never becomes HTML', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, `echo '<img src=x onerror=alert(1)><b>bold</b>'{Enter}`);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(log.querySelector('img, b')).toBeNull();
    expect(within(log).getByText('<img src=x onerror=alert(1)><b>bold</b>')).toBeInTheDocument();
  });

  it('sets standard error apart in words and shows a failing exit status', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, 'aws kms describe-key --key-id alias/missing{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    const error = log.querySelector('.stderr')!;
    expect(error).toHaveTextContent(/^Error output: An error occurred \(NotFoundException\) when calling the DescribeKey operation/);
    expect(within(log).getByText('exit status 254')).toBeInTheDocument();
  });

  it('recalls earlier lines with ↑ and ↓ and brings back the line being typed', async () => {
    const { user, input, runs } = await renderTerminal();
    await user.type(input, 'echo one{Enter}');
    await user.type(input, 'echo two{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    await user.type(input, 'draft');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('echo two');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(input).toHaveValue('echo one');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('echo two');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('draft');
    expect(input.selectionStart).toBe('draft'.length);
  });

  it('walks the shell’s own history, including lines from an earlier visit', async () => {
    const shell = createShell({ history: ['ls -l', 'cat notes.txt'] });
    const { user, input } = await renderTerminal({ shell });
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('cat notes.txt');
  });

  it('completes a unique operation, flag and key alias with Tab', async () => {
    const { user, input } = await renderTerminal();
    await user.type(input, 'aws kms describe-k');
    await user.keyboard('{Tab}');
    await vi.waitFor(() => expect(input).toHaveValue('aws kms describe-key '));
    await user.type(input, '--key-i');
    await user.keyboard('{Tab}');
    await vi.waitFor(() => expect(input).toHaveValue('aws kms describe-key --key-id '));
    await user.type(input, 'alias/tu');
    await user.keyboard('{Tab}');
    await vi.waitFor(() => expect(input).toHaveValue('aws kms describe-key --key-id alias/tutorial '));
    expect(input).toHaveFocus();
  });

  it('lists the candidates when several match, after inserting what they share', async () => {
    const { user, input, log } = await renderTerminal();
    await user.type(input, 'aws kms list-');
    await user.keyboard('{Tab}');
    const list = await within(log).findByRole('list', { name: /completions/ });
    const names = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(names).toContain('list-aliases');
    expect(names).toContain('list-keys');
    expect(input).toHaveValue('aws kms list-');
  });

  it('completes file names after fileb://', async () => {
    const { user, input } = await renderTerminal();
    await user.type(input, 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://sec');
    await user.keyboard('{Tab}');
    await vi.waitFor(() => expect(input).toHaveValue('aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt '));
  });

  it('lets Tab move focus on from an empty line, and after Escape even with text', async () => {
    const { user, input } = await renderTerminal();
    await user.click(input);
    await user.tab();
    expect(input).not.toHaveFocus();
    await user.click(input);
    await user.type(input, 'aws kms');
    await user.keyboard('{Escape}');
    await user.tab();
    expect(input).not.toHaveFocus();
    expect(input).toHaveValue('aws kms');
    expect(input).toHaveAccessibleDescription(/Tab completes .* on an empty line, or after Escape, Tab moves on/);
  });

  it('copies one command’s output and says so', async () => {
    const { user, input, runs } = await renderTerminal();
    await user.type(input, 'echo first{Enter}');
    await user.type(input, 'echo second{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    const buttons = screen.getAllByRole('button', { name: 'Copy output' });
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toHaveAccessibleDescription(/echo first$/);
    await user.click(buttons[0]);
    // user-event stands in for the browser's clipboard.
    expect(await navigator.clipboard.readText()).toBe('first\n');
    expect(await screen.findByRole('status')).toHaveTextContent('Output copied to the clipboard.');
    expect(buttons[0]).toHaveTextContent('Copied');
  });

  it('says how to copy by hand when the browser refuses the clipboard', async () => {
    const { user, input, runs } = await renderTerminal();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    await user.type(input, 'echo hi{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Copy output' }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Could not copy.*Select the output/));
  });

  it('clears the screen with `clear` and with Ctrl+L (which keeps the line)', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, 'echo visible{Enter}');
    await vi.waitFor(() => expect(log).toHaveTextContent('visible'));
    await user.type(input, 'clear{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(log).toHaveTextContent(/^$/);
    expect(screen.getByRole('status')).toHaveTextContent('Screen cleared.');
    await user.type(input, 'echo again{Enter}');
    await vi.waitFor(() => expect(log).toHaveTextContent('again'));
    await user.type(input, 'half typed');
    await user.keyboard('{Control>}l{/Control}');
    expect(log).toHaveTextContent(/^$/);
    expect(input).toHaveValue('half typed');
  });

  it('cancels the line with Ctrl+C as bash does (^C, nothing run)', async () => {
    const { user, input, log, runs, shell } = await renderTerminal();
    await user.type(input, 'rm secret.txt');
    await user.keyboard('{Control>}c{/Control}');
    expect(input).toHaveValue('');
    expect(log).toHaveTextContent('learner@kms-lab:~$ rm secret.txt^C');
    expect(runs).toHaveLength(0);
    expect(shell.fs.exists('/home/learner/secret.txt')).toBe(true);
  });

  it('shows the prompt of the current directory', async () => {
    const { user, input, runs } = await renderTerminal();
    await user.type(input, 'mkdir work; cd work{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await vi.waitFor(() => expect(input).toHaveAccessibleDescription(/^learner@kms-lab:~\/work\$/));
  });

  it('fills the line from a chip without running it', async () => {
    const { user, input, runs } = await renderTerminal({ chips: ['aws kms list-keys', 'ls -l'] });
    await user.click(screen.getByRole('button', { name: 'ls -l' }));
    expect(input).toHaveValue('ls -l');
    expect(input).toHaveFocus();
    expect(runs).toHaveLength(0);
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
  });

  it('keeps the screen bounded: a long output is clipped, and old entries go first', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, 'seq 1500{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(within(log).getByText('[500 more lines not shown here: "Copy output" copies all of it]')).toBeInTheDocument();
    expect(runs[0].result.stdout.split('\n')).toHaveLength(1501); // the full output is still there for Copy
    for (let i = 2; i <= 3; i++) {
      await user.type(input, 'seq 1500{Enter}');
      await vi.waitFor(() => expect(runs).toHaveLength(i));
    }
    expect(within(log).getByText(/earlier output removed: the screen keeps the last 3,000 lines/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Copy output' })).toHaveLength(2);
  });

  it('runs a pasted text line by line and keeps the unfinished last line to edit', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.click(input);
    await user.paste('echo one\necho two\necho thr');
    await vi.waitFor(() => expect(runs.map((run) => run.line)).toEqual(['echo one', 'echo two']));
    expect(input).toHaveValue('echo thr');
    expect([...log.querySelectorAll('.stdout')].map((out) => out.textContent)).toEqual(['one\n', 'two\n']);
  });

  it('marks the log busy while a line runs, so its output is read once complete', async () => {
    let finish: () => void = () => {};
    const shell = createShell({ commands: [{ name: 'slow', summary: 'waits', run: () => new Promise<number>((resolve) => (finish = () => resolve(0))) }] });
    const { user, input, log, runs } = await renderTerminal({ shell });
    await user.type(input, 'slow{Enter}');
    await vi.waitFor(() => expect(log).toHaveAttribute('aria-busy', 'true'));
    finish();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(log).toHaveAttribute('aria-busy', 'false');
  });

  it('puts the caret on the line when the screen is clicked, but not when Copy output is pressed by keyboard', async () => {
    const { user, input, log, runs } = await renderTerminal();
    await user.type(input, 'echo hi{Enter}');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    const copyButton = screen.getByRole('button', { name: 'Copy output' });
    copyButton.focus();
    await user.keyboard('{Enter}');
    expect(copyButton).toHaveFocus();
    await user.click(log);
    expect(input).toHaveFocus();
  });

  it('takes another accessible name for the textbox and its log', () => {
    render(Terminal, { props: { shell: createShell(), label: 'Lesson terminal' } });
    expect(screen.getByRole('textbox', { name: 'Lesson terminal' })).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'Lesson terminal output' })).toBeInTheDocument();
  });
});
