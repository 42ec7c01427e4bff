/**
 * Practice exam, fixed questions on the AWS CLI and the 4 KB limit (lesson 06): CLI v2's base64 blob
 * parameters, base64 output, signing large files, bytes against characters, --key-id on decrypt, what
 * --query does not hide, the ciphertext size limit, and why splitting a file is the wrong fix.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'cli-and-4kb-limit', lessonId: 'cli-and-4kb-limit' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'cli-v2-raw-text-plaintext',
    kind: 'multi',
    prompt:
      'A script written for AWS CLI version 1 runs `aws kms encrypt --key-id alias/app --plaintext "$SECRET"` with a raw text secret. After an upgrade to CLI version 2 (default settings) it fails with "Invalid base64". Which changes make it work? (Choose two.)',
    refs: ['piece-by-piece', 'encrypt-a-file'],
    options: [
      {
        id: 'file-prefix',
        text: 'Write the secret to secret.txt and pass `--plaintext file://secret.txt`',
        why: 'file:// reads the file as text, which CLI v2 again expects to be base64: same error. fileb:// would work.',
      },
      {
        id: 'raw-in-base64-out',
        text: 'Add `--cli-binary-format raw-in-base64-out`',
        why: 'Correct: it restores the version 1 behaviour of sending inline text as raw bytes.',
      },
      {
        id: 'encode-first',
        text: 'Pass `--plaintext "$(printf %s "$SECRET" | base64)"`',
        why: 'Correct: CLI v2 expects blob parameters given as text to be base64; it decodes them and sends the original bytes.',
      },
      {
        id: 'output-text',
        text: 'Add `--output text`',
        why: '--output changes how the response is printed; the request still fails before it is sent.',
      },
    ],
    answer: ['raw-in-base64-out', 'encode-first'],
    explanation:
      'CLI v2 treats text given for blob parameters as base64 (cli_binary_format base64). Give it base64, give it raw bytes with fileb://, or switch the format back with --cli-binary-format raw-in-base64-out.',
  },
  {
    ...about,
    id: 'cli-decrypt-output-is-base64',
    kind: 'single',
    prompt:
      'A developer runs `aws kms decrypt --ciphertext-blob fileb://db-password.enc --output text --query Plaintext > db-password.txt`. The file holds "c2VjcmV0LXBhc3N3b3Jk" instead of the password. What is wrong?',
    refs: ['decode-and-decrypt', 'output-and-query'],
    options: [
      {
        id: 'wrong-key',
        text: 'The wrong key decrypted the blob, so the result is still ciphertext',
        why: 'Decrypt either returns the right plaintext or fails; a wrong key gives IncorrectKeyException or InvalidCiphertextException.',
      },
      {
        id: 'still-encrypted',
        text: 'KMS returns plaintext encrypted for the caller, and a second Decrypt is needed',
        why: 'KMS returns the plaintext itself, protected in flight by TLS only.',
      },
      {
        id: 'output-json',
        text: 'Use `--output json` to get the raw text',
        why: 'JSON output shows the same base64 string, inside quotes.',
      },
      {
        id: 'base64-output',
        text: 'The CLI prints binary values base64-encoded; pipe the output through `base64 --decode` before writing the file',
        why: 'Right: Plaintext is a blob, and the CLI always shows blobs as base64, also with --output text.',
      },
    ],
    answer: 'base64-output',
    explanation:
      'Every binary value the CLI prints (CiphertextBlob, Plaintext, Signature) is base64. The canonical round trip decodes on both sides: `… --query CiphertextBlob | base64 --decode > file.enc` and `… --query Plaintext | base64 --decode > file.txt`.',
  },
  {
    ...about,
    id: 'cli-sign-large-file',
    kind: 'single',
    prompt: 'A 10 MB release archive must be signed with an asymmetric KMS key. What should the pipeline send to Sign?',
    refs: ['the-4kb-limit'],
    options: [
      {
        id: 'raw-file',
        text: 'The archive itself with --message-type RAW',
        why: 'Sign refuses messages over 4,096 bytes with a ValidationException.',
      },
      {
        id: 'digest',
        text: 'A SHA-256 digest of the archive, computed locally, with --message-type DIGEST',
        why: 'Right: Sign takes messages of at most 4,096 bytes; a digest is 32 bytes and the signature covers the whole archive through it.',
      },
      {
        id: 'chunks',
        text: 'The archive in 4,096-byte pieces, one Sign call each',
        why: 'That is some 2,500 expensive asymmetric requests and a pile of signatures nobody can verify as one.',
      },
      {
        id: 'data-key',
        text: 'A data key from GenerateDataKey, then an HMAC of the archive with that key',
        why: 'A MAC with a secret data key is not a signature anyone can verify with a public key.',
      },
    ],
    answer: 'digest',
    explanation:
      'Sign and Verify share Encrypt\'s 4,096-byte limit on input. For large data, hash locally and sign the digest (MessageType DIGEST); verifiers hash the file the same way.',
  },
  {
    ...about,
    id: 'cli-bytes-not-characters',
    kind: 'single',
    prompt:
      'A configuration file holds 3,000 characters of UTF-8 text, many of them accented or non-Latin letters. Will one `aws kms encrypt --plaintext fileb://config.txt` call accept it?',
    refs: ['the-4kb-limit'],
    options: [
      {
        id: 'compressed',
        text: 'Yes: KMS compresses the plaintext before applying the limit',
        why: 'KMS does not compress anything.',
      },
      {
        id: 'always',
        text: 'Yes: 3,000 is below the limit of 4,096 characters',
        why: 'The limit is 4,096 bytes. 3,000 characters may well exceed it.',
      },
      {
        id: 'base64-limit',
        text: 'Only if its base64 encoding is at most 4,096 characters',
        why: 'The limit applies to the decoded bytes. Base64 is only how the bytes travel inside the JSON request.',
      },
      {
        id: 'depends-on-bytes',
        text: 'Only if the file is at most 4,096 bytes; in UTF-8 those characters can take 2 to 4 bytes each, so check with `wc -c`',
        why: 'Right: the limit counts bytes of plaintext, not characters.',
      },
    ],
    answer: 'depends-on-bytes',
    explanation:
      'Encrypt accepts 1 to 4,096 bytes of plaintext. Text that looks short can exceed it once encoded; anything near the limit, or of unknown size, belongs in envelope encryption.',
  },
  {
    ...about,
    id: 'cli-wrong-key-id-on-decrypt',
    kind: 'single',
    prompt:
      'A script decrypts with `aws kms decrypt --ciphertext-blob fileb://secret.enc --key-id alias/reports`, but secret.enc was encrypted under alias/payroll\'s key. The caller may use both keys. What happens?',
    refs: ['decode-and-decrypt'],
    options: [
      {
        id: 'incorrect-key',
        text: 'IncorrectKeyException: the key in the request is not the key that encrypted the blob',
        why: 'Right: with --key-id, KMS checks the blob\'s key against the one named and refuses a mismatch.',
      },
      {
        id: 'decrypts-anyway',
        text: 'It decrypts, because the blob names its own key and --key-id is ignored',
        why: 'KMS does not ignore it: naming the expected key is a guard against decrypting something you did not expect.',
      },
      {
        id: 'invalid-ciphertext',
        text: 'InvalidCiphertextException',
        why: 'That is for damaged blobs or a wrong encryption context; a wrong key id has its own error.',
      },
      {
        id: 'access-denied',
        text: 'AccessDeniedException',
        why: 'The caller may use both keys; the refusal is about which key, not about permission.',
      },
    ],
    answer: 'incorrect-key',
    explanation:
      'For symmetric ciphertexts --key-id is optional, and AWS recommends passing it anyway: KMS then decrypts only if the blob was made by that key, and says IncorrectKeyException otherwise.',
  },
  {
    ...about,
    id: 'cli-query-is-client-side',
    kind: 'single',
    prompt:
      'To log which key encrypted a blob, a script runs `aws kms decrypt --ciphertext-blob fileb://secret.enc --query KeyId --output text`. Which statement is true?',
    refs: ['output-and-query'],
    options: [
      {
        id: 'no-decrypt',
        text: 'KMS only looks up the key id, so kms:DescribeKey is enough',
        why: 'The request is a Decrypt whatever is printed; KMS authorizes and logs it as one.',
      },
      {
        id: 'query-server-side',
        text: '--query tells KMS to leave the Plaintext field out of the response',
        why: 'KMS receives no query; the full response crosses the network (inside TLS) and the CLI filters it.',
      },
      {
        id: 'plaintext-still-returned',
        text: 'KMS still decrypts and returns the plaintext; --query only filters what the CLI prints, so the caller needs kms:Decrypt',
        why: 'Right: --query is a JMESPath filter applied on the client to the response that already arrived.',
      },
      {
        id: 'not-logged',
        text: 'The call is not logged in CloudTrail because no plaintext is shown',
        why: 'CloudTrail logs the Decrypt request; it knows nothing about the CLI\'s filter.',
      },
    ],
    answer: 'plaintext-still-returned',
    explanation:
      'The CLI\'s --query and --output shape what you see, never what is requested. The plaintext still reaches the machine running the script, which matters for what may run where.',
  },
  {
    ...about,
    id: 'cli-ciphertext-size-limit',
    kind: 'single',
    prompt: 'What is the largest CiphertextBlob that KMS Decrypt accepts?',
    refs: ['the-4kb-limit'],
    options: [
      { id: '6144', text: '6,144 bytes', why: 'Right: a ciphertext is larger than its plaintext, so the blob limit is above Encrypt\'s 4,096.' },
      { id: '1024', text: '1,024 bytes', why: 'That is the largest data key GenerateDataKey returns (NumberOfBytes).' },
      { id: '4096', text: '4,096 bytes', why: 'That is the plaintext limit of Encrypt; its ciphertext can be larger.' },
      { id: '65536', text: '65,536 bytes', why: 'Far above the limit: KMS is not a bulk encryption service.' },
    ],
    answer: '6144',
    explanation: 'Limits worth knowing: Encrypt plaintext 4,096 bytes, Decrypt ciphertext blob 6,144 bytes, Sign/Verify message 4,096 bytes, GenerateDataKey and GenerateRandom 1,024 bytes.',
  },
  {
    ...about,
    id: 'cli-splitting-drawbacks',
    kind: 'multi',
    prompt:
      'To get round the 4 KB limit, a developer splits a 40 KB file into ten pieces and calls Encrypt on each. Compared with envelope encryption, what is wrong with this? (Choose two.)',
    refs: ['why-envelope-encryption', 'the-4kb-limit'],
    options: [
      {
        id: 'cannot-decrypt',
        text: 'The pieces cannot be decrypted separately',
        why: 'Each piece is an ordinary ciphertext blob that decrypts on its own; that is not the problem.',
      },
      {
        id: 'requests',
        text: 'It makes one KMS request per 4 KB piece, for every write and every read, which adds cost, latency and request-quota use',
        why: 'Correct: envelope encryption makes one GenerateDataKey to write and one Decrypt to read, whatever the size.',
      },
      {
        id: 'data-to-kms',
        text: 'Every byte of the file travels to KMS and back',
        why: 'Correct: with envelope encryption the data stays local and only a small key goes to KMS.',
      },
      {
        id: 'rate-limit-ten',
        text: 'KMS refuses more than ten Encrypt calls per second per account',
        why: 'The symmetric quota is thousands of requests per second; ten calls are nowhere near it.',
      },
    ],
    answer: ['requests', 'data-to-kms'],
    explanation:
      'The 4 KB limit signals what Encrypt is for: small secrets such as passwords and keys. For data, encrypt locally with a data key and let KMS protect only that key.',
  },
]);
