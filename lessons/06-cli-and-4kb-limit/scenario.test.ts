/**
 * The CLI scenario, run step by step through its own frontmatter (each step's stored `solution`
 * of terminal lines): every named check is false before the step that teaches it and true after;
 * the checks follow what the lines did, not what was typed; outputs and exceptions are AWS's.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, { ENCRYPT_LIMIT_BYTES, kindOf, SALES_FILE, salesCsv, SECRET_FILE, SECRET_TEXT, type CliState } from './scenario';

const lesson: Lesson = await loadLesson('cli-and-4kb-limit');
const start = () => createStepRunner<CliState>(lesson);
const line = (text: string) => ({ action: 'terminal', input: { line: text } });
const labels = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message').map((m) => m.label);
const ENCRYPT = `aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SECRET_FILE}`;

describe('cli-and-4kb-limit scenario', () => {
  it('has 7 steps; every step but the last offers the terminal; hands-on steps await a check, with a hint and chips', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['encrypt-a-file', 'piece-by-piece', 'decode-and-decrypt', 'encryption-context', 'the-4kb-limit', 'output-and-query', 'why-envelope-encryption']);
    expect(lesson.steps.filter((s) => s.handsOn).map((s) => s.await)).toEqual(['base64CiphertextSaved', 'decryptedCopyMatches', 'contextRefusedThenAccepted', 'limitHitThenEncrypted', 'aliasQueried']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of lesson.steps.slice(0, -1)) {
      expect(step.actions, step.id).toEqual(['terminal']);
      expect(step.chips?.length, step.id).toBeGreaterThan(1);
      if (step.handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
    }
    expect(lesson.steps.at(-1)?.actions).toBeUndefined();
  });

  it('seeds the secret and a sales export of exactly 5,120 bytes, one kilobyte over the limit', async () => {
    expect(new TextEncoder().encode(salesCsv()).length).toBe(5120);
    expect(salesCsv().split('\n').slice(0, -1).every((row) => row.length === 31)).toBe(true);
    const runner = await start();
    expect(runner.state.files).toEqual([
      { name: SECRET_FILE, bytes: new TextEncoder().encode(SECRET_TEXT).length, kind: 'text' },
      { name: SALES_FILE, bytes: 5120, kind: 'text' },
    ]);
    expect(5120).toBeGreaterThan(ENCRYPT_LIMIT_BYTES);
  });

  const checkSteps: [string, string][] = [
    ['base64CiphertextSaved', 'encrypt-a-file'],
    ['decryptedCopyMatches', 'decode-and-decrypt'],
    ['contextRefusedThenAccepted', 'encryption-context'],
    ['limitHitThenEncrypted', 'the-4kb-limit'],
    ['aliasQueried', 'output-and-query'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  it('shows every message a step focuses on once its solution has run', async () => {
    const runner = await start();
    for (const step of lesson.steps) {
      await runner.playThrough(step.id);
      if (step.id === 'piece-by-piece') await runner.act(line(step.chips![0]));
      const seen = new Set(labels(runner.events));
      for (const label of step.focus?.messages ?? []) expect(seen, `${step.id} focuses on "${label}"`).toContain(label);
    }
  });

  it('the tutorial line saves base64 text of a blob; the round trip gives the file back byte for byte', async () => {
    const runner = await start();
    await runner.playThrough('decode-and-decrypt');
    const byName = Object.fromEntries(runner.state.files.map((f) => [f.name, f]));
    expect(byName['ExampleSecretFileEncrypted.base64'].kind).toBe('base64-ciphertext');
    expect(byName.ExampleSecretFileEncrypted.kind).toBe('ciphertext-blob');
    expect(byName['ExampleSecretFileDecrypted.txt']).toEqual({ name: 'ExampleSecretFileDecrypted.txt', bytes: byName[SECRET_FILE].bytes, kind: 'text' });
    expect(runner.state.calls.map((c) => [c.operation, c.error ?? 'ok'])).toEqual([['Encrypt', 'ok'], ['Decrypt', 'ok']]);
    // The diagram says where plaintext and ciphertext travel: plaintext to Encrypt and from Decrypt, ciphertext the other way.
    const kinds = runner.events.filter((e): e is MessageEvent => e.type === 'message').map((m) => `${m.label}: ${m.carries.map((p) => p.kind).join(' ')}`);
    expect(kinds).toEqual(['kms:Encrypt: metadata plaintext', 'Encrypt result: ciphertext', 'kms:Decrypt: ciphertext', 'Decrypt result: plaintext']);
    const holdings = scenario.holdings!(runner.state);
    expect(holdings.you.find((p) => p.label === 'ExampleSecretFileEncrypted')?.kind).toBe('ciphertext');
    expect(holdings.kms.map((p) => p.kind)).toEqual(['key']);
  });

  it('judges what a line did, not what was typed: a copy of the original is no decryption; other names work', async () => {
    const runner = await start();
    await runner.act(line(`cp ${SECRET_FILE} copy.txt`));
    await runner.act(line(`${ENCRYPT} --output text --query CiphertextBlob | base64 --decode > blob.bin`));
    expect(runner.check('base64CiphertextSaved')).toBe(false);
    expect(runner.check('decryptedCopyMatches')).toBe(false);
    await runner.act(line(`${ENCRYPT} --query CiphertextBlob --output text > mine.txt`));
    expect(runner.check('base64CiphertextSaved')).toBe(true);
    await runner.act(line('aws kms decrypt --ciphertext-blob fileb://blob.bin --query Plaintext --output text | base64 -d > back.txt'));
    expect(runner.check('decryptedCopyMatches')).toBe(true);
  });

  it('piece by piece: JSON by default, file:// refused by the CLI (255, no request), a query typo prints None with status 0', async () => {
    const runner = await start();
    await runner.playThrough('encrypt-a-file');
    const run = async (text: string) => {
      await runner.act(line(text));
      return runner.events.filter((e) => e.type === 'note' && e.actor === 'you').at(-1);
    };
    const json = await run(ENCRYPT);
    expect(json?.type === 'note' && json.text).toContain('(exit status 0)');
    expect(json?.type === 'note' && json.carries?.[0].preview).toMatch(/^\{\n {4}"CiphertextBlob": "AQ/);
    const calls = runner.state.calls.length;
    const file = await run(ENCRYPT.replace('fileb://', 'file://'));
    expect(file?.type === 'note' && file.text).toContain('(exit status 255)');
    expect(file?.type === 'note' && file.carries?.[0].preview).toContain('Invalid base64');
    expect(runner.state.calls.length).toBe(calls);
    const typo = await run(`${ENCRYPT} --output text --query CiphertextBlb`);
    expect(typo?.type === 'note' && typo.text).toContain('(exit status 0)');
    expect(typo?.type === 'note' && typo.carries?.[0].preview).toBe('None\n');
  });

  it('the 4 KB limit: AWS\'s ValidationException for 5,120 bytes (status 254), 4,096 pass, 4,097 fail', async () => {
    const runner = await start();
    await runner.playThrough('the-4kb-limit');
    expect(runner.state.calls.filter((c) => c.operation === 'Encrypt').map((c) => c.error ?? 'ok')).toEqual(['ok', 'ok', 'ValidationException', 'ok']);
    const notes = runner.events.filter((e) => e.type === 'note' && e.actor === 'you');
    const refused = notes.find((e) => e.type === 'note' && e.text.includes(SALES_FILE));
    expect(refused?.type === 'note' && refused.text).toContain('(exit status 254)');
    expect(refused?.type === 'note' && refused.carries?.[0].preview).toContain(
      "An error occurred (ValidationException) when calling the Encrypt operation: 1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
    await runner.act(line(`head -c 4097 ${SALES_FILE} > over.csv`));
    await runner.act(line(`aws kms encrypt --key-id alias/tutorial --plaintext fileb://over.csv`));
    expect(runner.state.calls.at(-1)).toMatchObject({ operation: 'Encrypt', error: 'ValidationException' });
    expect(labels(runner.events)).toContain('ValidationException');
  });

  it('the encryption context: refused without it or with a wrong value, accepted in either syntax', async () => {
    const runner = await start();
    await runner.playThrough('decode-and-decrypt');
    await runner.act(line(`${ENCRYPT} --encryption-context app=payroll --output text --query CiphertextBlob | base64 --decode > p.enc`));
    await runner.act(line('aws kms decrypt --ciphertext-blob fileb://p.enc --encryption-context app=hr'));
    await runner.act(line('aws kms decrypt --ciphertext-blob fileb://p.enc --encryption-context app=payroll --query KeyId --output text'));
    await runner.act(line(`aws kms decrypt --ciphertext-blob fileb://p.enc --encryption-context '{"app":"payroll"}' --query KeyId --output text`));
    expect(runner.state.calls.slice(-3).map((c) => [c.error ?? 'ok', c.withContext])).toEqual([['InvalidCiphertextException', true], ['ok', true], ['ok', true]]);
    expect(runner.check('contextRefusedThenAccepted')).toBe(true);
  });

  it('a list-aliases query must print exactly the key id: the whole table does not count', async () => {
    const runner = await start();
    await runner.act(line('aws kms list-aliases --query Aliases --output text'));
    expect(runner.check('aliasQueried')).toBe(false);
    await runner.act(line('aws kms list-aliases --query "Aliases[0].TargetKeyId" --output text'));
    expect(runner.check('aliasQueried')).toBe(true);
  });

  it('reads file kinds from bytes', () => {
    expect(kindOf(new TextEncoder().encode('hello\n'))).toBe('text');
    expect(kindOf(new Uint8Array([0, 1, 2, 255]))).toBe('other-bytes');
  });

  it('replays identically from the seed: same notes, messages and model times', async () => {
    const trace = async () => {
      const runner = await start();
      await runner.playThrough('output-and-query');
      return runner.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  });

  it('refuses an empty line at the action and an unknown event at dispatch', async () => {
    expect(() => scenario.actions.terminal.toEvent({ line: '  ' })).toThrow('Type a command line to run.');
    const runner = await start();
    await expect(runner.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });
});
