/**
 * Command-line options of `npm run kms:serve -- [--port 8089] [--region eu-west-2] [--seed 1]
 * [--principal AKID=arn]… [--quiet]`. Kept apart from the server so that the parsing is tested
 * without opening a socket.
 */
export interface ServeOptions {
  /** 8089 by default (away from LocalStack's 4566, which a learner may run beside it); 0 = any free port. */
  port: number;
  region: string;
  seed: number;
  /**
   * IAM principals by access key id, so that two terminals with different AWS_ACCESS_KEY_ID act as
   * two identities (a key policy can then allow one and deny the other). Any other key is the
   * account's root.
   */
  principals: Record<string, string>;
  quiet: boolean;
}

export const SERVE_DEFAULTS: ServeOptions = { port: 8089, region: 'eu-west-2', seed: 1, principals: {}, quiet: false };

const PRINCIPAL_ARN = /^arn:aws:(iam|sts)::\d{12}:[\w+=,.@/:-]+$/;

export const SERVE_USAGE = `Usage: npm run kms:serve -- [--port <n>] [--region <region>] [--seed <n>] [--quiet]
  --port    TCP port on 127.0.0.1 (default ${SERVE_DEFAULTS.port}; 0 picks a free one)
  --region  region of the seeded keys and of requests that name none (default ${SERVE_DEFAULTS.region})
  --seed    seed of ids and request ids, for repeatable sessions (default ${SERVE_DEFAULTS.seed})
  --principal <access key id>=<IAM ARN>
            act as that principal for requests signed with that access key (repeatable);
            every other access key is the account's root
  --quiet   do not print one line per request`;

export function parseServeOptions(args: readonly string[]): ServeOptions {
  const options = { ...SERVE_DEFAULTS, principals: {} as Record<string, string> };
  for (let i = 0; i < args.length; i++) {
    const equals = args[i].indexOf('=');
    const flag = equals < 0 ? args[i] : args[i].slice(0, equals);
    const inline = equals < 0 ? undefined : args[i].slice(equals + 1);
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
      case '--principal': {
        const text = value();
        const equals = text.indexOf('=');
        const accessKeyId = text.slice(0, equals);
        const arn = text.slice(equals + 1);
        if (equals < 1 || !PRINCIPAL_ARN.test(arn)) {
          throw new Error(`--principal must look like AKIDALICE=arn:aws:iam::111122223333:user/alice, not '${text}'`);
        }
        options.principals[accessKeyId] = arn;
        break;
      }
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
