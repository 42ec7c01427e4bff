/**
 * Ready command lines for the terminal on small screens, made from the keys the sandbox has so a
 * phone user can run the common commands without typing key ids.
 */
import type { KeySummary } from '../../kms/index.ts';

export function terminalChips(keys: readonly KeySummary[]): string[] {
  const usable = keys.find((key) => key.metadata.KeyState === 'Enabled' && key.metadata.KeySpec === 'SYMMETRIC_DEFAULT' && key.metadata.KeyManager === 'CUSTOMER');
  const ref = usable ? (usable.aliases[0] ?? String(usable.metadata.KeyId)) : 'alias/tutorial';
  return [
    'aws kms list-keys',
    'aws kms list-aliases',
    `aws kms describe-key --key-id ${ref}`,
    'echo "hello, KMS" > secret.txt',
    `aws kms encrypt --key-id ${ref} --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc`,
    'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode',
    'aws kms create-key --description "made in the terminal"',
    'ls -l',
  ];
}
