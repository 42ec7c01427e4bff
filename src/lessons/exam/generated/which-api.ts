/**
 * "Which API?": a described need, and four KMS operations. The answer is the one operation whose
 * request and response members (the engine's own operation descriptions, src/kms/operations) do
 * what the need asks: e.g. "a data key to store for later, never seen in plaintext now" is the
 * operation that takes a KeySpec and returns a CiphertextBlob without a Plaintext.
 */
import { operations, type OperationDescription } from '../../../kms/index.ts';
import type { QuestionFamily } from './family.ts';

interface Need {
  id: string;
  story: string;
  /** What the right operation's shapes must show, in words for the explanation. */
  because: string;
  fits(op: OperationDescription): boolean;
}

const takes = (op: OperationDescription, member: string) => member in op.input.members;
const returns = (op: OperationDescription, member: string) => member in op.output.members;

export const NEEDS: readonly Need[] = [
  {
    id: 'data-key-now',
    story: 'encrypt a 50 MB file in the application now, and store an encrypted copy of the key beside it',
    because: 'it returns the data key twice: in plaintext (Plaintext) to use now, and encrypted under the KMS key (CiphertextBlob) to store',
    fits: (op) => returns(op, 'Plaintext') && returns(op, 'CiphertextBlob'),
  },
  {
    id: 'data-key-later',
    story: 'prepare an encrypted data key now for a worker that will encrypt with it next week, without the key ever being in plaintext on this server',
    because: 'it takes a KeySpec and returns only the encrypted data key (CiphertextBlob), no Plaintext',
    fits: (op) => takes(op, 'KeySpec') && returns(op, 'CiphertextBlob') && !returns(op, 'Plaintext'),
  },
  {
    id: 'random',
    story: 'get 32 cryptographically secure random bytes for a nonce, with no KMS key involved',
    because: 'it needs no KeyId and returns random bytes (Plaintext)',
    fits: (op) => returns(op, 'Plaintext') && !takes(op, 'KeyId') && !takes(op, 'CiphertextBlob'),
  },
  {
    id: 're-encrypt',
    story: 'move an existing ciphertext under a different KMS key without the plaintext ever leaving KMS',
    because: 'it takes the ciphertext and a DestinationKeyId and decrypts and encrypts inside KMS',
    fits: (op) => takes(op, 'DestinationKeyId'),
  },
  {
    id: 'public-key',
    story: 'let a partner outside AWS encrypt messages to you with an asymmetric KMS key, offline',
    because: 'it returns the public key of an existing asymmetric KMS key (PublicKey) without generating a new pair',
    fits: (op) => returns(op, 'PublicKey') && !takes(op, 'KeyPairSpec'),
  },
  {
    id: 'small-secret',
    story: 'encrypt a 200-byte database password directly under a KMS key',
    because: 'it takes a Plaintext of up to 4 KB and returns the CiphertextBlob',
    fits: (op) => takes(op, 'Plaintext') && returns(op, 'CiphertextBlob'),
  },
  {
    id: 'sign',
    story: 'sign a release file so anyone with the public key can check it',
    because: 'it returns a Signature made with the private key of an asymmetric KMS key',
    fits: (op) => returns(op, 'Signature'),
  },
  {
    id: 'mac',
    story: 'compute an HMAC tag of a message with a key that never leaves KMS',
    because: 'it returns a Mac computed with an HMAC KMS key',
    fits: (op) => returns(op, 'Mac') && !takes(op, 'Mac'),
  },
];

/** The candidate operations: the ones some need fits, so every option is a real, plausible answer elsewhere. */
export const CANDIDATES = ['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateRandom', 'ReEncrypt', 'GetPublicKey', 'Encrypt', 'Sign', 'GenerateMac', 'Decrypt', 'GenerateDataKeyPair'];

export interface WhichApiParams {
  need: string;
  /** Four operation names in the order shown. */
  choices: string[];
}

/** The options that fit the need, by the engine's operation descriptions. */
export function fittingOperations(needId: string, names: readonly string[]): string[] {
  const need = NEEDS.find((n) => n.id === needId);
  if (!need) throw new Error(`which-api: no need "${needId}"`);
  return names.filter((name) => {
    const op = operations[name];
    if (!op) throw new Error(`which-api: the engine has no operation "${name}"`);
    return need.fits(op);
  });
}

export const whichApi: QuestionFamily<WhichApiParams> = {
  id: 'which-api',
  topic: 'envelope-encryption',
  lessonId: 'envelope-encryption',
  refs: ['data-key', 'without-plaintext', 'generate-random'],
  describe: "it reads what each operation takes and returns from the simulator's own operation descriptions",
  draw(rng) {
    const need = rng.pick(NEEDS);
    const right = CANDIDATES.filter((name) => need.fits(operations[name]!));
    const wrong = CANDIDATES.filter((name) => !right.includes(name));
    const choices = [rng.pick(right)];
    while (choices.length < 4) {
      const candidate = rng.pick(wrong);
      if (!choices.includes(candidate)) choices.push(candidate);
    }
    // Shuffle so the right one is not always first.
    for (let i = choices.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [choices[i], choices[j]] = [choices[j]!, choices[i]!];
    }
    return { need: need.id, choices };
  },

  async question({ need: needId, choices }) {
    const need = NEEDS.find((n) => n.id === needId)!;
    const fitting = fittingOperations(needId, choices);
    if (fitting.length !== 1) throw new Error(`which-api: ${fitting.length} options fit "${needId}"`);
    const right = fitting[0]!;
    return {
      kind: 'single',
      prompt: `You need to ${need.story}. Which KMS API do you call?`,
      options: choices.map((name) => ({
        id: name,
        text: name,
        why: name === right ? `Right: ${need.because}.` : `Not for this need. ${firstSentence(operations[name]!.doc)}`,
      })),
      answer: right,
      explanation: `${right}, because ${need.because}.`,
    };
  },
};

function firstSentence(doc: string): string {
  const text = doc.replace(/\s+/g, ' ').trim();
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
