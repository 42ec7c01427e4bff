/** What the sandbox tests share: the seed's terminal lines, principals, and a quiet session. */
import { expect } from 'vitest';
import { createSandboxSession, memoryStorage, type SandboxSession, type SandboxStorage } from '../../../src/lessons/sandbox/index.ts';

export const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc';
export const DECRYPT = 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode';
export const ALICE = 'arn:aws:iam::111122223333:user/alice';
export const BOB = 'arn:aws:iam::111122223333:user/bob';
export const HOME = '/home/learner';

/** A session that saves only when told (the automatic save is tested on its own). */
export const session = (storage: SandboxStorage = memoryStorage()) => createSandboxSession({ storage, autosaveDelayMs: 60_000 });

/** Creates a key from the terminal and returns its id. */
export async function createKey(s: SandboxSession, description = 'made in the test'): Promise<string> {
  const { stdout, exitCode } = await s.shell.run(`aws kms create-key --description "${description}" --query KeyMetadata.KeyId --output text`);
  expect(exitCode).toBe(0);
  return stdout.trim();
}
