/** Starts `kms:serve` on a free port as a child process and stops it cleanly (SIGTERM). */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServe {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

const READY = /KMS Lab endpoint ready at (http:\/\/127\.0\.0\.1:\d+)/;

export function startKmsServe(args: string[] = [], timeoutMs = 45_000): Promise<RunningServe> {
  // `node --import tsx` rather than `npx tsx`: one process, so SIGTERM reaches the server itself.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/kms/node/serve.ts', '--port', '0', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kms:serve did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        url: ready[1],
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kms:serve exited with ${code} before it was ready:\n${output}`));
    });
  });
}
