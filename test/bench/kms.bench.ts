/**
 * Speed of the simulated KMS, as ratios against raw WebCrypto in the same process (never timed
 * assertions). Run by `npm run bench`, or alone: `npx tsx test/bench/kms.bench.ts`.
 *
 *  1. Encrypt + Decrypt of 4 KiB through the whole engine (validation, key lookup, authorization,
 *     quota bucket, audit event, ciphertext blob) vs raw AES-256-GCM encrypt + decrypt of 4 KiB.
 *     Aim: engine ≥ 0.8 × raw. The same pair through the JSON 1.1 front door and through the real
 *     SDK client in-process is printed too, to show what each layer costs.
 *  2. GenerateDataKey (AES_256) and Sign (ECC_NIST_P256, ECDSA_SHA_256) operations per second.
 *
 * Quota rates are raised so the bench measures work, not throttling; the bucket is still checked
 * on every call. Rounds alternate between the contenders and the median round counts, which keeps
 * a busy shared machine from favouring whichever ran first.
 */
import { EncryptCommand, DecryptCommand } from '@aws-sdk/client-kms';
import { createInProcessKmsClient } from '../../src/kms/client/create-client';
import { createKms } from '../../src/kms/index';
import { createJson11Endpoint, encodeBase64, decodeBase64 } from '../../src/kms/wire';

const ROUNDS = 5;
const ROUND_MS = 400;
const SIZE = 4096;
const region = 'eu-west-2';
const caller = { arn: 'arn:aws:iam::111122223333:root' };
const context = { caller, region };

type Op = () => Promise<unknown>;

async function opsPerSecond(op: Op, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await op();
    count++;
    if ((count & 7) === 0) now = performance.now();
  }
  return (count * 1000) / (performance.now() - start);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Alternates the contenders round by round; returns each one's median ops/s. */
async function race(contenders: Record<string, Op>): Promise<Record<string, number>> {
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const op of Object.values(contenders)) await opsPerSecond(op, 100); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, op] of Object.entries(contenders)) results[name].push(await opsPerSecond(op, ROUND_MS));
  }
  return Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]));
}

function freshKms() {
  const kms = createKms();
  for (const family of ['symmetric-crypto', 'ecc-crypto', 'rsa-crypto']) kms.quotas.setRate(family, 1e9);
  return kms;
}

async function createKey(kms: ReturnType<typeof createKms>, input: Record<string, unknown>): Promise<string> {
  const out = await kms.call('CreateKey', input, context);
  return (out.KeyMetadata as { Arn: string }).Arn;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);

async function main(): Promise<void> {
  const plaintext = crypto.getRandomValues(new Uint8Array(SIZE));

  // Raw WebCrypto: a non-extractable AES-256-GCM key, fresh 96-bit IV per message.
  const rawKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const raw: Op = async () => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, rawKey, plaintext);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, rawKey, sealed);
  };

  // The engine. The audit log grows with every call, so each contender gets its own engine.
  const engineKms = freshKms();
  const engineKey = await createKey(engineKms, {});
  const engine: Op = async () => {
    const sealed = await engineKms.call('Encrypt', { KeyId: engineKey, Plaintext: plaintext }, context);
    return (await engineKms.call('Decrypt', { CiphertextBlob: sealed.CiphertextBlob }, context)).Plaintext;
  };

  // The JSON 1.1 front door (what the SDK and the CLI reach).
  const wireKms = freshKms();
  const wireKey = await createKey(wireKms, {});
  const endpoint = createJson11Endpoint(wireKms);
  const headers = (operation: string) => ({
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `TrentService.${operation}`,
    'x-amz-date': '20260101T000000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/${region}/kms/aws4_request, SignedHeaders=host, Signature=00`,
  });
  const plaintextBase64 = encodeBase64(plaintext);
  const wire: Op = async () => {
    const sealed = await endpoint({ method: 'POST', path: '/', headers: headers('Encrypt'), body: JSON.stringify({ KeyId: wireKey, Plaintext: plaintextBase64 }) });
    const { CiphertextBlob } = JSON.parse(new TextDecoder().decode(sealed.body)) as { CiphertextBlob: string };
    const opened = await endpoint({ method: 'POST', path: '/', headers: headers('Decrypt'), body: JSON.stringify({ CiphertextBlob }) });
    const answer = JSON.parse(new TextDecoder().decode(opened.body)) as { Plaintext: string };
    const bytes = decodeBase64(answer.Plaintext);
    return bytes.ok ? bytes.bytes : undefined;
  };

  // The real SDK client in-process.
  const sdkKms = freshKms();
  const sdkKey = await createKey(sdkKms, {});
  const client = await createInProcessKmsClient(sdkKms, { region, maxAttempts: 1 });
  const sdk: Op = async () => {
    const sealed = await client.send(new EncryptCommand({ KeyId: sdkKey, Plaintext: plaintext }));
    return (await client.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }))).Plaintext;
  };

  // The bench must measure real work: each path gives the plaintext back.
  for (const [name, op] of Object.entries({ engine, wire, sdk })) {
    const opened = (await op()) as Uint8Array | undefined;
    if (!opened || opened.length !== SIZE || opened.some((byte, i) => byte !== plaintext[i])) throw new Error(`${name}: round trip failed`);
  }

  console.log(`Encrypt + Decrypt of ${SIZE} bytes (median of ${ROUNDS} rounds of ${ROUND_MS} ms)`);
  const pair = await race({ raw, engine, wire, sdk });
  console.log(`  raw WebCrypto AES-256-GCM encrypt+decrypt   ${fmt(pair.raw)} pairs/s`);
  console.log(`  KMS engine Encrypt+Decrypt                  ${fmt(pair.engine)} pairs/s   ratio engine/raw ${(pair.engine / pair.raw).toFixed(2)} (aim ≥ 0.80)`);
  console.log(`  JSON 1.1 front door Encrypt+Decrypt         ${fmt(pair.wire)} pairs/s   ratio wire/raw ${(pair.wire / pair.raw).toFixed(2)}`);
  console.log(`  real SDK client in-process Encrypt+Decrypt  ${fmt(pair.sdk)} pairs/s   ratio sdk/raw ${(pair.sdk / pair.raw).toFixed(2)}`);

  const dataKeyKms = freshKms();
  const dataKeyKey = await createKey(dataKeyKms, {});
  const signKms = freshKms();
  const signKey = await createKey(signKms, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
  const message = crypto.getRandomValues(new Uint8Array(32));
  const ops = await race({
    generateDataKey: () => dataKeyKms.call('GenerateDataKey', { KeyId: dataKeyKey, KeySpec: 'AES_256' }, context),
    sign: () => signKms.call('Sign', { KeyId: signKey, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }, context),
  });
  console.log('Single operations through the engine');
  console.log(`  GenerateDataKey (AES_256)                   ${fmt(ops.generateDataKey)} ops/s`);
  console.log(`  Sign (ECC_NIST_P256, ECDSA_SHA_256)         ${fmt(ops.sign)} ops/s`);

  for (const kms of [engineKms, wireKms, sdkKms, dataKeyKms, signKms]) kms.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
