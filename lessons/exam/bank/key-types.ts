/**
 * Practice exam, fixed questions on KMS key types (lesson 04): choosing a spec and usage for signing or
 * MACs, the fixed key usage, RSA plaintext sizes, what symmetric keys run on, what asymmetric keys cannot
 * do, the audit gap of offline public-key use, and the lower asymmetric request quotas.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'key-types', lessonId: 'key-types' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'kt-code-signing-key',
    kind: 'single',
    prompt:
      'A build pipeline must sign release artifacts so that customers can verify them offline, without AWS credentials. The private key must never leave KMS. Which key should the team create?',
    refs: ['sign-release', 'choose-key-spec'],
    options: [
      {
        id: 'rsa-encrypt',
        text: 'An RSA_2048 key with KeyUsage ENCRYPT_DECRYPT',
        why: 'Key usage is fixed at creation: an ENCRYPT_DECRYPT key refuses Sign with InvalidKeyUsageException.',
      },
      {
        id: 'symmetric',
        text: 'A symmetric encryption key, encrypting a hash of each artifact',
        why: 'Only KMS could decrypt and check it, so offline verification is impossible; and encryption is not a signature.',
      },
      {
        id: 'ecc-sign',
        text: 'An asymmetric key, for example ECC_NIST_P256, with KeyUsage SIGN_VERIFY',
        why: 'Right: KMS signs with the private key inside its HSMs, and customers verify with the public key from GetPublicKey, anywhere.',
      },
      {
        id: 'hmac',
        text: 'An HMAC_256 key, publishing GenerateMac results',
        why: 'A MAC can only be checked with the same secret key, that is by calling KMS VerifyMac; customers without AWS access cannot.',
      },
    ],
    answer: 'ecc-sign',
    explanation:
      'Verification by parties outside AWS needs a public key, so the key must be asymmetric with SIGN_VERIFY usage (RSA or ECC). HMAC and symmetric keys are secret keys: checking with them always goes through KMS.',
  },
  {
    ...about,
    id: 'kt-key-usage-fixed',
    kind: 'single',
    prompt:
      'A team created an RSA_3072 KMS key with KeyUsage ENCRYPT_DECRYPT for a partner exchange. Now it also needs to sign documents. What must it do?',
    refs: ['choose-key-spec', 'sign-release'],
    options: [
      {
        id: 'algorithm',
        text: 'Call Sign with SigningAlgorithm RSASSA_PSS_SHA_256 on the same key',
        why: 'The algorithm must belong to the key\'s usage; an ENCRYPT_DECRYPT key has encryption algorithms only.',
      },
      {
        id: 'new-key',
        text: 'Create a second RSA (or ECC) key with KeyUsage SIGN_VERIFY',
        why: 'Right: one usage per key, chosen at creation. Separate keys for encryption and signing is good practice anyway.',
      },
      {
        id: 'update-usage',
        text: 'Change the key\'s KeyUsage to SIGN_VERIFY with an update call',
        why: 'KMS has no operation that changes a key\'s usage or spec.',
      },
      {
        id: 'policy',
        text: 'Add kms:Sign to the key policy',
        why: 'The permission is not the problem: KMS would refuse Sign with InvalidKeyUsageException whatever the policy says.',
      },
    ],
    answer: 'new-key',
    explanation:
      'KeySpec and KeyUsage are immutable. RSA keys can be created for ENCRYPT_DECRYPT or SIGN_VERIFY, NIST ECC keys for SIGN_VERIFY or KEY_AGREEMENT, HMAC keys for GENERATE_VERIFY_MAC, and symmetric keys for ENCRYPT_DECRYPT; each key gets exactly one.',
  },
  {
    ...about,
    id: 'kt-rsa-size-for-400-bytes',
    kind: 'single',
    prompt:
      'A partner must encrypt 400-byte messages offline with your KMS public key, in one RSA operation each. Which key spec and algorithm can do it?',
    refs: ['plaintext-limits', 'encrypt-offline'],
    options: [
      {
        id: 'rsa3072-sha256',
        text: 'RSA_3072 with RSAES_OAEP_SHA_256',
        why: '384 − 2 × 32 − 2 = 318 bytes: too small.',
      },
      {
        id: 'rsa4096-sha256',
        text: 'RSA_4096 with RSAES_OAEP_SHA_256',
        why: 'Right: 512 − 2 × 32 − 2 = 446 bytes, enough for 400.',
      },
      {
        id: 'rsa2048-sha1',
        text: 'RSA_2048 with RSAES_OAEP_SHA_1',
        why: '256 − 2 × 20 − 2 = 214 bytes: far too small.',
      },
      {
        id: 'rsa3072-sha1',
        text: 'RSA_3072 with RSAES_OAEP_SHA_1',
        why: '384 − 2 × 20 − 2 = 342 bytes: still too small, although SHA-1 leaves more room than SHA-256.',
      },
    ],
    answer: 'rsa4096-sha256',
    explanation:
      'RSA-OAEP can encrypt at most (modulus bytes − 2 × hash bytes − 2). For anything larger, or for data of unknown size, encrypt the data with a symmetric key and RSA-encrypt only that key.',
  },
  {
    ...about,
    id: 'kt-hmac-for-own-tokens',
    kind: 'single',
    prompt:
      'A web application issues session tokens and checks them itself on every request. The tokens must be tamper-evident, the key must never leave KMS, and the checks are frequent, so cost and request quota matter. Which design fits best?',
    refs: ['hmac-keys', 'price-and-quotas'],
    options: [
      {
        id: 'ecc-sign',
        text: 'An ECC_NIST_P256 signing key: Sign when issuing, Verify when checking',
        why: 'It works, but asymmetric requests cost more and have a much lower quota, and nobody outside needs the public key.',
      },
      {
        id: 'random-secret',
        text: 'GenerateRandom once, and keep the bytes in the application\'s configuration as the HMAC key',
        why: 'Then the key lives outside KMS, in configuration, which breaks the requirement.',
      },
      {
        id: 'symmetric-encrypt',
        text: 'A symmetric encryption key: Encrypt each token and treat a successful Decrypt as proof',
        why: 'It gives tamper evidence but is the wrong tool: tokens up to 4 KB, blobs larger than the data, and confidentiality nobody asked for.',
      },
      {
        id: 'hmac',
        text: 'An HMAC_256 key: GenerateMac when issuing, VerifyMac when checking',
        why: 'Right: only the same application needs to check the tokens, and HMAC operations count in the large symmetric request quota, not the much smaller asymmetric ones.',
      },
    ],
    answer: 'hmac',
    explanation:
      'Choose the key type by who must check the result: the same party (HMAC, checked by KMS VerifyMac) or anyone with a public key (asymmetric signing). HMAC keys are cheap and fast; asymmetric keys are for verification outside AWS.',
  },
  {
    ...about,
    id: 'kt-symmetric-default-algorithm',
    kind: 'single',
    prompt: 'What does a KMS key with KeySpec SYMMETRIC_DEFAULT use to encrypt, outside the China Regions?',
    refs: ['symmetric-stays-inside'],
    options: [
      {
        id: 'rsa',
        text: 'RSA-OAEP with a 2,048-bit key',
        why: 'RSA is for asymmetric ENCRYPT_DECRYPT keys, which you create with an RSA key spec.',
      },
      {
        id: 'aes-cbc',
        text: 'AES-256 in CBC mode with a separate HMAC',
        why: 'KMS uses authenticated GCM mode, not CBC.',
      },
      {
        id: 'aes-128',
        text: 'AES-128 in GCM mode',
        why: 'The backing key is 256 bits. (AES_128 exists only as a data key spec for GenerateDataKey.)',
      },
      {
        id: 'aes-gcm',
        text: 'AES-256 in GCM mode, inside KMS\'s hardware security modules',
        why: 'Right: a 256-bit AES key that never leaves the HSMs; GCM authenticates the ciphertext and the encryption context.',
      },
    ],
    answer: 'aes-gcm',
    explanation:
      'SYMMETRIC_DEFAULT is AES-256-GCM (SM4 in the China Regions). It is the only spec that supports encryption context, GenerateDataKey and automatic rotation, which is why it is the default.',
  },
  {
    ...about,
    id: 'kt-asymmetric-limits',
    kind: 'multi',
    prompt: 'Which statements about asymmetric KMS keys (RSA or ECC) are true? (Choose two.)',
    refs: ['download-public-key', 'plaintext-limits'],
    options: [
      {
        id: 'public-key-offline',
        text: 'The public key can be downloaded with GetPublicKey and used outside AWS without calling KMS',
        why: 'Correct: that is the point of an asymmetric key. Only the private key stays in KMS.',
      },
      {
        id: 'wrap-data-keys',
        text: 'GenerateDataKey can use an RSA ENCRYPT_DECRYPT key to protect the data key',
        why: 'GenerateDataKey needs a symmetric encryption key; with an RSA key it fails with InvalidKeyUsageException.',
      },
      {
        id: 'encryption-context',
        text: 'Encrypt with an RSA key accepts an encryption context',
        why: 'Encryption context is supported only by symmetric encryption keys.',
      },
      {
        id: 'no-auto-rotation',
        text: 'Automatic key rotation cannot be enabled on them',
        why: 'Correct: automatic (and on-demand) rotation is for symmetric encryption keys; a new key pair means a new key.',
      },
    ],
    answer: ['public-key-offline', 'no-auto-rotation'],
    explanation:
      'Asymmetric keys trade KMS features for reach: anyone can use the public key, but there is no encryption context, no data keys, no rotation, small plaintext limits for encryption, and lower request quotas.',
  },
  {
    ...about,
    id: 'kt-offline-use-not-logged',
    kind: 'single',
    prompt:
      'A partner downloads your RSA key\'s public key and encrypts 1,000 messages offline, then you decrypt 3 of them with KMS. What does your account\'s CloudTrail show?',
    refs: ['encrypt-offline', 'download-public-key'],
    options: [
      {
        id: 'nothing',
        text: 'Nothing, because asymmetric keys are not logged',
        why: 'Every call to KMS is logged, including GetPublicKey, Decrypt and Sign with asymmetric keys.',
      },
      {
        id: 'three-decrypts',
        text: 'The GetPublicKey call and 3 Decrypt calls; the 1,000 encryptions do not appear',
        why: 'Right: encryption with the public key happens outside KMS, so KMS never sees it, and no key policy can control it.',
      },
      {
        id: 'all-encrypts',
        text: '1,000 Encrypt events attributed to the partner, plus 3 Decrypt',
        why: 'Offline encryption makes no request to KMS; there is nothing to log.',
      },
      {
        id: 'encrypts-no-decrypts',
        text: '1,000 Encrypt events and no Decrypt events',
        why: 'It is the other way round: your Decrypt calls go to KMS and are logged; the partner\'s offline encryptions are not.',
      },
    ],
    answer: 'three-decrypts',
    explanation:
      'Anything done with a public key outside KMS (encrypting, verifying signatures) escapes KMS\'s authorization and audit. Only operations that use the private key, and GetPublicKey itself, are KMS requests.',
  },
  {
    ...about,
    id: 'kt-asymmetric-quota',
    kind: 'single',
    prompt:
      'A service signs every API response with an ECC_NIST_P256 KMS key. Under load it starts receiving ThrottlingException, although the account makes far fewer requests per second than its symmetric cryptographic quota. Why?',
    refs: ['price-and-quotas', 'sign-release'],
    options: [
      {
        id: 'message-size',
        text: 'The responses are larger than 4,096 bytes',
        why: 'An oversized message gives ValidationException, not ThrottlingException.',
      },
      {
        id: 'separate-quota',
        text: 'Asymmetric operations count against their own request quota, which is much lower than the symmetric one',
        why: 'Right: RSA and ECC operations have separate, smaller per-second quotas, and they are also billed at a higher price.',
      },
      {
        id: 'per-key-limit',
        text: 'Each KMS key is limited to 100 requests per second',
        why: 'Request quotas apply per account and Region and per kind of operation, not per key.',
      },
      {
        id: 'disabled',
        text: 'The key was disabled during the load test',
        why: 'A disabled key gives DisabledException on every call, not throttling under load.',
      },
    ],
    answer: 'separate-quota',
    explanation:
      'KMS has one shared quota for symmetric cryptographic operations (including HMAC) and separate, much smaller ones for RSA and for ECC operations. High-volume signing either needs a quota increase, or a design that signs less often (for example a signed batch) or uses HMAC when only the service itself checks.',
  },
]);
