/**
 * The learner action that runs one terminal line, apart from the terminal itself so that views can
 * name it without loading the KMS (src/lessons/terminal.ts builds the terminal's world).
 *
 *   terminalAction()       the scenario action: { line } → { type: 'terminal-line', line }
 *   terminalLineOf(event)  the line of such an event, checked again (a replayed or scripted event)
 */
import type { LearnerActionSpec, ScenarioEvent } from './types';

/** The action name steps list in `actions` (and in `solution`) to offer the terminal. */
export const TERMINAL_ACTION = 'terminal';
/** The scenario event one terminal line becomes. */
export const TERMINAL_EVENT = 'terminal-line';

function validLine(raw: unknown): string {
  const line = typeof raw === 'string' ? raw : '';
  if (line.trim() === '') throw new Error('Type a command line to run.');
  // An over-long line is the shell's to refuse, with bash's message, like any other line it cannot run.
  return line;
}

export function terminalAction(): LearnerActionSpec {
  return {
    label: 'Run in the terminal',
    description: 'One command line, as typed into the terminal.',
    fields: [{ name: 'line', label: 'Command line', kind: 'text' }],
    toEvent: (input) => ({ type: TERMINAL_EVENT, line: validLine(input.line) }),
  };
}

/** The line a 'terminal-line' event carries; throws (the player shows it) when it is not a runnable line. */
export function terminalLineOf(event: ScenarioEvent): string {
  return validLine(event.line);
}
