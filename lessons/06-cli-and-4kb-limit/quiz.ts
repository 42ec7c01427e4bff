/**
 * Exam-style questions on the KMS commands of the AWS CLI. Where a question asks what a command line
 * does (what it prints, its exit status, which exception), the answer is computed by running the
 * line in the lesson's terminal, on the lesson's KMS, so the quiz cannot disagree with the CLI.
 */
import { TERMINAL_EVENT } from '../../src/lessons/terminal-action';
import { defineQuiz, type QuizEngine, type TerminalLine } from '../../src/lessons/types';
import { kindOf, SALES_FILE, SECRET_FILE, type CliState } from './scenario';

const ENCRYPT = `aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SECRET_FILE}`;
const SAVE_BASE64 = `${ENCRYPT} --output text --query CiphertextBlob > secret.base64`;
const SAVE_BLOB = `${ENCRYPT} --output text --query CiphertextBlob | base64 --decode > secret.enc`;

/** Runs the lines in a fresh terminal world with the lesson's seed; returns each line's result and the final state. */
async function run(engine: QuizEngine, ...lines: string[]): Promise<{ results: TerminalLine[]; state: CliState }> {
  const { instance } = await engine.createScenario();
  for (const line of lines) await instance.dispatch({ type: TERMINAL_EVENT, line });
  return { results: [...(instance.terminal?.lines ?? [])], state: instance.state as CliState };
}

/** The last line's result. */
async function last(engine: QuizEngine, ...lines: string[]): Promise<TerminalLine> {
  const { results } = await run(engine, ...lines);
  return results.at(-1)!;
}

/** "ValidationException" from the CLI's `An error occurred (ValidationException) when calling …`. */
const exceptionOf = (result: TerminalLine) => /An error occurred \((\w+)\)/.exec(result.stderr)?.[1];

export default defineQuiz([
  {
    id: 'what-is-printed',
    kind: 'single',
    prompt: `What does \`${ENCRYPT} --output text --query CiphertextBlob\` print?`,
    refs: ['encrypt-a-file', 'piece-by-piece'],
    options: [
      { id: 'base64', text: 'The ciphertext blob, base64-encoded, as one line of text', why: 'Right: --query keeps only CiphertextBlob, --output text prints its value without JSON quotes, and the CLI shows binary values as base64.' },
      { id: 'binary', text: 'The raw bytes of the ciphertext blob', why: 'The CLI never prints raw binary: a blob is shown base64-encoded. That is why the tutorial pipes it to base64 --decode.' },
      { id: 'json', text: 'A JSON object with CiphertextBlob, KeyId and EncryptionAlgorithm', why: 'That is the default output, without --query and --output text.' },
      { id: 'plaintext', text: 'The file\'s plaintext, to confirm what was encrypted', why: 'Encrypt never returns the plaintext; the plaintext was sent, the ciphertext comes back.' },
    ],
    answer: {
      describe: 'runs the line in the lesson\'s terminal and reads what it printed',
      async compute(engine) {
        const { stdout } = await last(engine, `${ENCRYPT} --output text --query CiphertextBlob`);
        const printed = new TextEncoder().encode(stdout);
        if (stdout.trim().startsWith('{')) return 'json';
        if (kindOf(printed) === 'base64-ciphertext') return 'base64';
        return kindOf(printed) === 'ciphertext-blob' ? 'binary' : 'plaintext';
      },
    },
    explanation: 'Blob members (CiphertextBlob, Plaintext) are binary; the CLI prints them base64-encoded. --query selects the member and --output text drops the JSON around it, which is exactly what a shell redirection should save.',
  },
  {
    id: 'file-instead-of-fileb',
    kind: 'single',
    prompt: `A developer writes \`--plaintext file://${SECRET_FILE}\` instead of \`fileb://\` with AWS CLI version 2. What happens?`,
    refs: ['piece-by-piece'],
    options: [
      { id: 'cli-refuses', text: 'The CLI refuses with "Invalid base64" and exit status 255, before sending any request', why: 'Right: file:// passes the file as text, and CLI v2 expects a blob parameter given as text to be base64. Nothing reaches KMS.' },
      { id: 'same', text: 'Nothing different: file:// and fileb:// both read the file', why: 'They differ for blob parameters: file:// reads text, fileb:// reads raw bytes.' },
      { id: 'kms-validation', text: 'KMS answers ValidationException', why: 'No request is sent: the CLI stops first, so KMS and CloudTrail see nothing.' },
      { id: 'encrypts-text', text: 'KMS encrypts the text, and decrypting later returns different bytes', why: 'The call never happens in CLI v2 with the default binary format.' },
    ],
    answer: {
      describe: 'runs the line with file:// and reads its exit status, its error and whether KMS saw a call',
      async compute(engine) {
        const { results, state } = await run(engine, `${ENCRYPT.replace('fileb://', 'file://')} --output text --query CiphertextBlob`);
        const result = results[0];
        if (result.exitCode === 0) return 'same';
        if (state.calls.length === 0 && result.exitCode === 255 && result.stderr.includes('Invalid base64')) return 'cli-refuses';
        return exceptionOf(result) === 'ValidationException' ? 'kms-validation' : 'encrypts-text';
      },
    },
    explanation: 'Use fileb:// for binary parameters (plaintext and ciphertext blobs) and file:// for text parameters such as a policy document. CLI v2 treats a blob given as text as base64 (cli_binary_format base64).',
  },
  {
    id: 'decrypt-the-base64',
    kind: 'single',
    prompt: 'The ciphertext was saved with `--output text --query CiphertextBlob > secret.base64`. What does `aws kms decrypt --ciphertext-blob fileb://secret.base64` do?',
    refs: ['decode-and-decrypt'],
    options: [
      { id: 'invalid-ciphertext', text: 'KMS answers InvalidCiphertextException: it received the base64 letters, not the blob', why: 'Right: fileb:// sends the file\'s bytes as they are, and those are base64 text. Decode first with base64 --decode.' },
      { id: 'works', text: 'It works: the CLI decodes base64 automatically', why: 'fileb:// means raw bytes; the CLI does not guess that a file holds base64.' },
      { id: 'key-id-needed', text: 'KMS asks for --key-id', why: 'A symmetric Decrypt needs no key id; the failure is the bytes themselves.' },
      { id: 'validation', text: 'ValidationException: the file is too large', why: 'A base64 text of a small blob is far under the 6,144-byte ciphertext limit.' },
    ],
    answer: {
      describe: 'saves the base64 text, passes it to Decrypt with fileb:// and reads the exception',
      async compute(engine) {
        const result = await last(engine, SAVE_BASE64, 'aws kms decrypt --ciphertext-blob fileb://secret.base64');
        if (result.exitCode === 0) return 'works';
        const exception = exceptionOf(result);
        return exception === 'InvalidCiphertextException' ? 'invalid-ciphertext' : exception === 'ValidationException' ? 'validation' : 'key-id-needed';
      },
    },
    explanation: 'Two encodings meet here: the CLI prints blobs as base64, and fileb:// reads raw bytes. base64 --decode turns the saved text back into the blob before it is sent again.',
  },
  {
    id: 'decrypt-without-key-id',
    kind: 'single',
    prompt: 'Can `aws kms decrypt` decrypt a ciphertext made by a symmetric KMS key without `--key-id`?',
    refs: ['decode-and-decrypt'],
    options: [
      { id: 'yes', text: 'Yes: the ciphertext blob identifies the KMS key that encrypted it', why: 'Right. AWS still recommends --key-id as a guard: KMS then refuses a blob made by another key.' },
      { id: 'no', text: 'No: KMS cannot know which key to use', why: 'The blob carries a reference to its key; that is why symmetric Decrypt has an optional KeyId.' },
      { id: 'alias-only', text: 'Only if the key has an alias', why: 'Aliases play no part: the blob names the key itself.' },
      { id: 'asymmetric', text: 'Only for asymmetric keys', why: 'It is the other way round: for asymmetric keys KeyId is required.' },
    ],
    answer: {
      describe: 'encrypts, then decrypts without --key-id and reads the exit status',
      async compute(engine) {
        const result = await last(engine, SAVE_BLOB, 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query KeyId');
        return result.exitCode === 0 ? 'yes' : 'no';
      },
    },
    explanation: 'Symmetric ciphertext blobs carry metadata naming the KMS key, so Decrypt finds the key. For asymmetric keys the KeyId (and algorithm) must be given.',
  },
  {
    id: 'five-kb-exception',
    kind: 'single',
    prompt: `\`aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SALES_FILE}\` on a 5,120-byte file fails. With which error?`,
    refs: ['the-4kb-limit'],
    options: [
      { id: 'validation', text: 'ValidationException: … Member must have length less than or equal to 4096', why: 'Right: the Plaintext parameter of Encrypt accepts 1 to 4,096 bytes.' },
      { id: 'limit-exceeded', text: 'LimitExceededException', why: 'That exception is for resource quotas (too many keys, grants, aliases), not request sizes.' },
      { id: 'throttling', text: 'ThrottlingException', why: 'Throttling is about the request rate, not the size of one request.' },
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException', why: 'That is Decrypt\'s answer to a damaged blob or a wrong encryption context.' },
    ],
    answer: {
      describe: 'runs the line on the 5,120-byte sales file and reads the exception',
      async compute(engine) {
        const result = await last(engine, `aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SALES_FILE}`);
        const exception = exceptionOf(result);
        return exception === 'ValidationException' && result.stderr.includes('less than or equal to 4096') ? 'validation' : exception === 'LimitExceededException' ? 'limit-exceeded' : exception === 'ThrottlingException' ? 'throttling' : 'invalid-ciphertext';
      },
    },
    explanation: 'Encrypt is for small data: at most 4,096 bytes of plaintext. Larger data is encrypted locally with a data key from GenerateDataKey (envelope encryption).',
  },
  {
    id: 'largest-plaintext',
    kind: 'single',
    prompt: 'What is the largest plaintext, in bytes, that a single KMS Encrypt call accepts?',
    refs: ['the-4kb-limit'],
    options: [
      { id: '1024', text: '1,024 bytes', why: 'That is the largest data key GenerateDataKey returns (NumberOfBytes), not Encrypt\'s limit.' },
      { id: '4096', text: '4,096 bytes', why: 'Right: 4 KB. One byte more and KMS answers ValidationException.' },
      { id: '6144', text: '6,144 bytes', why: 'That is the largest ciphertext blob Decrypt accepts: a blob is larger than its plaintext.' },
      { id: '65536', text: '65,536 bytes', why: 'Far beyond the limit: KMS is not meant for bulk data.' },
    ],
    answer: {
      describe: 'cuts the sales file to each candidate size (up to its 5,120 bytes) and to one byte more, and encrypts each',
      async compute(engine) {
        const encrypts = async (bytes: number) => (await last(engine, `head -c ${bytes} ${SALES_FILE} > cut.csv`, 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://cut.csv --query KeyId')).exitCode === 0;
        // The file has 5,120 bytes: sizes above it are judged by 5,120 itself failing.
        for (const size of [4096, 1024]) {
          if ((await encrypts(size)) && !(await encrypts(size + 1))) return String(size);
        }
        return (await encrypts(5120)) ? '65536' : '6144';
      },
    },
    explanation: 'Plaintext 1..4096 bytes for Encrypt (and for Sign and Verify messages); 6,144 bytes for ciphertext blobs; 1,024 bytes for data keys.',
  },
  {
    id: 'query-typo',
    kind: 'single',
    prompt: `A script runs \`${ENCRYPT} --output text --query CiphertextBlb > secret.base64\` (note the typo) and checks \`$?\`. What happens?`,
    refs: ['piece-by-piece'],
    options: [
      { id: 'none-success', text: 'The file holds the word None, and the exit status is 0', why: 'Right: a JMESPath expression that selects nothing gives null, printed as None in text output, and the call itself succeeded.' },
      { id: 'error-255', text: 'The CLI reports an unknown field and exits with 255', why: 'The CLI does not check that a queried field exists.' },
      { id: 'empty-254', text: 'The file is empty and the exit status is 254', why: '254 is for errors from the service; KMS encrypted successfully.' },
      { id: 'json', text: 'The CLI ignores the bad query and prints the whole JSON', why: 'The query is applied; it just selects nothing.' },
    ],
    answer: {
      describe: 'runs the line with the typo, then reads the file and the exit status',
      async compute(engine) {
        const { results } = await run(engine, `${ENCRYPT} --output text --query CiphertextBlb > secret.base64`, 'cat secret.base64');
        const [typo, cat] = results;
        if (typo.exitCode === 0 && cat.stdout.trim() === 'None') return 'none-success';
        if (typo.exitCode === 255) return 'error-255';
        return cat.stdout.trim().startsWith('{') ? 'json' : 'empty-254';
      },
    },
    explanation: 'Exit statuses report whether the request succeeded, not whether your --query made sense. Check the value itself in scripts.',
  },
  {
    id: 'wrong-context',
    kind: 'single',
    prompt: 'A file was encrypted with `--encryption-context app=payroll`. What does decrypting it with `--encryption-context app=hr` give?',
    refs: ['encryption-context'],
    options: [
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException, with exit status 254', why: 'Right: the context is authenticated with the ciphertext; a different one fails exactly like a damaged blob.' },
      { id: 'access-denied', text: 'AccessDeniedException', why: 'Only when a key policy condition on the context refuses the caller; without one, the cryptographic check fails.' },
      { id: 'plaintext-warning', text: 'The plaintext, with a warning that the context differs', why: 'KMS never returns plaintext for a mismatched context.' },
      { id: 'garbage', text: 'Different, meaningless bytes', why: 'Authenticated encryption fails instead of returning garbage.' },
    ],
    answer: {
      describe: 'encrypts with one context, decrypts with another, and reads the exception and exit status',
      async compute(engine) {
        const result = await last(engine, `${ENCRYPT} --encryption-context app=payroll --output text --query CiphertextBlob | base64 --decode > p.enc`, 'aws kms decrypt --ciphertext-blob fileb://p.enc --encryption-context app=hr');
        if (result.exitCode === 0) return 'plaintext-warning';
        const exception = exceptionOf(result);
        return exception === 'InvalidCiphertextException' && result.exitCode === 254 ? 'invalid-ciphertext' : exception === 'AccessDeniedException' ? 'access-denied' : 'garbage';
      },
    },
    explanation: 'The encryption context is additional authenticated data: it must match exactly on Decrypt. It is not secret (CloudTrail logs it), and key policies can require it with kms:EncryptionContext conditions.',
  },
  {
    id: 'context-syntaxes',
    kind: 'multi',
    prompt: 'A file was encrypted with `--encryption-context \'{"app":"payroll","env":"prod"}\'`. Which of these `--encryption-context` values decrypt it? (Choose all that work.)',
    refs: ['encryption-context'],
    options: [
      { id: 'shorthand', text: '`app=payroll,env=prod`', why: 'The CLI\'s shorthand syntax gives the same map as the JSON.' },
      { id: 'reordered', text: '`\'{"env":"prod","app":"payroll"}\'`', why: 'A map has no order: the same pairs in another order are the same context.' },
      { id: 'subset', text: '`app=payroll`', why: 'Every pair must be given: a subset is a different context.' },
      { id: 'none', text: 'No --encryption-context at all', why: 'The context is required to decrypt; without it, InvalidCiphertextException.' },
    ],
    answer: {
      describe: 'encrypts with the JSON context and tries each value on Decrypt',
      async compute(engine) {
        const values: Record<string, string> = { shorthand: ' --encryption-context app=payroll,env=prod', reordered: ` --encryption-context '{"env":"prod","app":"payroll"}'`, subset: ' --encryption-context app=payroll', none: '' };
        const encrypt = `${ENCRYPT} --encryption-context '{"app":"payroll","env":"prod"}' --output text --query CiphertextBlob | base64 --decode > p.enc`;
        const works: string[] = [];
        for (const [id, option] of Object.entries(values)) {
          if ((await last(engine, encrypt, `aws kms decrypt --ciphertext-blob fileb://p.enc${option} --query KeyId`)).exitCode === 0) works.push(id);
        }
        return works;
      },
    },
    explanation: 'Shorthand key=value,key=value and JSON describe the same map; order does not matter; every pair must match exactly.',
  },
  {
    id: 'failed-call-status',
    kind: 'single',
    prompt: 'In a shell script, `aws kms encrypt` of a too-large file fails with ValidationException. What is `$?` right after it?',
    refs: ['the-4kb-limit'],
    options: [
      { id: '254', text: '254', why: 'Right: the CLI exits with 254 when the service returned an error.' },
      { id: '255', text: '255', why: '255 is for errors the CLI finds itself (bad parameters, invalid base64), before or without a service answer.' },
      { id: '1', text: '1', why: 'The AWS CLI uses its own statuses: 254 for service errors.' },
      { id: '0', text: '0', why: 'A refused request is not a success.' },
    ],
    answer: {
      describe: 'runs the failing encrypt, then echo $?',
      async compute(engine) {
        const result = await last(engine, `aws kms encrypt --key-id alias/tutorial --plaintext fileb://${SALES_FILE} 2> error.txt; echo $?`);
        return result.stdout.trim();
      },
    },
    explanation: 'AWS CLI v2 return codes: 0 success, 254 the service returned an error, 255 a CLI-side error, 252 bad syntax, 253 configuration errors.',
  },
  {
    id: 'round-trip-order',
    kind: 'order',
    prompt: 'Put the tutorial\'s round trip in order, from the plaintext file to a decrypted copy.',
    refs: ['encrypt-a-file', 'decode-and-decrypt'],
    items: [
      { id: 'decrypt', text: '`aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext`', why: 'Sends the blob\'s bytes; KMS returns the plaintext, printed as base64.' },
      { id: 'encrypt', text: '`aws kms encrypt … --plaintext fileb://secret.txt --output text --query CiphertextBlob > secret.base64`', why: 'First: KMS encrypts the file\'s bytes; the blob is saved as base64 text.' },
      { id: 'decode-plaintext', text: '`| base64 --decode > secret.decrypted.txt`', why: 'Last: turns the base64 Plaintext back into the original bytes.' },
      { id: 'decode-blob', text: '`base64 --decode secret.base64 > secret.enc`', why: 'Second: fileb:// needs the blob\'s raw bytes, not its base64 text.' },
    ],
    answer: ['encrypt', 'decode-blob', 'decrypt', 'decode-plaintext'],
    explanation: 'Bytes go in with fileb://, come out base64-encoded; decode after every trip out of the CLI before the bytes go back in or are used.',
  },
  {
    id: 'large-file',
    kind: 'single',
    prompt: 'A 50 MB backup must be encrypted under a KMS key. What is the recommended way?',
    refs: ['why-envelope-encryption', 'the-4kb-limit'],
    options: [
      { id: 'envelope', text: 'GenerateDataKey, encrypt the backup locally with the plaintext data key, store the encrypted data key with it, discard the plaintext key', why: 'Right: envelope encryption. One KMS call, and the data never travels to KMS.' },
      { id: 'chunks', text: 'Split the backup into 4 KB chunks and call Encrypt for each', why: 'It would work, with about 12,800 calls: slow, costly and quota-hungry. KMS is not a bulk encryption service.' },
      { id: 'quota', text: 'Ask AWS Support to raise the Encrypt size limit', why: 'The 4,096-byte limit is part of the API, not an adjustable quota.' },
      { id: 'export', text: 'Export the KMS key and encrypt locally with it', why: 'A symmetric KMS key never leaves KMS; data keys exist for this.' },
    ],
    answer: 'envelope',
    explanation: 'Direct Encrypt is for small secrets of at most 4 KB. For data, envelope encryption: a data key per object from GenerateDataKey, local AES-GCM, and only the small encrypted data key goes back to KMS to decrypt.',
  },
  {
    id: 'script-output',
    kind: 'single',
    prompt: 'A shell script needs the key id behind alias/tutorial in a variable. Which output is meant for that?',
    refs: ['output-and-query'],
    options: [
      { id: 'text', text: '`--output text` with a `--query` that selects the id', why: 'Right: text output prints bare values, ready for KEY_ID=$(…).' },
      { id: 'table', text: '`--output table`', why: 'Tables are for people; their borders and layout are not meant to be parsed.' },
      { id: 'json', text: 'The default JSON, cut with grep', why: 'JSON is for programs that parse JSON (jq), not for grep.' },
      { id: 'server-filter', text: '`--query` filters on the KMS side, so any output works', why: '--query runs in the CLI after the full answer has arrived: client-side filtering.' },
    ],
    answer: 'text',
    explanation: '--query (JMESPath) selects on your computer; --output text prints the selected values without quotes or brackets. Table output is for humans.',
  },
]);
