/**
 * Each command's behaviour in the emulated shell. Output formats that bash and coreutils share
 * with this shell are also covered line by line in bash-parity.test.ts; this file covers what the
 * parity run cannot see (the terminal, the session, the home directory) and pins key behaviours.
 */
import { describe, expect, test } from 'vitest';
import { createShell, type ShellCommand } from '../../../src/cli/shell/index.ts';
import { columns } from '../../../src/cli/shell/commands/ls.ts';
import { loadFileSystem, saveFileSystem } from '../../../src/cli/vfs/index.ts';
import { fixtureShell, runAll } from './fixtures.ts';

describe('echo and printf', () => {
  test('echo joins its arguments and honours -n and -e', async () => {
    const shell = createShell();
    expect((await shell.run('echo a  b')).stdout).toBe('a b\n');
    expect((await shell.run('echo -n a')).stdout).toBe('a');
    expect((await shell.run("echo -e 'x\\ty'")).stdout).toBe('x\ty\n');
    expect((await shell.run("echo 'x\\ty'")).stdout).toBe('x\\ty\n');
  });

  test('printf reuses its format and reports bad numbers like bash', async () => {
    const shell = createShell();
    expect(await shell.run("printf '%s=%d\\n' a 1 b 2")).toEqual({ stdout: 'a=1\nb=2\n', stderr: '', exitCode: 0 });
    expect(await shell.run("printf '%d\\n' x")).toEqual({ stdout: '0\n', stderr: 'bash: printf: x: invalid number\n', exitCode: 1 });
    expect((await shell.run("printf '%y'")).stderr).toBe("bash: printf: `y': invalid format character\n");
  });
});

describe('files', () => {
  test('cat of a missing file: coreutils message, status 1', async () => {
    expect(await createShell().run('cat nofile')).toEqual({
      stdout: '',
      stderr: 'cat: nofile: No such file or directory\n',
      exitCode: 1,
    });
  });

  test('ls prints columns on the terminal and one name a line into a pipe', async () => {
    const shell = fixtureShell();
    expect((await shell.run('ls')).stdout).toBe('bin.dat  dir  empty  hello.txt  lines.txt  secret.txt  words.txt\n');
    expect((await shell.run('ls | head -n 2')).stdout).toBe('bin.dat\ndir\n');
    expect((await shell.run('ls -a dir')).stdout).toBe('.  ..  .hidden  a.txt\n');
  });

  test('ls -C layout fills columns top to bottom within 80 characters', () => {
    const names = Array.from({ length: 30 }, (_, i) => `file-number-${String(i).padStart(2, '0')}`);
    const lines = columns(names).trimEnd().split('\n');
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[0].startsWith('file-number-00  file-number-')).toBe(true);
    expect(lines.length).toBe(Math.ceil(30 / lines[0].split(/\s+/).length));
  });

  test('ls -l shows mode, owner, size and model time', async () => {
    const shell = createShell({ files: { 'a.txt': 'abc' }, clock: { now: () => Date.UTC(2026, 10, 28, 9, 5) } });
    await shell.run('mkdir d');
    expect((await shell.run('ls -l')).stdout).toBe(
      'total 8\n' +
        '-rw-r--r-- 1 learner learner    3 Nov 28 09:05 a.txt\n' +
        'drwxr-xr-x 2 learner learner 4096 Nov 28 09:05 d\n',
    );
  });

  test('mkdir -p, touch, cp -r, mv and rm -r work on trees', async () => {
    const shell = createShell();
    const result = await runAll(
      shell,
      'mkdir -p a/b/c',
      'touch a/b/c/f',
      'echo data > a/b/file',
      'cp -r a copy',
      'mv copy moved',
      'rm -r a',
      'ls -R 2>/dev/null; cat moved/b/file; ls moved/b/c',
    );
    expect(result.stdout).toBe('data\nf\n');
    expect(shell.fs.exists('/home/learner/a')).toBe(false);
  });

  test('head, tail and wc count bytes and lines', async () => {
    const shell = fixtureShell();
    expect((await shell.run('head -c 5 hello.txt')).stdout).toBe('hello');
    expect((await shell.run('tail -n 1 lines.txt')).stdout).toBe('line 15\n');
    expect((await shell.run('wc -c < bin.dat')).stdout).toBe('256\n');
    expect((await shell.run('wc -l lines.txt')).stdout).toBe('15 lines.txt\n');
  });
});

describe('base64 and hex', () => {
  test('encoding wraps at 76 columns like GNU base64; -w 0 gives one line without a newline', async () => {
    const shell = fixtureShell();
    const lines = (await shell.run('base64 bin.dat')).stdout.split('\n');
    expect(lines.slice(0, -2).every((line) => line.length === 76)).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect((await shell.run('base64 -w 0 secret.txt')).stdout).toBe('VGhpcyBpcyBteSBzZWNyZXQ=');
  });

  test('decoding garbage says "base64: invalid input" with status 1', async () => {
    const result = await createShell().run('echo "not base64!" | base64 --decode');
    expect(result.stderr).toBe('base64: invalid input\n');
    expect(result.exitCode).toBe(1);
  });

  test('xxd and od show the same bytes', async () => {
    const shell = createShell();
    expect((await shell.run("printf 'hi\\n' | xxd")).stdout).toBe(
      '00000000: 6869 0a                                  hi.\n',
    );
    expect((await shell.run("printf 'hi\\n' | xxd -p")).stdout).toBe('68690a\n');
    expect((await shell.run("printf 'hi\\n' | od -A x -t x1z")).stdout).toBe(
      '000000 68 69 0a                                         >hi.<\n000003\n',
    );
  });
});

describe('the session', () => {
  test('cd, pwd, ~ and cd -', async () => {
    const shell = createShell();
    await shell.run('mkdir -p d/e');
    expect((await shell.run('cd d/e && pwd')).stdout).toBe('/home/learner/d/e\n');
    expect(shell.prompt()).toBe('learner@kms-lab:~/d/e$ ');
    expect((await shell.run('cd - ')).stdout).toBe('/home/learner\n');
    expect((await shell.run('cd /tmp; cd; pwd')).stdout).toBe('/home/learner\n');
    expect((await shell.run('cd ~/d; pwd')).stdout).toBe('/home/learner/d\n');
    expect(await shell.run('cd nowhere')).toMatchObject({ stderr: 'bash: cd: nowhere: No such file or directory\n', exitCode: 1 });
  });

  test('~ after the = of an assignment is the home directory', async () => {
    expect((await createShell().run('X=~/notes; Y=~; Z=a~; echo $X $Y $Z')).stdout).toBe('/home/learner/notes /home/learner a~\n');
  });

  test('a sandbox comes back after a reload: files, history and working directory', async () => {
    const shell = createShell();
    await runAll(shell, 'mkdir work', 'cd work', "printf '\\x00\\xff' > blob.bin");
    const saved = JSON.parse(JSON.stringify({ fs: saveFileSystem(shell.fs), history: shell.history, cwd: shell.cwd }));
    const again = createShell({ fs: loadFileSystem(saved.fs), history: saved.history, cwd: saved.cwd });
    expect(again.cwd).toBe('/home/learner/work');
    expect((await again.run('xxd -p blob.bin')).stdout).toBe('00ff\n');
    expect(again.history).toEqual(['mkdir work', 'cd work', "printf '\\x00\\xff' > blob.bin", 'xxd -p blob.bin']);
    expect(createShell({ cwd: '/no/such/dir' }).cwd).toBe('/home/learner');
  });

  test('export makes variables part of the environment commands receive; unset removes them', async () => {
    const seen: Record<string, string>[] = [];
    const probe: ShellCommand = { name: 'probe', summary: 'records its environment', run: (ctx) => (seen.push({ ...ctx.env }), 0) };
    const shell = createShell({ commands: [probe], env: { AWS_DEFAULT_REGION: 'eu-west-2' } });
    await runAll(shell, 'LOCAL=1', 'export SHARED=2', 'ONCE=3 probe', 'probe', 'unset SHARED', 'probe');
    expect(seen[0]).toMatchObject({ SHARED: '2', ONCE: '3', AWS_DEFAULT_REGION: 'eu-west-2' });
    expect(seen[0].LOCAL).toBeUndefined();
    expect(seen[1].ONCE).toBeUndefined();
    expect(seen[2].SHARED).toBeUndefined();
    expect(shell.env.AWS_DEFAULT_REGION).toBe('eu-west-2');
  });

  test('export without arguments and env list the environment', async () => {
    const shell = createShell({ env: { A_VAR: 'say "hi" $x' } });
    expect((await shell.run('export')).stdout).toContain('declare -x A_VAR="say \\"hi\\" \\$x"\n');
    expect((await shell.run('env')).stdout).toContain('A_VAR=say "hi" $x\n');
    expect((await shell.run('export 1a=b')).stderr).toBe("bash: export: `1a=b': not a valid identifier\n");
  });

  test('history numbers the lines typed; -c clears it', async () => {
    const shell = createShell();
    await runAll(shell, 'echo one', '   ', 'echo two');
    expect((await shell.run('history')).stdout).toBe('    1  echo one\n    2  echo two\n    3  history\n');
    expect((await shell.run('history 1')).stdout).toBe('    4  history 1\n');
    await shell.run('history -c');
    expect((await shell.run('history')).stdout).toBe('    1  history\n');
    expect(shell.history).toEqual(['history']);
  });

  test('clear asks the terminal to wipe the screen, dropping what came before it in the line', async () => {
    const shell = createShell();
    expect(await shell.run('echo before; clear; echo after')).toEqual({ stdout: 'after\n', stderr: '', exitCode: 0, clear: true });
    expect((await shell.run('echo x')).clear).toBeUndefined();
  });

  test("clear takes ncurses' options (-T TERM, -V, -x) and refuses others with its usage (ncurses 6.4)", async () => {
    const shell = createShell();
    const usage = 'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n';
    expect(await shell.run('clear -x -T xterm')).toEqual({ stdout: '', stderr: '', exitCode: 0, clear: true });
    expect(await shell.run('clear x -V')).toEqual({ stdout: 'ncurses 6.4.20221231\n', stderr: '', exitCode: 0 });
    expect(await shell.run('clear --help')).toEqual({ stdout: '', stderr: "clear: invalid option -- '-'\n" + usage, exitCode: 1 });
    expect(await shell.run('clear -T')).toEqual({ stdout: '', stderr: "clear: option requires an argument -- 'T'\n" + usage, exitCode: 1 });
    expect(await shell.run('clear now')).toEqual({ stdout: '', stderr: usage, exitCode: 1 });
  });

  test('true, false and $?', async () => {
    const shell = createShell();
    expect((await shell.run('false')).exitCode).toBe(1);
    expect((await shell.run('echo $?')).stdout).toBe('1\n');
    expect((await shell.run('true; echo $?')).stdout).toBe('0\n');
  });

  test('help lists every command, including registered ones, and the supported syntax', async () => {
    const aws: ShellCommand = { name: 'aws', summary: 'the AWS CLI v2 (kms)', run: () => 0 };
    const shell = createShell({ commands: [aws] });
    const help = (await shell.run('help')).stdout;
    for (const name of ['aws', 'base64', 'cat', 'cd', 'echo', 'ls', 'printf', 'xxd', 'history', 'clear']) {
      expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    expect(help).toContain('Not available here: if/for/while/case');
    expect((await shell.run('help aws')).stdout).toBe('aws: the AWS CLI v2 (kms)\n');
    expect((await shell.run('help nothing')).exitCode).toBe(1);
  });

  test('unknown commands: bash\'s "command not found", status 127', async () => {
    expect(await createShell().run('foo --bar')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
  });

  test('seq refuses to build more numbers than the terminal can hold', async () => {
    const shell = createShell();
    expect((await shell.run('seq 3')).stdout).toBe('1\n2\n3\n');
    expect(await shell.run('seq 100000000')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining("terminal's limit") });
  });

  test('constructs that are not simulated say so', async () => {
    const shell = createShell();
    expect((await shell.run('echo a & echo b')).stderr).toContain('background jobs (&) are not simulated');
    expect((await shell.run('echo $((1+2))')).stderr).toBe('bash: arithmetic expansion $(( … )) is not supported in this terminal\n');
    expect((await shell.run('echo ${1a}')).stderr).toBe('bash: ${1a}: bad substitution\n');
    expect((await shell.run('env ls')).exitCode).toBe(125);
  });
});
