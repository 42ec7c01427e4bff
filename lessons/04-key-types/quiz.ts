/**
 * Exam-style questions on KMS key types. Where the scenario can answer (which exception, which key
 * spec works, how many bytes, in which order things happen), the answer is computed by running it,
 * so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { SimEvent } from '../../src/sim/core/events';
import { TAMPERED_DEFAULT, type KeyTypesState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance, events: log } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as KeyTypesState, log };
}

const SYMMETRIC: ScenarioEvent[] = [{ type: 'create-symmetric' }, { type: 'try-to-export-symmetric' }];
const PARTNER_KEY: ScenarioEvent[] = [...SYMMETRIC, { type: 'create-key', spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT' }];
const PARTNER_MESSAGE: ScenarioEvent[] = [...PARTNER_KEY, { type: 'download-public-key' }, { type: 'partner-encrypts', text: 'Our bid for lot 7 is 2.1M GBP' }];

const messageIndex = (log: readonly SimEvent[], from: string, to: string, label: string) => log.findIndex((e) => e.type === 'message' && e.from === from && e.to === to && e.label === label);

/** Which of the candidate keys lets the partner encrypt, by creating each in a fresh world and asking the scenario's own check. */
const PARTNER_CANDIDATES: Record<string, [string, string]> = {
  symmetric: ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'],
  'rsa-encrypt': ['RSA_2048', 'ENCRYPT_DECRYPT'],
  'rsa-sign': ['RSA_2048', 'SIGN_VERIFY'],
  hmac: ['HMAC_256', 'GENERATE_VERIFY_MAC'],
};

export default defineQuiz([
  {
    id: 'symmetric-export',
    kind: 'single',
    prompt: 'An on-premises application wants a copy of the key material of a symmetric encryption KMS key, to encrypt without calling KMS. A developer calls GetPublicKey on the key. What happens?',
    refs: ['symmetric-stays-inside'],
    options: [
      { id: 'unsupported', text: 'KMS answers UnsupportedOperationException: a symmetric key has no public key, and no operation returns its key material', why: 'Right: a symmetric KMS key never leaves KMS unencrypted. The application must call KMS, or use envelope encryption with data keys.' },
      { id: 'returns-aes', text: 'KMS returns the 256-bit AES key, base64 encoded', why: 'No KMS operation returns the key material of a KMS key. That is the point of KMS.' },
      { id: 'access-denied', text: 'KMS answers AccessDeniedException unless the key policy allows kms:GetPublicKey', why: 'Permissions are checked first, but even an administrator gets no key: the operation is unsupported for symmetric keys.' },
      { id: 'wrapped', text: 'KMS returns the key encrypted under an AWS owned key', why: 'There is no export of a wrapped symmetric KMS key either. Data keys are what leave KMS, never the KMS key.' },
    ],
    answer: {
      describe: 'creates a symmetric key and asks KMS for its public key',
      async compute(engine) {
        const { state } = await run(engine, ...SYMMETRIC);
        const answer = state.symmetric.find((a) => a.operation === 'GetPublicKey')?.answer;
        return answer === 'UnsupportedOperationException' ? 'unsupported' : answer === 'AccessDeniedException' ? 'access-denied' : 'returns-aes';
      },
    },
    explanation: 'Symmetric KMS keys are used only through KMS API calls. GetPublicKey exists for asymmetric keys, and for a symmetric or HMAC key it fails with UnsupportedOperationException.',
  },
  {
    id: 'partner-key',
    kind: 'single',
    prompt: 'A partner company with no AWS account must send you confidential files\' keys, encrypted so that only you can read them. Which KMS key do you create?',
    refs: ['choose-key-spec', 'download-public-key'],
    options: [
      { id: 'symmetric', text: 'SYMMETRIC_DEFAULT, and give the partner the key ARN', why: 'The partner cannot call KMS, so an ARN is useless to it, and a symmetric key has no public half to hand over.' },
      { id: 'rsa-encrypt', text: 'RSA_2048 with key usage ENCRYPT_DECRYPT, and send the partner its public key', why: 'Right: the partner encrypts with the public key outside AWS; only KMS, with the private key, can decrypt.' },
      { id: 'rsa-sign', text: 'RSA_2048 with key usage SIGN_VERIFY, and send the partner its public key', why: 'A SIGN_VERIFY public key verifies signatures. Key usage is fixed at creation; this key cannot encrypt.' },
      { id: 'hmac', text: 'HMAC_256 with key usage GENERATE_VERIFY_MAC', why: 'HMAC keys make and check MACs, inside KMS only. They neither encrypt nor have a public key.' },
    ],
    answer: {
      describe: 'creates each candidate key in a fresh world and keeps the one whose public key KMS reports as usable for encryption',
      async compute(engine) {
        const fit: string[] = [];
        for (const [id, [spec, usage]] of Object.entries(PARTNER_CANDIDATES)) {
          const { state } = await run(engine, { type: 'create-key', spec, usage });
          if (state.partnerKeyArn) fit.push(id);
        }
        if (fit.length !== 1) throw new Error(`expected exactly one key to fit, got ${fit.join(', ') || 'none'}`);
        return fit[0];
      },
    },
    explanation: 'Only asymmetric keys have a public half that works outside KMS, and only RSA keys (or SM2 in China Regions) with ENCRYPT_DECRYPT can encrypt with it.',
  },
  {
    id: 'ecc-encrypt',
    kind: 'single',
    prompt: 'A developer calls CreateKey with KeySpec ECC_NIST_P256 and KeyUsage ENCRYPT_DECRYPT. What does KMS answer?',
    refs: ['choose-key-spec'],
    options: [
      { id: 'validation', text: 'ValidationException: that key usage is not compatible with that key spec', why: 'Right: NIST elliptic-curve keys are for SIGN_VERIFY or KEY_AGREEMENT. KMS refuses the combination at creation.' },
      { id: 'created', text: 'The key is created; Encrypt uses ECIES', why: 'KMS offers no elliptic-curve encryption for NIST curves. (SM2 in China Regions is the exception.)' },
      { id: 'created-sign', text: 'The key is created with SIGN_VERIFY instead', why: 'KMS never silently changes what you asked for: it refuses.' },
      { id: 'unsupported', text: 'UnsupportedOperationException', why: 'That exception is for operations a key cannot perform, such as GetPublicKey on a symmetric key. A bad spec and usage pair is a ValidationException.' },
    ],
    answer: {
      describe: 'asks the engine to create the key and reads its answer',
      async compute(engine) {
        const { state } = await run(engine, { type: 'create-key', spec: 'ECC_NIST_P256', usage: 'ENCRYPT_DECRYPT' });
        const created = state.choices[0]?.created;
        return created === 'ValidationException' ? 'validation' : created === 'UnsupportedOperationException' ? 'unsupported' : 'created';
      },
    },
    explanation: 'Each key spec allows a few key usages: RSA encrypts or signs, NIST ECC signs or agrees keys, HMAC makes MACs, symmetric encrypts. The usage is fixed at creation.',
  },
  {
    id: 'decrypt-parameters',
    kind: 'multi',
    prompt: 'The partner sends ciphertext it made offline with your RSA_2048 public key (RSAES_OAEP_SHA_256). Which parameters must your Decrypt request carry? Choose two.',
    refs: ['encrypt-offline'],
    options: [
      { id: 'key-id', text: 'KeyId of the RSA key', why: 'Right: an RSA ciphertext does not name its key, unlike a symmetric ciphertext blob.' },
      { id: 'algorithm', text: 'EncryptionAlgorithm RSAES_OAEP_SHA_256', why: 'Right: without it KMS assumes SYMMETRIC_DEFAULT, which an RSA key cannot use.' },
      { id: 'context', text: 'EncryptionContext', why: 'Encryption context is supported only with symmetric encryption keys; the partner could not have bound one.' },
      { id: 'public-key', text: 'The public key the partner used', why: 'KMS holds the key pair; it needs only to know which key (KeyId), not its public half.' },
    ],
    answer: {
      describe: 'lets the partner encrypt, then reads which Decrypt KMS refused and which it answered',
      async compute(engine) {
        const { state, log } = await run(engine, ...PARTNER_MESSAGE);
        const refusedWithout = messageIndex(log, 'kms', 'app', 'InvalidCiphertextException') !== -1;
        const answered = state.partnerMessages[0]?.decrypt?.answer === 'ok';
        if (!refusedWithout || !answered) throw new Error('expected a refused Decrypt without KeyId and algorithm, then an answered one with both');
        return ['key-id', 'algorithm'];
      },
    },
    explanation: 'Decrypting asymmetric ciphertext needs the KeyId and the same EncryptionAlgorithm used to encrypt. Without the KeyId KMS answers InvalidCiphertextException.',
  },
  {
    id: 'algorithm-mismatch',
    kind: 'single',
    prompt: 'You agreed RSAES_OAEP_SHA_256 with a partner, but its software encrypts with RSAES_OAEP_SHA_1 under your RSA_2048 public key. Your app calls Decrypt with the KeyId and RSAES_OAEP_SHA_256. What happens?',
    refs: ['encrypt-offline', 'download-public-key'],
    options: [
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException: KMS cannot tell which algorithm was used outside it', why: 'Right, with an empty message. Decrypting with RSAES_OAEP_SHA_1 would work: the key supports both.' },
      { id: 'auto-detect', text: 'KMS detects SHA-1 from the ciphertext and decrypts anyway', why: 'An OAEP ciphertext carries no algorithm identifier; KMS uses the algorithm the request names.' },
      { id: 'refused-offline', text: 'The partner\'s software could not have encrypted: the key allows only SHA-256', why: 'GetPublicKey lists both RSAES_OAEP_SHA_1 and RSAES_OAEP_SHA_256 for an RSA ENCRYPT_DECRYPT key, and a public key cannot enforce either.' },
      { id: 'incorrect-key', text: 'IncorrectKeyException', why: 'The key is the right one; the algorithm differs, so the OAEP decoding fails.' },
    ],
    answer: {
      describe: 'lets the partner encrypt with RSAES_OAEP_SHA_1 and reads what KMS answered to Decrypt with RSAES_OAEP_SHA_256',
      async compute(engine) {
        const { state } = await run(engine, ...PARTNER_KEY, { type: 'download-public-key' }, { type: 'partner-encrypts', text: 'bid', algorithm: 'RSAES_OAEP_SHA_1' });
        const message = state.partnerMessages[0];
        if (message?.refusedOffline || message?.ciphertextBytes === undefined) return 'refused-offline';
        const answer = message.decrypt?.answer;
        return answer === 'InvalidCiphertextException' ? 'invalid-ciphertext' : answer === 'IncorrectKeyException' ? 'incorrect-key' : 'auto-detect';
      },
    },
    explanation: 'KMS cannot enforce anything done with a public key outside it. GetPublicKey returns the supported algorithms so both sides can agree on one; a mismatch shows up only as InvalidCiphertextException.',
  },
  {
    id: 'partner-flow',
    kind: 'order',
    prompt: 'Put the steps of the partner exchange in order.',
    refs: ['download-public-key', 'encrypt-offline'],
    items: [
      { id: 'decrypt', text: 'Your app calls Decrypt with the KeyId and RSAES_OAEP_SHA_256', why: 'Last: only KMS can open the ciphertext.' },
      { id: 'send-pem', text: 'You send the public key to the partner as PEM', why: 'After downloading: PEM is the text form of the public key.' },
      { id: 'get-public-key', text: 'Your app calls GetPublicKey', why: 'First: the partner needs the public key before it can encrypt anything.' },
      { id: 'send-ciphertext', text: 'The partner sends you the ciphertext', why: 'Ciphertext can travel by any channel: only KMS can decrypt it.' },
    ],
    answer: {
      describe: 'runs the exchange and orders these moments by where they appear in the event log',
      async compute(engine) {
        const { log } = await run(engine, ...PARTNER_MESSAGE);
        const at: Record<string, number> = {
          'get-public-key': messageIndex(log, 'app', 'kms', 'kms:GetPublicKey'),
          'send-pem': messageIndex(log, 'app', 'partner', 'public key (PEM) by e-mail'),
          'send-ciphertext': messageIndex(log, 'partner', 'app', 'encrypted message'),
          decrypt: log.findIndex((e, i) => i > messageIndex(log, 'partner', 'app', 'encrypted message') && e.type === 'message' && e.label === 'Decrypt result'),
        };
        if (Object.values(at).some((i) => i === -1)) throw new Error(`a moment of the exchange is missing: ${JSON.stringify(at)}`);
        return Object.keys(at).sort((a, b) => at[a] - at[b]);
      },
    },
    explanation: 'The public key leaves KMS once; the partner encrypts with it offline, without any AWS call; the private key never leaves, so decryption is always a KMS call that the key policy allows and CloudTrail records.',
  },
  {
    id: 'rsa-limit',
    kind: 'single',
    prompt: 'What is the largest plaintext a single Encrypt call takes under an RSA_2048 KMS key with RSAES_OAEP_SHA_256?',
    refs: ['plaintext-limits', 'encrypt-offline'],
    options: [
      { id: '4096', text: '4096 bytes', why: 'That is the limit for a symmetric key. RSA is far smaller.' },
      { id: '256', text: '256 bytes', why: 'That is the size of the ciphertext (the modulus). OAEP padding takes room from the plaintext.' },
      { id: '214', text: '214 bytes', why: 'That is the limit with RSAES_OAEP_SHA_1, whose hash is shorter.' },
      { id: '190', text: '190 bytes', why: 'Right: 256 − 2 × 32 − 2 = 190. One byte more gives a ValidationException.' },
    ],
    answer: {
      describe: 'tries plaintext sizes against the engine and reads the largest one KMS accepted',
      async compute(engine) {
        const { state } = await run(engine, ...PARTNER_KEY, { type: 'probe-limits' });
        return String(state.limits.find((l) => l.algorithm === 'RSAES_OAEP_SHA_256')?.maxBytes);
      },
    },
    explanation: 'RSA-OAEP encrypts at most modulus bytes − 2·hash bytes − 2: 190 bytes for RSA_2048 with SHA-256, 214 with SHA-1. Larger data needs envelope encryption.',
  },
  {
    id: 'envelope-key',
    kind: 'single',
    prompt: 'A team wants to encrypt 2 GB backups with KMS using envelope encryption and tries GenerateDataKey under their RSA_4096 ENCRYPT_DECRYPT key. What happens?',
    refs: ['plaintext-limits'],
    options: [
      { id: 'invalid-usage', text: 'InvalidKeyUsageException: GenerateDataKey needs a symmetric encryption KMS key', why: 'Right: data keys are generated and encrypted under symmetric encryption keys only.' },
      { id: 'rsa-wrapped', text: 'KMS returns a data key wrapped with RSA-OAEP', why: 'KMS does not wrap data keys under asymmetric KMS keys. (GenerateDataKeyPair returns key pairs, under a symmetric key too.)' },
      { id: 'too-large', text: 'ValidationException: the backup is too large', why: 'GenerateDataKey never sees the backup; it returns a key of 32 bytes. The refusal is about the key type.' },
      { id: 'works', text: 'It works; the RSA key is stronger than AES-256', why: 'Strength is not the issue: KMS refuses the operation for an asymmetric key.' },
    ],
    answer: {
      describe: 'asks KMS for a data key under the RSA key and under the symmetric key',
      async compute(engine) {
        const { state } = await run(engine, ...PARTNER_KEY, { type: 'probe-limits' });
        const rsa = state.dataKeys.find((d) => d.keySpec !== 'SYMMETRIC_DEFAULT')?.answer.answer;
        return rsa === 'InvalidKeyUsageException' ? 'invalid-usage' : rsa === 'ok' ? 'works' : 'too-large';
      },
    },
    explanation: 'Envelope encryption, and every AWS service that encrypts data with KMS, uses symmetric encryption KMS keys. Asymmetric keys are for parties outside KMS.',
  },
  {
    id: 'tampered-verify',
    kind: 'single',
    prompt: 'A release manifest signed with an ECC_NIST_P256 KMS key is altered on a mirror. Your pipeline calls Verify with the altered manifest and the original signature. What does KMS return?',
    refs: ['tamper-with-release'],
    options: [
      { id: 'false', text: 'A response with SignatureValid: false', why: 'Verify never answers false: an invalid signature is an exception.' },
      { id: 'exception', text: 'KMSInvalidSignatureException', why: 'Right, with an empty message. Code must treat the exception as "not valid".' },
      { id: 'incorrect-key', text: 'IncorrectKeyException', why: 'The key is the right one; the message changed.' },
      { id: 'true', text: 'SignatureValid: true, because the signature itself was not changed', why: 'A signature covers the whole message: change one bit of the message and it no longer verifies.' },
    ],
    answer: {
      describe: 'signs the release, lets the mirror alter it, and reads what KMS Verify answered',
      async compute(engine) {
        const { state } = await run(engine, { type: 'sign-release' }, { type: 'tamper', text: TAMPERED_DEFAULT });
        const answer = state.tamperings[0]?.kmsVerify.answer;
        return answer === 'KMSInvalidSignatureException' ? 'exception' : answer === 'ok' ? 'true' : 'incorrect-key';
      },
    },
    explanation: 'Verify succeeds with SignatureValid: true or fails with KMSInvalidSignatureException. Anyone with the public key gets the same verdict offline.',
  },
  {
    id: 'who-verifies',
    kind: 'multi',
    prompt: 'Who can check a signature made by KMS Sign with an ECC_NIST_P256 key? Choose all that apply.',
    refs: ['sign-release', 'tamper-with-release'],
    options: [
      { id: 'kms-caller', text: 'A principal allowed kms:Verify on the key, by calling Verify', why: 'Right: KMS verifies with the key pair it holds.' },
      { id: 'offline', text: 'Anyone with the public key, offline, with no AWS account', why: 'Right: that is what the public key is for. The customer in the lesson did exactly this.' },
      { id: 'mirror-resign', text: 'The mirror, after re-signing the altered file with the public key', why: 'A public key cannot sign. Signing needs the private key, which never leaves KMS.' },
      { id: 'hmac-holder', text: 'Only callers of KMS, as with an HMAC key', why: 'That is true of MACs from HMAC keys, not of signatures from asymmetric keys.' },
    ],
    answer: {
      describe: 'signs the release and reads who verified it, offline and in KMS',
      async compute(engine) {
        const { state } = await run(engine, { type: 'sign-release' }, { type: 'tamper', text: TAMPERED_DEFAULT });
        const offline = state.release?.validOffline === true;
        const inKms = state.tamperings[0]?.kmsVerify.answer === 'KMSInvalidSignatureException';
        return [...(inKms ? ['kms-caller'] : []), ...(offline ? ['offline'] : [])];
      },
    },
    explanation: 'Asymmetric signatures can be verified by KMS callers and by anyone holding the public key; only the private key, inside KMS, can make them.',
  },
  {
    id: 'hmac-offline',
    kind: 'single',
    prompt: 'Your web app adds a MAC from an HMAC_256 KMS key to its session tokens. A partner wants to check those tokens in its own systems, without AWS access. What do you tell them?',
    refs: ['hmac-keys'],
    options: [
      { id: 'needs-kms', text: 'They cannot: the HMAC key never leaves KMS and has no public key, so only VerifyMac can check a MAC', why: 'Right: GetPublicKey on an HMAC key fails with UnsupportedOperationException. For outside verification, sign with an asymmetric key.' },
      { id: 'download', text: 'Download the key with GetPublicKey and send it to them', why: 'An HMAC key has no public half; GetPublicKey answers UnsupportedOperationException.' },
      { id: 'same-mac', text: 'Any HMAC-SHA-256 implementation gives the same MAC, so they can recompute it', why: 'Only with the secret key, which stays in KMS.' },
      { id: 'export', text: 'Export the HMAC key with the KMS console', why: 'No KMS operation or console action exports the key material of an HMAC key.' },
    ],
    answer: {
      describe: 'makes a MAC with an HMAC key, then asks KMS for its public key',
      async compute(engine) {
        const { state } = await run(engine, { type: 'hmac-round-trip' });
        return state.mac?.getPublicKey.answer === 'UnsupportedOperationException' ? 'needs-kms' : 'download';
      },
    },
    explanation: 'HMAC keys are symmetric secrets for integrity. They suit tokens your own code checks through KMS; when outsiders must verify, use an asymmetric signing key.',
  },
  {
    id: 'monthly-price',
    kind: 'single',
    prompt: 'You create one customer managed key of each type: symmetric, RSA_2048, ECC_NIST_P256 and HMAC_256. What do the four keys cost per month, before requests?',
    refs: ['price-and-quotas'],
    options: [
      { id: 'four', text: '$4: $1 for each key, whatever its type', why: 'Right: every customer managed key costs $1 a month (prorated hourly); requests are billed separately.' },
      { id: 'symmetric-only', text: '$1: only symmetric keys have a monthly fee', why: 'Asymmetric and HMAC customer managed keys cost $1 a month too.' },
      { id: 'asymmetric-more', text: '$7: asymmetric keys cost $3 a month each', why: 'The monthly fee does not depend on the type. Asymmetric requests are priced in their own tiers, which is a different thing.' },
      { id: 'free', text: 'Nothing until the first request', why: 'The monthly fee applies from creation until the key is scheduled for deletion.' },
    ],
    answer: 'four',
    explanation: 'KMS charges $1 per customer managed key per month regardless of key type; requests are billed per 10,000, with asymmetric operations in their own price tiers. AWS managed keys have no monthly fee.',
  },
]);
