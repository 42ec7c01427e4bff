/**
 * `npm run kms:serve -- --port 8089`: the simulated KMS as a local endpoint on 127.0.0.1, for the
 * real AWS CLI v2 and any SDK. One engine in memory (gone when the process ends), any SigV4
 * credentials accepted, and `alias/tutorial` ready (see seed-world.ts):
 *
 *   export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
 *   aws --endpoint-url http://127.0.0.1:8089 --region eu-west-2 kms encrypt --key-id alias/tutorial \
 *       --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob
 *
 * Model time follows the wall clock here (it is advanced to "now" before each request), so key
 * creation dates are real and a scheduled deletion really takes its 7–30 days.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createModelClock } from '../../sim/core/clock';
import { createRng } from '../../sim/core/rng';
import { createKms } from '../index';
import { createJson11Endpoint } from '../wire';
import { serveOne } from './http-bridge';
import { parseServeOptions } from './serve-options';
import { seedWorld, TUTORIAL_ALIAS } from './seed-world';

async function main(): Promise<void> {
  let options;
  try {
    options = parseServeOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  const clock = createModelClock(Date.now());
  const followWallClock = () => clock.advance(Math.max(0, Date.now() - clock.now()));
  const kms = createKms({ clock, rng: createRng(options.seed) });
  const tutorial = await seedWorld(kms, options.region);
  const endpoint = createJson11Endpoint(kms, {
    region: options.region,
    seed: options.seed,
    principals: Object.fromEntries(Object.entries(options.principals).map(([accessKeyId, arn]) => [accessKeyId, { arn }])),
    onUnexpectedError: (error, { operation }) => console.error(`!! ${operation} failed inside KMS Lab (a bug):`, error),
  });

  const server = createServer((request, response) => {
    followWallClock();
    serveOne(endpoint, request, response)
      .then(({ target, answer }) => {
        if (options.quiet) return;
        const error = answer && answer.statusCode !== 200 ? ` ${JSON.parse(new TextDecoder().decode(answer.body)).__type}` : '';
        console.log(`${new Date().toISOString()} ${target.replace(/^TrentService\./, '')} → ${answer?.statusCode ?? 413}${error}`);
      })
      .catch((error) => {
        console.error('!! request failed', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  });

  server.listen(options.port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    // One write, so that whoever waits for the ready line gets the details with it.
    console.log(
      [
        `KMS Lab endpoint ready at http://127.0.0.1:${port}`,
        `  region ${options.region}, account ${kms.accountId}; any access key is accepted (as the account's root)`,
        ...Object.entries(options.principals).map(([accessKeyId, arn]) => `  access key ${accessKeyId} acts as ${arn}`),
        `  ${TUTORIAL_ALIAS} → ${tutorial.keyArn}`,
        `  try: aws --endpoint-url http://127.0.0.1:${port} --region ${options.region} kms describe-key --key-id ${TUTORIAL_ALIAS}`,
      ].join('\n'),
    );
  });
  server.on('error', (error) => {
    console.error(`kms:serve could not listen on 127.0.0.1:${options.port}: ${error.message}`);
    process.exit(1);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping the KMS Lab endpoint`);
    kms.dispose();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('kms:serve could not start:', error);
  process.exit(1);
});
