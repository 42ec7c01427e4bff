/**
 * KMS key types: a symmetric key that never leaves KMS, an RSA key whose public half a partner
 * without an AWS account uses to encrypt, an ECC key that signs releases anyone can verify, and an
 * HMAC key whose MACs only KMS can check. Every KMS answer is the simulated engine's (createKms),
 * every outside operation is WebCrypto on a downloaded public key (src/sim/pki): the scenario
 * never states an outcome it did not observe.
 *
 * Determinism: ids and delays come from the lesson's seed; keys, signatures and ciphertexts come
 * from WebCrypto, so only their bytes differ between runs (no check depends on them).
 */
import { createKms, type KmsCaller, type NamedPolicy, type Output } from '../../src/kms/index';
import { SPECS } from '../../src/kms/keys/key-specs';
import { defineScenario, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload } from '../../src/sim/core/events';
import { createNetwork } from '../../src/sim/network/network';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../../src/sim/network/payloads';
import { OutsideParty, PlaintextTooLargeError, spkiToPem } from '../../src/sim/pki';
import { callKms, type KmsCallResult } from '../../src/sim/storage';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
/** The algorithm Example Corp and the partner agreed on; the app always decrypts with it. */
export const RSA_ALGORITHM = 'RSAES_OAEP_SHA_256';
/** What the partner's software may pick: both algorithms KMS lists for an RSA ENCRYPT_DECRYPT key. */
export const PARTNER_ALGORITHMS = ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const;
export type PartnerAlgorithm = (typeof PARTNER_ALGORITHMS)[number];
export const SIGNING_ALGORITHM = 'ECDSA_SHA_256';
export const MAC_ALGORITHM = 'HMAC_SHA_256';
export const SYMMETRIC_SECRET = 'Payroll database password: t0p-s3cret';
/** One line: the form's text field cannot hold a line break, and the learner must be able to type the original back. */
export const RELEASE_TEXT = 'example-corp-agent 2.4.0 sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
/** What the mirror serves when the learner keeps the default: one character of the version changed. */
export const TAMPERED_DEFAULT = RELEASE_TEXT.replace('2.4.0', '2.4.1');
export const SESSION_TOKEN = 'user=bob;role=viewer;expires=2026-01-01T01:00Z';
export const MAX_MESSAGE_CHARS = 400;
/** KMS Sign and Verify take messages of 1 to 4096 bytes (reference §6); the form keeps to text that fits. */
export const MAX_RELEASE_CHARS = 1000;
/** Plaintext sizes the limit probe tries: up to twice KMS's 4096-byte shape limit. */
const PROBE_CEILING = 8192;
const ACTORS = { app: 'app', kms: 'kms', partner: 'partner', customer: 'customer', mirror: 'mirror' } as const;

/** The key specs and usages offered in the "choose a key spec" form. */
export const SPEC_CHOICES = ['SYMMETRIC_DEFAULT', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'HMAC_256'] as const;
export const USAGE_CHOICES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC'] as const;

/** AWS's managed policy of that name: Alice administers the account. */
const ADMINISTRATOR_ACCESS: NamedPolicy = { name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

export interface KmsAnswer {
  operation: string;
  /** 'ok', or the exception KMS answered with. */
  answer: string;
  message?: string;
}

export interface KeyChoice {
  spec: string;
  usage: string;
  /** CreateKey's answer: 'ok' or the exception. */
  created: string;
  message?: string;
  /** GetPublicKey's answer on the new key, when it was created. */
  publicKey?: string;
  /** The usage KMS reports for the public key: what an outside party may do with it. */
  publicKeyUsage?: string;
}

export interface PartnerMessage {
  text: string;
  bytes: number;
  /** The algorithm the partner encrypted with (the app decrypts with RSA_ALGORITHM regardless). */
  algorithm: PartnerAlgorithm;
  /** Set when the partner's own WebCrypto refused: the plaintext was too large for RSA-OAEP. */
  refusedOffline?: { maxBytes: number };
  ciphertextBytes?: number;
  /** What KMS Decrypt returned, decoded as text (absent when it refused). */
  kmsPlaintext?: string;
  decrypt?: KmsAnswer;
}

export interface PlaintextLimit {
  keySpec: string;
  algorithm: string;
  /** Largest plaintext the engine accepted, found by trying sizes 1 to 8192. */
  maxBytes: number;
  /** What Encrypt answered for one byte more. */
  overLimit: KmsAnswer;
}

export interface Tampering {
  text: string;
  changed: boolean;
  validOffline: boolean;
  /** KMS Verify's answer for the same text and signature ('ok' or the exception). */
  kmsVerify: KmsAnswer;
}

export interface KeyTypesState {
  symmetricKeyArn?: string;
  /** What KMS answered to each use of the symmetric key, and to each attempt to get it out. */
  symmetric: KmsAnswer[];
  choices: KeyChoice[];
  partnerKeyArn?: string;
  partnerKeySpec?: string;
  partnerPem?: string;
  partnerMessages: PartnerMessage[];
  limits: PlaintextLimit[];
  /** GenerateDataKey on the RSA key and on the symmetric key: why envelope encryption needs a symmetric key. */
  dataKeys: { keySpec: string; answer: KmsAnswer }[];
  release?: { keyArn: string; signatureBytes: number; validOffline: boolean; pem: string };
  tamperings: Tampering[];
  mac?: { generated: boolean; verify: KmsAnswer; tamperedVerify: KmsAnswer; getPublicKey: KmsAnswer };
  /** The customer managed keys in the account, once listed (step "price-and-quotas"). */
  keyList?: { spec: string; usage: string }[];
}

const textBytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const answerOf = (operation: string, result: KmsCallResult): KmsAnswer =>
  result.ok ? { operation, answer: 'ok' } : { operation, answer: result.error.code, message: result.error.message };
const pemPayload = (label: string, pem: string): Payload => ({ kind: 'public-key', label, preview: pem.split('\n')[1]?.slice(0, 24).concat('…'), bytes: pem.length });

/** The key specs the engine refuses as not simulated, grouped by its reason (ML_DSA_44, _65 and _87 share one). */
function notSimulatedSpecs(): { specs: string[]; reason: string }[] {
  const byReason = new Map<string, string[]>();
  for (const [spec, info] of Object.entries(SPECS)) if (info.notSimulated) byReason.set(info.notSimulated, [...(byReason.get(info.notSimulated) ?? []), spec]);
  return [...byReason].map(([reason, specs]) => ({ specs, reason }));
}

function choiceOf(options: readonly string[], value: string | undefined, what: string): string {
  if (!value || !options.includes(value)) throw new Error(`Choose ${what}.`);
  return value;
}

function validText(raw: string | undefined, max: number): string {
  const text = raw ?? '';
  if (text.trim() === '') throw new Error('Type some text first.');
  if (text.length > max) throw new Error(`Keep the text to ${max} characters.`);
  return text;
}

export default defineScenario<KeyTypesState>({
  async create({ rng, clock, stream }) {
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });
    const net = createNetwork({ stream, clock, rng });
    const alice: KmsCaller = { arn: ADMIN_ARN, identityPolicies: [ADMINISTRATOR_ACCESS] };
    const context = { caller: alice, region: REGION };
    const state: KeyTypesState = { symmetric: [], choices: [], partnerMessages: [], limits: [], dataKeys: [], tamperings: [] };
    let partner: OutsideParty | undefined;
    let customer: OutsideParty | undefined;
    let releaseSignature: Uint8Array | undefined;

    /** One KMS call by Alice's app, drawn as request and answer. */
    const call = (operation: string, input: Record<string, unknown>, request: Payload[], response: (output: Output) => Payload[] = () => []) =>
      callKms({ net, kms, from: ACTORS.app, kmsActor: ACTORS.kms, operation, input, context, request, response });

    /** CreateKey is limited to 5 requests a second; an administrator creating keys by hand is far slower. */
    const createKey = (input: Record<string, unknown>, description: string) => {
      clock.advance(1000);
      return call('CreateKey', { ...input, Description: description }, Object.entries(input).map(([k, v]) => metadataPayload(k, String(v))), (output) => {
        const metadata = output.KeyMetadata as { KeySpec: string; KeyUsage: string };
        return [metadataPayload('KeySpec', metadata.KeySpec), metadataPayload('KeyUsage', metadata.KeyUsage), heldKeyPayload('key material (stays in KMS)')];
      });
    };
    const keyArnOf = (result: KmsCallResult) => (result.ok ? (result.output.KeyMetadata as { Arn: string }).Arn : undefined);
    const getPublicKey = (keyArn: string) =>
      call('GetPublicKey', { KeyId: keyArn }, [metadataPayload('KeyId', keyArn)], (output) => [
        bytesPayload('public-key', 'PublicKey (DER SubjectPublicKeyInfo)', output.PublicKey as Uint8Array),
        metadataPayload('KeyUsage', String(output.KeyUsage)),
      ]);

    /** The largest plaintext Encrypt accepts under a key and algorithm, found by asking the engine (binary search, not drawn). */
    const largestAccepted = async (keyArn: string, algorithm: string) => {
      let lo = 0;
      let hi = PROBE_CEILING;
      while (lo < hi) {
        const size = Math.ceil((lo + hi) / 2);
        const accepted = await kms.call('Encrypt', { KeyId: keyArn, Plaintext: new Uint8Array(size), EncryptionAlgorithm: algorithm }, context).then(
          () => true,
          () => false,
        );
        if (accepted) lo = size;
        else hi = size - 1;
      }
      return lo;
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'create-symmetric'() {
        const created = await createKey({ KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT' }, 'Protects the payroll secrets');
        const keyArn = keyArnOf(created);
        if (!keyArn) return;
        state.symmetricKeyArn = keyArn;
        const encrypted = await call('Encrypt', { KeyId: keyArn, Plaintext: textBytes(SYMMETRIC_SECRET) }, [textPayload('Plaintext', SYMMETRIC_SECRET)], (output) => [
          bytesPayload('ciphertext', 'CiphertextBlob', output.CiphertextBlob as Uint8Array),
        ]);
        state.symmetric.push(answerOf('Encrypt', encrypted));
        if (!encrypted.ok) return;
        const blob = encrypted.output.CiphertextBlob as Uint8Array;
        const decrypted = await call('Decrypt', { CiphertextBlob: blob }, [bytesPayload('ciphertext', 'CiphertextBlob (names its key)', blob)], (output) => [
          textPayload('Plaintext', new TextDecoder().decode(output.Plaintext as Uint8Array)),
        ]);
        state.symmetric.push(answerOf('Decrypt', decrypted));
        net.note(ACTORS.kms, 'encrypted and decrypted with AES-256-GCM inside KMS: the app sent plaintext and ciphertext, never received the key', { tone: 'success' });
      },
      async 'try-to-export-symmetric'() {
        const keyArn = state.symmetricKeyArn;
        if (!keyArn) return;
        const result = await getPublicKey(keyArn);
        state.symmetric.push(answerOf('GetPublicKey', result));
        net.note(
          ACTORS.app,
          'has no other operation to try: KMS has no API that returns the key material of a KMS key. Symmetric keys are used only by calling KMS',
          { tone: 'info' },
        );
      },
      async 'create-key'(event) {
        const spec = String(event.spec);
        const usage = String(event.usage);
        const created = await createKey({ KeySpec: spec, KeyUsage: usage }, 'Receives secrets from our partner');
        const choice: KeyChoice = { spec, usage, created: created.ok ? 'ok' : created.error.code, ...(created.ok ? {} : { message: created.error.message }) };
        state.choices.push(choice);
        const keyArn = keyArnOf(created);
        if (!keyArn) {
          net.note(ACTORS.app, `KMS refused ${spec} with ${usage}: each key spec allows only some key usages`, { tone: 'warning' });
          return;
        }
        // Can the partner, who cannot call KMS, encrypt with this key? Only with its public key.
        const publicKey = await getPublicKey(keyArn);
        choice.publicKey = publicKey.ok ? 'ok' : publicKey.error.code;
        if (!publicKey.ok) {
          net.note(ACTORS.partner, `gets nothing: a ${spec} key has no public key, and the partner cannot call KMS to use it`, { tone: 'warning' });
          return;
        }
        choice.publicKeyUsage = String(publicKey.output.KeyUsage);
        if (publicKey.output.KeyUsage !== 'ENCRYPT_DECRYPT') {
          net.note(ACTORS.partner, `could verify signatures with this public key, but not encrypt: its key usage is ${choice.publicKeyUsage}`, { tone: 'warning' });
          return;
        }
        state.partnerKeyArn = keyArn;
        state.partnerKeySpec = spec;
        net.note(ACTORS.app, `has an asymmetric ${spec} ENCRYPT_DECRYPT key: its public key can encrypt outside KMS, its private key decrypts only inside`, { tone: 'success' });
      },
      async 'download-public-key'() {
        const keyArn = state.partnerKeyArn;
        if (!keyArn) {
          net.note(ACTORS.app, 'has no RSA ENCRYPT_DECRYPT key yet: create one first', { tone: 'warning' });
          return;
        }
        const result = await getPublicKey(keyArn);
        if (!result.ok) return;
        const pem = spkiToPem(result.output.PublicKey as Uint8Array);
        state.partnerPem = pem;
        net.note(ACTORS.app, 'writes the DER bytes as PEM text, the form every library and openssl reads', { carries: [pemPayload('public key (PEM)', pem)] });
        net.send({ from: ACTORS.app, to: ACTORS.partner, label: 'public key (PEM) by e-mail', carries: [pemPayload('public key (PEM)', pem)], wire: textBytes(pem) });
        partner = new OutsideParty('partner', pem);
        net.note(ACTORS.partner, 'holds the public key and nothing else from AWS: no account, no credentials, no way to call KMS', { tone: 'info' });
      },
      async 'partner-encrypts'(event) {
        const text = typeof event.text === 'string' ? event.text : '';
        const algorithm = PARTNER_ALGORITHMS.find((a) => a === event.algorithm) ?? RSA_ALGORITHM;
        const message: PartnerMessage = { text, bytes: textBytes(text).length, algorithm };
        state.partnerMessages.push(message);
        if (!partner || !state.partnerKeyArn) {
          net.note(ACTORS.partner, 'has no public key yet', { tone: 'warning' });
          return;
        }
        let ciphertext: Uint8Array;
        try {
          ciphertext = await partner.encrypt(textBytes(text), algorithm);
        } catch (error) {
          if (!(error instanceof PlaintextTooLargeError)) throw error;
          message.refusedOffline = { maxBytes: error.maxBytes };
          net.note(ACTORS.partner, `cannot encrypt ${error.bytes} bytes: ${algorithm} with this ${state.partnerKeySpec} key takes at most ${error.maxBytes} bytes`, { tone: 'danger' });
          return;
        }
        message.ciphertextBytes = ciphertext.length;
        net.note(ACTORS.partner, `encrypts ${message.bytes} bytes with ${algorithm} in its own browser: no KMS call, no AWS account`, {
          carries: [textPayload('its message', text), bytesPayload('ciphertext', 'RSA-OAEP ciphertext', ciphertext)],
        });
        net.send({ from: ACTORS.partner, to: ACTORS.app, label: 'encrypted message', carries: [bytesPayload('ciphertext', 'RSA-OAEP ciphertext', ciphertext)], wire: ciphertext });
        if (state.partnerMessages.filter((m) => m.ciphertextBytes).length === 1) {
          // First time only: the app decrypts as it would a symmetric blob, which is not enough here.
          await call('Decrypt', { CiphertextBlob: ciphertext }, [bytesPayload('ciphertext', 'CiphertextBlob (no KeyId, no algorithm)', ciphertext)]);
          net.note(ACTORS.app, 'learns that an RSA ciphertext names no key: Decrypt needs the KeyId and the EncryptionAlgorithm', { tone: 'warning' });
        }
        const decrypted = await call(
          'Decrypt',
          { KeyId: state.partnerKeyArn, CiphertextBlob: ciphertext, EncryptionAlgorithm: RSA_ALGORITHM },
          [bytesPayload('ciphertext', 'CiphertextBlob', ciphertext), metadataPayload('KeyId', state.partnerKeyArn), metadataPayload('EncryptionAlgorithm', RSA_ALGORITHM)],
          (output) => [textPayload('Plaintext', new TextDecoder().decode(output.Plaintext as Uint8Array))],
        );
        message.decrypt = answerOf('Decrypt', decrypted);
        if (decrypted.ok) message.kmsPlaintext = new TextDecoder().decode(decrypted.output.Plaintext as Uint8Array);
        else if (algorithm !== RSA_ALGORITHM) {
          // KMS cannot know which algorithm was used outside it: a mismatch looks like any bad ciphertext.
          net.note(ACTORS.app, `cannot read it: the partner encrypted with ${algorithm}, not the agreed ${RSA_ALGORITHM}, and KMS can only say the ciphertext is invalid`, { tone: 'danger' });
        }
      },
      async 'probe-limits'() {
        const probes: [string | undefined, string | undefined, string][] = [
          [state.partnerKeyArn, state.partnerKeySpec, 'RSAES_OAEP_SHA_1'],
          [state.partnerKeyArn, state.partnerKeySpec, RSA_ALGORITHM],
          [state.symmetricKeyArn, 'SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT'],
        ];
        for (const [keyArn, keySpec, algorithm] of probes) {
          if (!keyArn || !keySpec) continue;
          const maxBytes = await largestAccepted(keyArn, algorithm);
          net.note(ACTORS.app, `tries plaintexts of 1 to ${PROBE_CEILING} bytes under ${keySpec} with ${algorithm}: the largest KMS accepts is ${maxBytes} bytes`);
          const over = await call('Encrypt', { KeyId: keyArn, Plaintext: new Uint8Array(maxBytes + 1), EncryptionAlgorithm: algorithm }, [
            bytesPayload('plaintext', `Plaintext (${maxBytes + 1} bytes)`, new Uint8Array(maxBytes + 1), 4),
            metadataPayload('EncryptionAlgorithm', algorithm),
          ]);
          state.limits.push({ keySpec, algorithm, maxBytes, overLimit: answerOf('Encrypt', over) });
        }
        for (const [keyArn, keySpec] of [[state.partnerKeyArn, state.partnerKeySpec], [state.symmetricKeyArn, 'SYMMETRIC_DEFAULT']] as const) {
          if (!keyArn || !keySpec) continue;
          const dataKey = await call('GenerateDataKey', { KeyId: keyArn, KeySpec: 'AES_256' }, [metadataPayload('KeyId', keyArn), metadataPayload('KeySpec', 'AES_256')], (output) => [
            bytesPayload('key', 'Plaintext (data key)', output.Plaintext as Uint8Array, 4),
            bytesPayload('encrypted-key', 'CiphertextBlob (data key under the KMS key)', output.CiphertextBlob as Uint8Array),
          ]);
          state.dataKeys.push({ keySpec, answer: answerOf('GenerateDataKey', dataKey) });
        }
        net.note(ACTORS.app, 'envelope encryption needs GenerateDataKey, and only a symmetric encryption key can answer it', { tone: 'info' });
      },
      async 'sign-release'() {
        const created = await createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, 'Signs example-corp-agent releases');
        const keyArn = keyArnOf(created);
        if (!keyArn) return;
        const message = textBytes(RELEASE_TEXT);
        const signed = await call('Sign', { KeyId: keyArn, Message: message, SigningAlgorithm: SIGNING_ALGORITHM }, [textPayload('Message (the release manifest)', RELEASE_TEXT), metadataPayload('SigningAlgorithm', SIGNING_ALGORITHM)], (output) => [
          bytesPayload('signature', 'Signature (DER)', output.Signature as Uint8Array),
        ]);
        const publicKey = await getPublicKey(keyArn);
        if (!signed.ok || !publicKey.ok) return;
        releaseSignature = signed.output.Signature as Uint8Array;
        const pem = spkiToPem(publicKey.output.PublicKey as Uint8Array);
        net.send({ from: ACTORS.app, to: ACTORS.mirror, label: 'publish release + signature', carries: [textPayload('release manifest', RELEASE_TEXT), bytesPayload('signature', 'signature', releaseSignature)], wire: message });
        net.send({ from: ACTORS.app, to: ACTORS.customer, label: 'public key (PEM) on the website', carries: [pemPayload('release public key (PEM)', pem)], wire: textBytes(pem) });
        customer = new OutsideParty('customer', pem);
        net.send({ from: ACTORS.mirror, to: ACTORS.customer, label: 'download', carries: [textPayload('release manifest', RELEASE_TEXT), bytesPayload('signature', 'signature', releaseSignature)], wire: message });
        const validOffline = await customer.verify(message, releaseSignature, SIGNING_ALGORITHM);
        state.release = { keyArn, signatureBytes: releaseSignature.length, validOffline, pem };
        net.note(ACTORS.customer, `verifies the signature with the public key, offline: ${validOffline ? 'valid, this is the release Example Corp signed' : 'INVALID'}`, { tone: validOffline ? 'success' : 'danger' });
      },
      async 'tamper'(event) {
        const text = typeof event.text === 'string' ? event.text : '';
        if (!state.release || !releaseSignature || !customer) {
          net.note(ACTORS.mirror, 'has no signed release to alter yet', { tone: 'warning' });
          return;
        }
        const changed = text !== RELEASE_TEXT;
        const served = textBytes(text);
        net.note(ACTORS.mirror, changed ? 'serves an altered manifest with the original signature' : 'serves the manifest unchanged', {
          tone: changed ? 'danger' : 'info',
          carries: [textPayload('manifest as served', text)],
        });
        net.send({ from: ACTORS.mirror, to: ACTORS.customer, label: 'download', carries: [textPayload('release manifest', text), bytesPayload('signature', 'original signature', releaseSignature)], wire: served });
        const validOffline = await customer.verify(served, releaseSignature, SIGNING_ALGORITHM);
        net.note(ACTORS.customer, `verifies offline with the public key: ${validOffline ? 'valid' : 'INVALID, refuses to install'}`, { tone: validOffline ? 'success' : 'danger' });
        // Example Corp's own check of the same bytes, through KMS: the same answer, in AWS's words.
        const verified = await call('Verify', { KeyId: state.release.keyArn, Message: served, Signature: releaseSignature, SigningAlgorithm: SIGNING_ALGORITHM }, [
          textPayload('Message (as the mirror serves it)', text),
          bytesPayload('signature', 'Signature', releaseSignature),
        ], (output) => [metadataPayload('SignatureValid', String(output.SignatureValid))]);
        state.tamperings.push({ text, changed, validOffline, kmsVerify: answerOf('Verify', verified) });
      },
      async 'hmac-round-trip'() {
        const created = await createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, 'Signs session tokens');
        const keyArn = keyArnOf(created);
        if (!keyArn) return;
        const token = textBytes(SESSION_TOKEN);
        const generated = await call('GenerateMac', { KeyId: keyArn, Message: token, MacAlgorithm: MAC_ALGORITHM }, [textPayload('Message (session token)', SESSION_TOKEN)], (output) => [bytesPayload('signature', 'Mac', output.Mac as Uint8Array)]);
        if (!generated.ok) return;
        const mac = generated.output.Mac as Uint8Array;
        const verify = await call('VerifyMac', { KeyId: keyArn, Message: token, Mac: mac, MacAlgorithm: MAC_ALGORITHM }, [textPayload('Message', SESSION_TOKEN), bytesPayload('signature', 'Mac', mac)], (output) => [metadataPayload('MacValid', String(output.MacValid))]);
        const forged = SESSION_TOKEN.replace('role=viewer', 'role=admin');
        const tamperedVerify = await call('VerifyMac', { KeyId: keyArn, Message: textBytes(forged), Mac: mac, MacAlgorithm: MAC_ALGORITHM }, [textPayload('Message (role changed to admin)', forged), bytesPayload('signature', 'Mac', mac)]);
        const publicKey = await getPublicKey(keyArn);
        state.mac = { generated: true, verify: answerOf('VerifyMac', verify), tamperedVerify: answerOf('VerifyMac', tamperedVerify), getPublicKey: answerOf('GetPublicKey', publicKey) };
        net.note(ACTORS.app, 'checks MACs only by calling KMS: an HMAC key is a shared secret with no public half', { tone: 'info' });
      },
      async 'list-keys'() {
        const keys = kms.keys({ accountId: ACCOUNT, region: REGION }).map((k) => ({ spec: String(k.metadata.KeySpec), usage: String(k.metadata.KeyUsage), manager: String(k.metadata.KeyManager) }));
        state.keyList = keys.filter((k) => k.manager === 'CUSTOMER').map(({ spec, usage }) => ({ spec, usage }));
        net.note(ACTORS.kms, `holds ${state.keyList.length} customer managed keys: ${state.keyList.map((k) => `${k.spec} (${k.usage})`).join(', ')}. Each costs $1 a month, whatever its type`, {
          carries: state.keyList.map((k) => heldKeyPayload(`${k.spec} ${k.usage}`)),
        });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'key-types'),
    };
  },

  actions: {
    'create-key': {
      label: 'Create the key',
      description: 'Alice creates a KMS key with the key spec and key usage you choose. Then the app asks KMS for its public key, to hand to the partner.',
      fields: [
        { name: 'spec', label: 'Key spec', kind: 'select', default: 'SYMMETRIC_DEFAULT', options: SPEC_CHOICES.map((value) => ({ value, label: value })) },
        { name: 'usage', label: 'Key usage', kind: 'select', default: 'ENCRYPT_DECRYPT', options: USAGE_CHOICES.map((value) => ({ value, label: value })) },
      ],
      toEvent: (input) => ({ type: 'create-key', spec: choiceOf(SPEC_CHOICES, input.spec, 'a key spec'), usage: choiceOf(USAGE_CHOICES, input.usage, 'a key usage') }),
    },
    'encrypt-as-partner': {
      label: 'Encrypt with the public key and send',
      description: `The partner encrypts your text in its own browser with the downloaded public key and sends the ciphertext. The app asks KMS to decrypt it with the agreed algorithm, ${RSA_ALGORITHM}.`,
      fields: [
        { name: 'text', label: 'Partner\'s message', kind: 'text', default: 'Our bid for lot 7 is 2.1M GBP', maxLength: MAX_MESSAGE_CHARS },
        { name: 'algorithm', label: 'Partner\'s algorithm', kind: 'select', default: RSA_ALGORITHM, options: PARTNER_ALGORITHMS.map((value) => ({ value, label: value === RSA_ALGORITHM ? `${value} (as agreed)` : value })) },
      ],
      toEvent: (input) => ({ type: 'partner-encrypts', text: validText(input.text, MAX_MESSAGE_CHARS), algorithm: choiceOf(PARTNER_ALGORITHMS, input.algorithm ?? RSA_ALGORITHM, 'an algorithm') }),
    },
    'tamper-release': {
      label: 'Serve it from the mirror',
      description: 'Edit the release manifest as a compromised download mirror would, keep the original signature, and let the customer verify what it downloads.',
      fields: [{ name: 'text', label: 'Manifest as the mirror serves it', kind: 'text', default: TAMPERED_DEFAULT, maxLength: MAX_RELEASE_CHARS }],
      toEvent: (input) => ({ type: 'tamper', text: validText(input.text, MAX_RELEASE_CHARS) }),
    },
  },

  checks: {
    symmetricStaysInside: {
      description: 'The symmetric key encrypts and decrypts inside KMS, and KMS refuses to hand out any public key for it',
      test: (state) =>
        state.symmetric.some((a) => a.operation === 'Decrypt' && a.answer === 'ok') && state.symmetric.some((a) => a.operation === 'GetPublicKey' && a.answer === 'UnsupportedOperationException'),
    },
    partnerCanEncrypt: {
      description: 'Create a key whose public key lets a partner without an AWS account encrypt for you',
      test: (state) => state.choices.some((c) => c.created === 'ok' && c.publicKey === 'ok' && c.publicKeyUsage === 'ENCRYPT_DECRYPT') && state.partnerKeyArn !== undefined,
    },
    partnerHoldsPublicKey: {
      description: 'The partner holds the public key as PEM, and nothing else from AWS',
      test: (state, events) => state.partnerPem !== undefined && events.some((e) => e.type === 'message' && e.to === 'partner' && e.carries.some((p) => p.kind === 'public-key')),
    },
    ownMessageDecrypted: {
      description: 'Encrypt a message of your own as the partner, and get it back through KMS Decrypt',
      test: (state) => state.partnerMessages.some((m) => m.kmsPlaintext !== undefined && m.kmsPlaintext === m.text),
    },
    limitsMeasured: {
      description: 'KMS refuses one byte more than each algorithm takes, and refuses a data key under the RSA key',
      test: (state) =>
        state.limits.length >= 3 &&
        state.limits.every((l) => l.overLimit.answer === 'ValidationException') &&
        state.dataKeys.some((d) => d.keySpec !== 'SYMMETRIC_DEFAULT' && d.answer.answer === 'InvalidKeyUsageException') &&
        state.dataKeys.some((d) => d.keySpec === 'SYMMETRIC_DEFAULT' && d.answer.answer === 'ok'),
    },
    releaseVerifiedOffline: {
      description: 'KMS signs the release; a customer verifies it with the public key alone',
      test: (state) => state.release?.validOffline === true,
    },
    tamperDetected: {
      description: 'Alter the release on the mirror and see the signature check fail, offline and in KMS',
      test: (state) => state.tamperings.some((t) => t.changed && !t.validOffline && t.kmsVerify.answer === 'KMSInvalidSignatureException'),
    },
    macNeedsKms: {
      description: 'An HMAC key makes and checks MACs inside KMS; a changed token fails and there is no public key',
      test: (state) => state.mac?.verify.answer === 'ok' && state.mac.tamperedVerify.answer === 'KMSInvalidMacException' && state.mac.getPublicKey.answer === 'UnsupportedOperationException',
    },
    keysListed: {
      description: 'List the customer managed keys the lesson created, one of each type',
      test: (state) => (state.keyList?.length ?? 0) >= 4,
    },
  },

  holdings(state) {
    const kmsKeys: Payload[] = [];
    if (state.symmetricKeyArn) kmsKeys.push(heldKeyPayload('payroll key (SYMMETRIC_DEFAULT, AES-256)'));
    if (state.partnerKeyArn) kmsKeys.push(heldKeyPayload(`partner key: ${state.partnerKeySpec} private key`));
    if (state.release) kmsKeys.push(heldKeyPayload('release key: ECC_NIST_P256 private key'));
    if (state.mac) kmsKeys.push(heldKeyPayload('token key (HMAC_256)'));
    const lastTamper = state.tamperings.at(-1);
    return {
      app: [metadataPayload('IAM: alice', 'AdministratorAccess'), metadataPayload('key material held', 'none: every key stays in KMS')],
      kms: kmsKeys,
      partner: [
        ...(state.partnerPem ? [pemPayload('partner key: public key (PEM)', state.partnerPem)] : []),
        ...state.partnerMessages.map((m): Payload => ({ kind: 'plaintext', label: 'its message', preview: m.text })),
        metadataPayload('AWS credentials', 'none'),
      ],
      customer: state.release ? [pemPayload('release key: public key (PEM)', state.release.pem), metadataPayload('AWS credentials', 'none')] : [metadataPayload('AWS credentials', 'none')],
      mirror: state.release
        ? [{ kind: 'plaintext', label: 'release manifest', preview: lastTamper?.text ?? RELEASE_TEXT }, { kind: 'signature', label: 'signature', bytes: state.release.signatureBytes }]
        : [],
    };
  },

  notSimulated: [
    // What the engine itself refuses as not simulated, in its own words (src/kms/keys/key-specs.ts).
    ...notSimulatedSpecs().map(({ specs, reason }) => `Key spec${specs.length > 1 ? 's' : ''} ${specs.join(', ')}: ${reason}. CreateKey answers UnsupportedOperationException in KMS Lab.`),
    'Multi-Region keys (primary and replicas sharing key material, each billed as a key): CreateKey with MultiRegion answers UnsupportedOperationException in KMS Lab.',
    'KEY_AGREEMENT keys (DeriveSharedSecret) and asymmetric data key pairs (GenerateDataKeyPair) exist in the engine but are outside this lesson.',
    'Sign with MessageType DIGEST (the caller hashes, KMS signs the digest) and the EXTERNAL_MU message type.',
    'Request prices: AWS bills asymmetric requests in their own price tiers; this lesson shows only that every customer managed key costs the same $1 a month.',
  ],
});
