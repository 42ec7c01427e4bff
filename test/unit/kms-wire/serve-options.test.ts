import { describe, expect, it } from 'vitest';
import { parseServeOptions, SERVE_DEFAULTS } from '../../../src/kms/node/serve-options';

describe('kms:serve options', () => {
  it('defaults to 127.0.0.1:8089, eu-west-2, seed 1', () => {
    expect(parseServeOptions([])).toEqual({ port: 8089, region: 'eu-west-2', seed: 1, principals: {}, quiet: false });
    expect(SERVE_DEFAULTS.port).toBe(8089);
  });

  it('reads --flag value and --flag=value', () => {
    expect(
      parseServeOptions([
        '--port', '0', '--region=us-east-1', '--seed', '42', '--quiet',
        '--principal', 'AKIDALICE=arn:aws:iam::111122223333:user/alice',
        '--principal=AKIDBOB=arn:aws:sts::111122223333:assumed-role/app/bob',
      ]),
    ).toEqual({
      port: 0,
      region: 'us-east-1',
      seed: 42,
      principals: {
        AKIDALICE: 'arn:aws:iam::111122223333:user/alice',
        AKIDBOB: 'arn:aws:sts::111122223333:assumed-role/app/bob',
      },
      quiet: true,
    });
  });

  it.each([
    [['--port', '70000'], "--port must be an integer from 0 to 65535, not '70000'"],
    [['--port'], '--port needs a value'],
    [['--region', 'mars'], "--region must look like eu-west-2, not 'mars'"],
    [['--colour'], "unknown option '--colour'"],
    [['--principal', 'alice'], "--principal must look like AKIDALICE=arn:aws:iam::111122223333:user/alice, not 'alice'"],
  ])('refuses %j', (args, message) => {
    expect(() => parseServeOptions(args)).toThrow(message);
  });
});
