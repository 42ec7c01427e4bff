/**
 * Pipes and files carry bytes, not text: binary data survives base64 → file → cat byte for byte.
 * The screen shows text the way a terminal would, and nothing a learner types can make output or
 * files grow without bound.
 */
import { describe, expect, test } from 'vitest';
import { createShell, TERMINAL_OUTPUT_LIMIT, type ShellCommand } from '../../../src/cli/shell/index.ts';
import { terminalText } from '../../../src/cli/shell/terminal-text.ts';
import { toBase64 } from '../../../src/cli/vfs/encoding.ts';
import { limits } from '../../../src/cli/vfs/index.ts';

function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A command that receives stdin and records it, to see exactly the bytes a pipe delivered. */
function recorder(): { command: ShellCommand; received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return { received, command: { name: 'record', summary: 'records stdin', run: (ctx) => (received.push(ctx.stdin), 0) } };
}

describe('bytes through pipes and files', () => {
  test('binary data round-trips through base64 -d > file, cat and base64 again', async () => {
    const data = randomBytes(3000, 7);
    const { command, received } = recorder();
    const shell = createShell({ files: { 'data.b64': toBase64(data) }, commands: [command] });
    await shell.run('base64 -d data.b64 > data.bin');
    expect(shell.fs.readFile('/home/learner/data.bin')).toEqual(data);
    await shell.run('cat data.bin | record');
    expect(received[0]).toEqual(data);
    await shell.run('cat data.bin | base64 | base64 --decode > again.bin');
    expect(shell.fs.readFile('/home/learner/again.bin')).toEqual(data);
    await shell.run('record < again.bin');
    expect(received[1]).toEqual(data);
  });

  test('every byte value survives printf escapes, >> and head -c', async () => {
    const shell = createShell();
    const escapes = Array.from({ length: 256 }, (_, i) => `\\x${i.toString(16).padStart(2, '0')}`).join('');
    await shell.run(`printf '${escapes.slice(0, 512)}' > all.bin; printf '${escapes.slice(512)}' >> all.bin`);
    const all = shell.fs.readFile('/home/learner/all.bin');
    expect(all).toEqual(Uint8Array.from({ length: 256 }, (_, i) => i));
    await shell.run('head -c 128 all.bin > low.bin; tail -c 128 all.bin > high.bin');
    expect(shell.fs.readFile('/home/learner/high.bin')[0]).toBe(128);
    expect(shell.fs.readFile('/home/learner/low.bin').length).toBe(128);
  });
});

describe('what the screen shows', () => {
  test('invalid UTF-8 shows as replacement characters; valid UTF-8 as text', async () => {
    const shell = createShell();
    expect((await shell.run("printf 'ok \\xff\\xfe caf\\xc3\\xa9\\n'")).stdout).toBe('ok \ufffd\ufffd café\n');
  });

  test('terminal control sequences and control bytes are not printed; tabs and newlines are', () => {
    const bytes = new TextEncoder().encode('\x1b[31mred\x1b[0m\ta\x00b\x07\r\nnext\x1b]0;title\x07');
    expect(terminalText(bytes)).toBe('red\tab\nnext');
  });

  test('markup is just text', async () => {
    const result = await createShell().run(`echo '<img src=x onerror=alert(1)>'`);
    expect(result.stdout).toBe('<img src=x onerror=alert(1)>\n');
  });

  test('a huge output is cut at the terminal limit with a note saying how much was hidden', async () => {
    const shell = createShell();
    const result = await shell.run('seq 200000');
    expect(result.exitCode).toBe(0);
    const [shown, note] = [result.stdout.slice(0, TERMINAL_OUTPUT_LIMIT), result.stdout.slice(TERMINAL_OUTPUT_LIMIT)];
    expect(shown.startsWith('1\n2\n3\n')).toBe(true);
    expect(note).toMatch(/^\[output truncated: [\d,]+ more bytes not shown\]\n$/);
  });
});

const HEAVY = 30_000; // 64 MiB buffers on a shared machine

describe('limits', () => {
  test('a file cannot grow past 64 MiB: the writer gets "File too large"', async () => {
    const big: ShellCommand = {
      name: 'big',
      summary: 'writes 65 MiB',
      run(ctx) {
        const chunk = new Uint8Array(1024 * 1024);
        for (let i = 0; i < 65; i++) ctx.stdout.write(chunk);
        return 0;
      },
    };
    const shell = createShell({ commands: [big] });
    const result = await shell.run('big > huge.bin');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('big: write error: File too large\n');
    // What was written up to the limit stays, as on a disk with a quota.
    expect(shell.fs.stat('/home/learner/huge.bin')?.size).toBe(limits.MAX_FILE_BYTES);
  }, HEAVY);

  test('appending to a file until it is full stops at the limit', async () => {
    const shell = createShell({ files: { 'half.bin': new Uint8Array(limits.MAX_FILE_BYTES / 2 + 1) } });
    await shell.run('cat half.bin > copy.bin');
    const result = await shell.run('cat half.bin >> copy.bin');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('File too large');
    expect(shell.fs.stat('/home/learner/copy.bin')?.size).toBe(limits.MAX_FILE_BYTES / 2 + 1);
  }, HEAVY);

  test('a pipe holds at most 64 MiB; the writer is stopped with a message', async () => {
    const flood: ShellCommand = {
      name: 'flood',
      summary: 'writes forever',
      run(ctx) {
        const chunk = new Uint8Array(8 * 1024 * 1024);
        for (;;) ctx.stdout.write(chunk);
      },
    };
    const result = await createShell({ commands: [flood] }).run('flood | wc -c');
    expect(result.stderr).toBe('flood: write error: more than 64 MiB in one pipe (the limit of this terminal)\n');
    expect(result.stdout).toBe(`${64 * 1024 * 1024}\n`);
  }, HEAVY);

  test('a writer that keeps printing to the screen long after the cut is stopped', async () => {
    const flood: ShellCommand = {
      name: 'flood',
      summary: 'prints forever',
      run(ctx) {
        const chunk = new Uint8Array(1024 * 1024).fill(65);
        for (;;) ctx.stdout.write(chunk);
      },
    };
    const result = await createShell({ commands: [flood] }).run('flood');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('flood: write error: more than 16 MiB of output to the screen (the limit of this terminal)\n');
    expect(result.stdout.length).toBeLessThan(TERMINAL_OUTPUT_LIMIT + 100);
    expect(result.stdout).toMatch(/\[output truncated: [\d,]+ more bytes not shown\]\n$/);
  }, HEAVY);

  test('expansions are bounded: huge variables cannot be multiplied without end', async () => {
    const shell = createShell({ files: { big: new Uint8Array(20 * 1024 * 1024).fill(97) } });
    expect((await shell.run('X=$(cat big); echo ${#X}')).stdout).toBe(`${20 * 1024 * 1024}\n`);
    const result = await shell.run('echo $X $X $X $X');
    expect(result).toEqual({
      stdout: '',
      stderr: 'bash: expansions larger than 64 MiB in one command are beyond the limit of this terminal\n',
      exitCode: 1,
    });
  }, HEAVY);

  test('printf stops before building more than 64 MiB', async () => {
    const result = await createShell().run("printf '%999999s' $(seq 100) > /dev/null");
    expect(result).toEqual({ stdout: '', stderr: 'bash: printf: write error: output larger than 64 MiB (the limit of this terminal)\n', exitCode: 1 });
  }, HEAVY);

  test('a line longer than the limit is refused before parsing', async () => {
    const result = await createShell().run('echo ' + 'a'.repeat(300 * 1024));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^bash: line too long for this terminal/);
  }, HEAVY);

  test('a command that throws is reported, and the shell keeps working', async () => {
    const broken: ShellCommand = {
      name: 'broken',
      summary: 'throws',
      run() {
        throw new Error('boom');
      },
    };
    const shell = createShell({ commands: [broken] });
    expect(await shell.run('broken')).toEqual({ stdout: '', stderr: 'bash: broken: internal error: boom\n', exitCode: 1 });
    expect((await shell.run('echo still here')).stdout).toBe('still here\n');
  }, HEAVY);

  test('lines run one after another even when run is called concurrently', async () => {
    const order: string[] = [];
    const slow: ShellCommand = {
      name: 'slow',
      summary: 'waits',
      async run(ctx) {
        order.push(`start ${ctx.argv[1]}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${ctx.argv[1]}`);
        return 0;
      },
    };
    const shell = createShell({ commands: [slow] });
    await Promise.all([shell.run('slow 1'), shell.run('slow 2')]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  }, HEAVY);
});
