/**
 * The lesson page with a terminal (lesson 06, the real lesson): the Terminal shows in the steps
 * that offer it, at the top of the simulation; a typed line completes the step's check through the
 * player; narration steps without it show none; Reset brings a fresh terminal for the rebuilt world.
 */
import './terminal-realm';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LessonPage from '../../src/ui/player/LessonPage.svelte';

const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob > ExampleSecretFileEncrypted.base64';

async function openStep(stepId: string) {
  const user = userEvent.setup();
  render(LessonPage, { props: { params: { lessonId: 'cli-and-4kb-limit', stepId } } });
  await screen.findByRole('heading', { level: 1, name: 'The CLI and the 4 KB limit' }, { timeout: 10_000 });
  const input = (await screen.findByRole('textbox', { name: 'Terminal' }, { timeout: 10_000 })) as HTMLInputElement;
  return { user, input, log: screen.getByRole('log', { name: 'Terminal output' }) };
}

async function runLine(user: ReturnType<typeof userEvent.setup>, input: HTMLInputElement, log: HTMLElement, line: string) {
  await user.click(input);
  await user.type(input, line.replace(/[{[]/g, (c) => c + c));
  await user.keyboard('{Enter}');
  await vi.waitFor(() => expect(log).toHaveAttribute('aria-busy', 'false'));
}

describe('a lesson step with a terminal', () => {
  it('shows the terminal in the simulation, and a typed line completes the step', async () => {
    const { user, input, log } = await openStep('encrypt-a-file');
    expect(within(screen.getByRole('region', { name: 'Simulation' })).getByRole('textbox', { name: 'Terminal' })).toBe(input);
    expect(screen.getByText(/Type the commands in the/)).toBeInTheDocument();
    // The terminal is the step's action: no form is drawn for it.
    expect(screen.queryByRole('form', { name: 'Run in the terminal' })).toBeNull();
    expect(await screen.findByText(/^Your goal: Encrypt the secret file/)).toBeInTheDocument();
    await runLine(user, input, log, ENCRYPT);
    expect((await screen.findAllByText(/Goal reached\./, {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    await runLine(user, input, log, 'cat ExampleSecretFileEncrypted.base64');
    expect(log.querySelectorAll('.entry')).toHaveLength(2);
    expect(log.querySelector('.entry:last-child .stdout')?.textContent).toMatch(/^AQ[A-Za-z0-9+/]+={0,2}\n?$/);
  }, 30_000);

  it('Reset rebuilds the world and brings a fresh terminal with the step\'s files as they were', async () => {
    const { user, input, log } = await openStep('piece-by-piece');
    await runLine(user, input, log, 'echo draft > draft.txt');
    expect(log.querySelectorAll('.entry')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await vi.waitFor(() => expect(screen.getByRole('log', { name: 'Terminal output' }).querySelectorAll('.entry')).toHaveLength(0));
    const fresh = screen.getByRole('textbox', { name: 'Terminal' }) as HTMLInputElement;
    const freshLog = screen.getByRole('log', { name: 'Terminal output' });
    await runLine(user, fresh, freshLog, 'ls');
    // The first step's stored solution was replayed from the log; this step's file was undone.
    expect(freshLog.textContent).toContain('ExampleSecretFileEncrypted.base64');
    expect(freshLog.textContent).not.toContain('draft.txt');
  }, 30_000);
});
