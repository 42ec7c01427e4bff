/**
 * A terminal in a lesson: each line the learner runs goes through the player as the learner action
 * `terminal`, so the line is logged like a form's action, a step's check sees what it did, reset
 * and Back rebuild the files from the log in a fresh world, and the walkthrough replays solutions.
 * The lesson here is built in memory: one narration step, two steps with the terminal.
 */
import { describe, expect, it } from 'vitest';
import { playerShell } from '../../../../src/lessons/player/player-shell';
import { createLessonPlayer } from '../../../../src/lessons/player/player';
import { createTerminalWorld, terminalAction, terminalLineOf, TERMINAL_EVENT } from '../../../../src/lessons/terminal';
import { defineScenario, type Lesson, type ScenarioTerminal, type Step } from '../../../../src/lessons/types';
import { replayWalkthrough } from '../../../../src/lessons/walkthrough';

interface TinyState {
  terminal: ScenarioTerminal;
  /** What the learner's home directory holds after each line, as the check reads it. */
  files: string[];
}

const scenario = defineScenario<TinyState>({
  terminal: { files: { 'note.txt': 'hello\n' }, chips: ['ls'] },
  async create({ clock, rng, stream }) {
    const { terminal } = await createTerminalWorld({ clock, rng, files: { 'note.txt': 'hello\n' } });
    const state: TinyState = { terminal, files: terminal.shell.fs.readdir(terminal.shell.fs.home) };
    return {
      state,
      terminal,
      async dispatch(event) {
        if (event.type !== TERMINAL_EVENT) throw new Error(`unknown scenario event "${event.type}"`);
        const ran = await terminal.run(terminalLineOf(event));
        stream.emit({ type: 'note', actor: 'you', text: `$ ${ran.line} (exit status ${ran.exitCode})` });
        state.files = terminal.shell.fs.readdir(terminal.shell.fs.home);
      },
    };
  },
  actions: { terminal: terminalAction() },
  checks: { copied: { description: 'Copy note.txt to copy.txt', test: (state) => state.files.includes('copy.txt') } },
});

const step = (index: number, id: string, more: Partial<Step> = {}): Step => ({
  id, title: id, index, handsOn: more.await !== undefined, file: `steps/0${index + 1}-${id}.md`, html: `<p>${id}</p>`, notes: 'notes', notesHtml: '<p>notes</p>', ...more,
});

const lesson: Lesson = {
  id: 'tiny-terminal', title: 'Tiny terminal', summary: 'A terminal in a lesson.', objectives: ['type'], estimatedMinutes: 1, version: 1, seed: 5,
  actors: [{ id: 'you', label: 'You', kind: 'client' }, { id: 'kms', label: 'KMS', kind: 'kms' }],
  folder: '01-tiny-terminal', order: 1, introHtml: '', scenario,
  quiz: { questions: [{ id: 'q', kind: 'single', prompt: 'Which?', refs: ['copy'], options: [{ id: 'a', text: 'A', why: 'because' }, { id: 'b', text: 'B', why: 'not so' }], answer: 'a', explanation: 'it is' }] },
  steps: [
    step(0, 'read'),
    step(1, 'copy', { actions: ['terminal'], await: 'copied', solution: [{ action: 'terminal', input: { line: 'cp note.txt copy.txt' } }] }),
    step(2, 'play', { actions: ['terminal'], chips: ['cat copy.txt'] }),
  ],
};

describe('a terminal in a lesson', () => {
  it('runs a line as the learner action "terminal": the screen gets the output, the step its check', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'copy' });
    await player.settled();
    const shell = playerShell(player, player.terminal!);
    expect(shell.prompt()).toBe('learner@kms-lab:~$ ');
    expect(await shell.run('aws kms list-aliases --query "Aliases[].AliasName" --output text')).toEqual({ stdout: 'alias/tutorial\n', stderr: '', exitCode: 0 });
    expect(player.getSnapshot().status).toBe('awaiting');
    expect(await shell.run('cp note.txt copy.txt')).toMatchObject({ exitCode: 0 });
    expect((await player.settled()).status).toBe('complete');
    expect(shell.history).toEqual(['aws kms list-aliases --query "Aliases[].AliasName" --output text', 'cp note.txt copy.txt']);
    expect(player.getSnapshot().events.filter((e) => e.type === 'note').map((e) => (e.type === 'note' ? e.text : ''))).toEqual([
      '$ aws kms list-aliases --query "Aliases[].AliasName" --output text (exit status 0)',
      '$ cp note.txt copy.txt (exit status 0)',
    ]);
    player.stop();
  });

  it('lines sent together run in order, each answered with its own output', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'play' });
    await player.settled();
    const shell = playerShell(player, player.terminal!);
    const results = await Promise.all(['echo one', 'echo two', 'cat missing.txt'].map((line) => shell.run(line)));
    expect(results.map((r) => [r.stdout, r.exitCode])).toEqual([['one\n', 0], ['two\n', 0], ['', 1]]);
    player.stop();
  });

  it('reset rebuilds the world from the log in a fresh one (new terminal); Back and Next replay the files', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'copy' });
    await player.settled();
    const first = player.terminal!;
    await playerShell(player, first).run('cp note.txt copy.txt');
    player.next();
    await player.settled();
    await playerShell(player, player.terminal!).run('echo more > more.txt');
    player.reset();
    await player.settled();
    const afterReset = player.terminal!;
    expect(afterReset).not.toBe(first);
    // The current step's lines are undone; the earlier step's line was replayed from the log.
    expect(afterReset.shell.fs.readdir(afterReset.shell.fs.home).sort()).toEqual(['copy.txt', 'note.txt']);
    expect(afterReset.lines.map((l) => l.line)).toEqual(['cp note.txt copy.txt']);
    player.previous();
    await player.settled();
    expect(player.terminal!.shell.fs.readdir(player.terminal!.shell.fs.home)).toEqual(['note.txt']);
    player.stop();
  });

  it('refuses a line where the step offers no terminal, and never logs a blank line', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'read' });
    await player.settled();
    const shell = playerShell(player, player.terminal!);
    const refused = await shell.run('ls');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('The action "terminal" is not available in the step "read"');
    expect(await shell.run('   ')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(player.terminal!.lines).toEqual([]);
    player.stop();
  });

  it('the walkthrough replays a stored solution of terminal lines and the rebuild matches', async () => {
    const report = await replayWalkthrough(lesson);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([['read', 'narration'], ['copy', 'complete'], ['play', 'narration']]);
    const player = createLessonPlayer(lesson, { startAt: 'play' });
    await player.settled();
    // The deep link played the hands-on step's stored solution on the learner's behalf.
    expect(player.terminal!.lines.map((l) => l.line)).toEqual(['cp note.txt copy.txt']);
    player.stop();
  });
});
