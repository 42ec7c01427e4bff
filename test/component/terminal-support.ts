/** A terminal on a shell with `aws` over a fresh KMS seeded as kms:serve seeds it (alias/tutorial). */
import './terminal-realm';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Terminal from '../../src/ui/terminal/Terminal.svelte';
import { createShell, type Shell, type ShellResult } from '../../src/cli/index';
import { createKms } from '../../src/kms/index';
import { seedWorld } from '../../src/kms/node/seed-world';

export const SECRET = 'the launch code is 0000\n';

export async function seededShell(files: Record<string, string> = { 'secret.txt': SECRET }): Promise<Shell> {
  const kms = createKms();
  await seedWorld(kms, 'eu-west-2');
  return createShell({ kms, files });
}

export async function renderTerminal(options: { shell?: Shell; chips?: string[] } = {}) {
  const shell = options.shell ?? (await seededShell());
  const runs: { line: string; result: ShellResult }[] = [];
  const user = userEvent.setup();
  const view = render(Terminal, { props: { shell, chips: options.chips, onrun: (line: string, result: ShellResult) => runs.push({ line, result }) } });
  const input = screen.getByRole('textbox', { name: 'Terminal' }) as HTMLInputElement;
  const log = screen.getByRole('log');
  return { shell, runs, user, input, log, ...view };
}
