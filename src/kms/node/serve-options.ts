/**
 * Command-line options of `npm run kms:serve -- [--port 8089] [--region eu-west-2] [--seed 1] [--quiet]`.
 * Kept apart from the server so that the parsing is tested without opening a socket.
 */
export interface ServeOptions {
  /** 8089 by default (away from LocalStack's 4566, which a learner may run beside it); 0 = any free port. */
  port: number;
  region: string;
  seed: number;
  quiet: boolean;
}

export const SERVE_DEFAULTS: ServeOptions = { port: 8089, region: 'eu-west-2', seed: 1, quiet: false };

export const SERVE_USAGE = `Usage: npm run kms:serve -- [--port <n>] [--region <region>] [--seed <n>] [--quiet]
  --port    TCP port on 127.0.0.1 (default ${SERVE_DEFAULTS.port}; 0 picks a free one)
  --region  region of the seeded keys and of requests that name none (default ${SERVE_DEFAULTS.region})
  --seed    seed of ids and request ids, for repeatable sessions (default ${SERVE_DEFAULTS.seed})
  --quiet   do not print one line per request`;

export function parseServeOptions(args: readonly string[]): ServeOptions {
  const options = { ...SERVE_DEFAULTS };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${SERVE_USAGE}`);
      return next;
    };
    const integer = (min: number, max: number) => {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}, not '${text}'`);
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = integer(0, 65535);
        break;
      case '--region': {
        const region = value();
        if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`--region must look like eu-west-2, not '${region}'`);
        options.region = region;
        break;
      }
      case '--seed':
        options.seed = integer(0, 2 ** 32 - 1);
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        throw new Error(SERVE_USAGE);
      default:
        throw new Error(`unknown option '${args[i]}'\n${SERVE_USAGE}`);
    }
  }
  return options;
}
