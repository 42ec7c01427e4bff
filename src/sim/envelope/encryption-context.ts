/**
 * The encryption context: string pairs that KMS binds to a ciphertext (Decrypt must be given exactly
 * the same pairs, in any order, or it answers InvalidCiphertextException). It is not secret:
 * CloudTrail logs it in the clear, and an envelope stores it in its readable header.
 */
export type EncryptionContext = Record<string, string>;

/** One order-independent encoding of a context, used as AES-GCM additional data by the local cipher. */
export function canonicalContext(context: EncryptionContext): string {
  return JSON.stringify(Object.keys(context).sort().map((key) => [key, context[key]]));
}

/** "purpose = payroll, file = salaries.csv": how a note or a form shows a context. */
export function describeContext(context: EncryptionContext): string {
  const pairs = Object.entries(context);
  return pairs.length === 0 ? '(none)' : pairs.map(([key, value]) => `${key} = ${value}`).join(', ');
}

export function sameContext(a: EncryptionContext, b: EncryptionContext): boolean {
  return canonicalContext(a) === canonicalContext(b);
}
