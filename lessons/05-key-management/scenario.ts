/**
 * Key management: one customer managed key taken through its whole life (create, alias, disable,
 * enable, automatic and on-demand rotation, scheduled deletion, cancel, deletion for good), then
 * the three kinds of key side by side (AWS managed, customer managed, imported material) and what
 * they cost. Every state and every refusal is the engine's own (createKms and its key-state
 * machine); the model clock makes a year of rotation or a deletion window pass in one step.
 *
 * Determinism: ids come from the lesson's seed and the model clock starts at 2026-01-01; only the
 * bytes of keys and ciphertexts (WebCrypto) differ between runs, and no check depends on them.
 */
import { createKms, type KmsCaller, type NamedPolicy, type Output } from '../../src/kms/index';
import { defineScenario, type ScenarioEvent } from '../../src/lessons/types';
import { lifecyclePanel } from './lifecycle-panel';
import { estimateMonthlyPrice, type PriceEstimate } from './price-estimate';
import { MS_PER_DAY } from '../../src/sim/core/clock';
import type { Payload } from '../../src/sim/core/events';
import { createNetwork } from '../../src/sim/network/network';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../../src/sim/network/payloads';
import { callKms, type KmsCallResult } from '../../src/sim/storage';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ALIAS = 'alias/payroll';
export const RECORD = 'Payroll run 2026-01: 42 employees, total 187,400 GBP';
/** Days the imported material stays valid before KMS deletes it (ValidTo). */
export const IMPORT_VALID_DAYS = 30;
const ACTORS = { app: 'app', kms: 'kms', s3: 's3', owner: 'owner' } as const;

/** What the learner may do to the key in the "disable and enable" step. */
export const SWITCH_CHOICES = ['DisableKey', 'Encrypt', 'EnableKey'] as const;
/** What the learner may do in the "schedule deletion" step. */
export const DELETION_CHOICES = ['ScheduleKeyDeletion', 'Encrypt', 'CancelKeyDeletion'] as const;

/** AWS's managed policy of that name: Alice administers the account. */
const ADMINISTRATOR_ACCESS: NamedPolicy = { name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

export interface KmsAnswer {
  operation: string;
  /** 'ok', or the exception KMS answered with. */
  answer: string;
  message?: string;
  /** The key's state (DescribeKey) right after the call. */
  stateAfter?: string;
}

export interface KeyManagementState {
  keyArn?: string;
  /** The key's state as KMS reports it now (DescribeKey), or 'deleted' once DescribeKey says NotFoundException. */
  keyState?: string;
  aliasTarget?: string;
  /** Every call on the payroll key, in order, with the state KMS reported after it. */
  history: KmsAnswer[];
  /** Every change of the payroll key's state, in order, with what caused it (an operation, or "model clock"). */
  lifecycle: { from: string; to: string; by: string }[];
  rotation?: {
    /** ListKeyRotations after a model year: the backing key versions. */
    versions: { keyMaterialId: string; rotationType?: string }[];
    /** Which material decrypted the record encrypted before the rotation, and whether the text came back. */
    oldDecrypt: { ok: boolean; keyMaterialId?: string };
    /** Which material decrypted a record encrypted after it. */
    newDecrypt: { ok: boolean; keyMaterialId?: string };
    firstMaterialId: string;
    onDemand?: { answer: string; versions: number };
  };
  /** The record encrypted in step one, as KMS answered after the deletion window passed. */
  afterDeletion?: { describe: string; decrypt: string; decryptMessage?: string };
  kinds?: {
    awsManaged: { alias: string; keyManager: string; rotationEnabled: boolean };
    imported: { origin: string; stateAfterImport: string; encrypt: string; stateAfterExpiry: string; encryptAfterExpiry: string; expiryMessage?: string };
  };
  price?: { customerManaged: number; awsManaged: number; rotationsBilled: number; monthlyDollars: number };
  /** The learner's estimates with the price calculator, in order. */
  estimates: PriceEstimate[];
}

/** The bill the last step asks the learner to estimate. */
export const PRICE_EXERCISE = { customerManagedKeys: 3, rotationsPerKey: 2, symmetricRequests: 1_000_000, asymmetricRequests: 0 } as const;

/** A count typed in the calculator: a whole number from 0 to a billion. */
function countOf(raw: string | undefined, what: string): number {
  const n = Number((raw ?? '').replaceAll(',', '').trim());
  if (!Number.isInteger(n) || n < 0 || n > 1e9) throw new Error(`Type ${what} as a whole number from 0 to 1,000,000,000.`);
  return n;
}

const textBytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

function choiceOf<T extends string>(options: readonly T[], value: string | undefined, what: string): T {
  if (!value || !options.includes(value as T)) throw new Error(`Choose ${what}.`);
  return value as T;
}

/** The deletion window as typed: a whole number (KMS itself decides whether it is 7–30). */
function windowOf(raw: string | undefined): number {
  const days = Number(raw ?? '');
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error('Type a whole number of days between 1 and 365.');
  return days;
}

export default defineScenario<KeyManagementState>({
  async create({ rng, clock, stream }) {
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });
    const net = createNetwork({ stream, clock, rng });
    const alice: KmsCaller = { arn: ADMIN_ARN, identityPolicies: [ADMINISTRATOR_ACCESS] };
    const context = { caller: alice, region: REGION };
    const state: KeyManagementState = { history: [], lifecycle: [], estimates: [] };
    let record: Uint8Array | undefined;

    const call = (operation: string, input: Record<string, unknown>, request: Payload[], response: (output: Output) => Payload[] = () => [], from: string = ACTORS.app) =>
      callKms({ net, kms, from, kmsActor: ACTORS.kms, operation, input, context, request, response });

    /** The key's state as KMS reports it (not drawn: a view of the engine, like the console's). */
    const stateOf = async (keyId: string) =>
      kms.call('DescribeKey', { KeyId: keyId }, context).then(
        (out) => String((out.KeyMetadata as { KeyState: string }).KeyState),
        () => 'deleted',
      );
    const noteState = async (by: string) => {
      if (!state.keyArn) return;
      const before = state.keyState;
      state.keyState = await stateOf(state.keyArn);
      if (before !== state.keyState) state.lifecycle.push({ from: before ?? 'Creating', to: state.keyState, by });
      net.note(ACTORS.kms, `the payroll key is now ${state.keyState}`, { tone: state.keyState === 'Enabled' ? 'success' : state.keyState === 'deleted' ? 'danger' : 'warning' });
    };
    /** One call on the payroll key, recorded with the state it left the key in. */
    const onKey = async (operation: string, input: Record<string, unknown>, request: Payload[], response?: (output: Output) => Payload[]) => {
      const result = await call(operation, { KeyId: state.keyArn, ...input }, [metadataPayload('KeyId', ALIAS), ...request], response);
      const answer: KmsAnswer = result.ok ? { operation, answer: 'ok' } : { operation, answer: result.error.code, message: result.error.message };
      state.history.push(answer);
      await noteState(operation);
      answer.stateAfter = state.keyState;
      return result;
    };
    const encryptRecord = (text: string) =>
      onKey('Encrypt', { KeyId: ALIAS, Plaintext: textBytes(text) }, [textPayload('Plaintext', text)], (out) => [bytesPayload('ciphertext', 'CiphertextBlob', out.CiphertextBlob as Uint8Array)]);
    const decrypt = (blob: Uint8Array) =>
      call('Decrypt', { CiphertextBlob: blob }, [bytesPayload('ciphertext', 'CiphertextBlob (names its key)', blob)], (out) => [
        textPayload('Plaintext', new TextDecoder().decode(out.Plaintext as Uint8Array)),
        metadataPayload('KeyMaterialId', String(out.KeyMaterialId).slice(0, 12) + '…'),
      ]);
    const materialOf = (result: KmsCallResult) => (result.ok ? String(result.output.KeyMaterialId) : undefined);
    /** Model time passes; the engine applies rotations, expiries and deletions that fell due. */
    const advanceDays = async (days: number, why: string) => {
      clock.advance(days * MS_PER_DAY);
      await kms.settle();
      net.note(ACTORS.kms, `${days} days pass on the model clock (${why}): it is now ${new Date(clock.now()).toISOString().slice(0, 10)}`, { tone: 'info' });
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'create-key'() {
        const created = await call('CreateKey', { Description: 'Protects the payroll records' }, [metadataPayload('KeySpec', 'SYMMETRIC_DEFAULT')], (out) => [
          metadataPayload('KeyState', String((out.KeyMetadata as { KeyState: string }).KeyState)),
          heldKeyPayload('key material (stays in KMS)'),
        ]);
        if (!created.ok) return;
        state.keyArn = String((created.output.KeyMetadata as { Arn: string }).Arn);
        await noteState('CreateKey');
        await call('CreateAlias', { AliasName: ALIAS, TargetKeyId: state.keyArn }, [metadataPayload('AliasName', ALIAS)]);
        state.aliasTarget = kms.aliases({ region: REGION }).find((a) => a.aliasName === ALIAS)?.targetKeyId;
        const encrypted = await encryptRecord(RECORD);
        if (encrypted.ok) record = encrypted.output.CiphertextBlob as Uint8Array;
      },
      async 'switch'(event) {
        const operation = String(event.operation);
        if (operation === 'Encrypt') await encryptRecord('Payroll run 2026-02');
        else await onKey(operation, {}, []);
      },
      async 'rotate'() {
        if (!state.keyArn || !record) return;
        const first = materialOf(await decrypt(record));
        await onKey('EnableKeyRotation', {}, [metadataPayload('RotationPeriodInDays', '365 (default)')]);
        await advanceDays(365, 'a year of automatic rotation');
        const listed = await onKey('ListKeyRotations', { IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }, [metadataPayload('IncludeKeyMaterial', 'ALL_KEY_MATERIAL')], (out) => (out.Rotations as { KeyMaterialId: string; RotationType?: string }[]).map((r) => metadataPayload(r.RotationType ?? 'original', r.KeyMaterialId.slice(0, 12) + '…')));
        const versions = listed.ok ? (listed.output.Rotations as { KeyMaterialId: string; RotationType?: string }[]).map((r) => ({ keyMaterialId: r.KeyMaterialId, rotationType: r.RotationType })) : [];
        const old = await decrypt(record);
        const fresh = await encryptRecord('Payroll run 2027-01');
        const fresher = fresh.ok ? await decrypt(fresh.output.CiphertextBlob as Uint8Array) : undefined;
        state.rotation = {
          versions,
          firstMaterialId: first ?? '',
          oldDecrypt: { ok: old.ok, keyMaterialId: materialOf(old) },
          newDecrypt: { ok: fresher?.ok ?? false, keyMaterialId: fresher ? materialOf(fresher) : undefined },
        };
        net.note(ACTORS.kms, 'the old record decrypts with the original material; the new one was encrypted with the new material. The key ARN and the alias did not change', { tone: 'success' });
      },
      async 'rotate-on-demand'() {
        if (!state.rotation) return;
        const rotated = await onKey('RotateKeyOnDemand', {}, []);
        const listed = await kms.call('ListKeyRotations', { KeyId: state.keyArn, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }, context).catch(() => ({ Rotations: [] }));
        state.rotation.onDemand = { answer: rotated.ok ? 'ok' : rotated.error.code, versions: (listed.Rotations as unknown[]).length };
        net.note(ACTORS.kms, `now lists ${state.rotation.onDemand.versions} backing key versions; on-demand rotation does not move the yearly schedule`, { tone: 'info' });
      },
      async 'deletion'(event) {
        const operation = String(event.operation);
        if (operation === 'Encrypt') await encryptRecord('Payroll run 2027-02');
        else if (operation === 'ScheduleKeyDeletion') await onKey(operation, { PendingWindowInDays: Number(event.days) }, [metadataPayload('PendingWindowInDays', String(event.days))], (out) => [metadataPayload('DeletionDate', (out.DeletionDate as Date).toISOString().slice(0, 10))]);
        else await onKey(operation, {}, []);
      },
      async 'delete-for-good'() {
        if (!state.keyArn || !record) return;
        await onKey('ScheduleKeyDeletion', { PendingWindowInDays: 7 }, [metadataPayload('PendingWindowInDays', '7')]);
        await advanceDays(7, 'the deletion window ends');
        await noteState('model clock');
        const opened = await decrypt(record);
        state.afterDeletion = { describe: state.keyState ?? '', decrypt: opened.ok ? 'ok' : opened.error.code, decryptMessage: opened.ok ? undefined : opened.error.message };
        net.note(ACTORS.app, 'still holds the ciphertext of the January payroll, and nobody, not even AWS, can ever decrypt it again', { tone: 'danger' });
      },
      async 'three-kinds'() {
        // AWS managed: created by the service on first use, rotated yearly, free of the monthly fee.
        const managed = await kms.awsManagedKey('s3', { region: REGION });
        const managedArn = String(managed.Arn);
        net.send({ from: ACTORS.s3, to: ACTORS.kms, label: 'first use of SSE-KMS', carries: [metadataPayload('creates', 'alias/aws/s3')], wire: textBytes('first use of SSE-KMS in eu-west-2') });
        const rotationEnabled = await kms.call('GetKeyRotationStatus', { KeyId: managedArn }, context).then((o) => o.KeyRotationEnabled === true, () => false);
        net.note(ACTORS.kms, `alias/aws/s3: KeyManager ${String(managed.KeyManager)}, rotation ${rotationEnabled ? 'on (yearly, by AWS)' : 'off'}`, { carries: [heldKeyPayload('alias/aws/s3 (AWS managed)')] });

        // Imported material: the owner makes 256-bit material outside AWS and wraps it for KMS.
        const created = await call('CreateKey', { Origin: 'EXTERNAL', Description: 'Bring your own key' }, [metadataPayload('Origin', 'EXTERNAL')], (out) => [metadataPayload('KeyState', String((out.KeyMetadata as { KeyState: string }).KeyState))], ACTORS.owner);
        if (!created.ok) return;
        const keyId = String((created.output.KeyMetadata as { Arn: string }).Arn);
        const params = await call('GetParametersForImport', { KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }, [metadataPayload('WrappingKeySpec', 'RSA_2048')], (out) => [
          bytesPayload('public-key', 'PublicKey (wrapping key)', out.PublicKey as Uint8Array),
          bytesPayload('metadata', 'ImportToken', out.ImportToken as Uint8Array),
        ], ACTORS.owner);
        if (!params.ok) return;
        const material = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
        const wrapping = await crypto.subtle.importKey('spki', params.output.PublicKey as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
        const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', material, wrapping, { name: 'RSA-OAEP' }));
        net.note(ACTORS.owner, `wraps its 256-bit material with the wrapping public key (RSA-OAEP SHA-256, ${wrapped.length} bytes) in its own browser`, { carries: [heldKeyPayload('256-bit key material (the owner keeps a copy)')] });
        const validTo = new Date(clock.now() + IMPORT_VALID_DAYS * MS_PER_DAY);
        await call('ImportKeyMaterial', { KeyId: keyId, ImportToken: params.output.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo }, [
          bytesPayload('encrypted-key', 'EncryptedKeyMaterial', wrapped),
          metadataPayload('ValidTo', validTo.toISOString().slice(0, 10)),
        ], () => [], ACTORS.owner);
        const stateAfterImport = await stateOf(keyId);
        const before = await call('Encrypt', { KeyId: keyId, Plaintext: textBytes('BYOK test') }, [textPayload('Plaintext', 'BYOK test')], () => [], ACTORS.owner);
        await advanceDays(IMPORT_VALID_DAYS + 1, 'the imported material passes its ValidTo');
        const stateAfterExpiry = await stateOf(keyId);
        const after = await call('Encrypt', { KeyId: keyId, Plaintext: textBytes('BYOK test') }, [textPayload('Plaintext', 'BYOK test')], () => [], ACTORS.owner);
        net.note(ACTORS.kms, `deleted the expired material: the imported key is ${stateAfterExpiry} until the owner imports the same material again`, { tone: 'warning' });
        state.kinds = {
          awsManaged: { alias: 'alias/aws/s3', keyManager: String(managed.KeyManager), rotationEnabled },
          imported: {
            origin: 'EXTERNAL',
            stateAfterImport,
            encrypt: before.ok ? 'ok' : before.error.code,
            stateAfterExpiry,
            encryptAfterExpiry: after.ok ? 'ok' : after.error.code,
            expiryMessage: after.ok ? undefined : after.error.message,
          },
        };
      },
      async 'price'() {
        // Keys pending deletion or deleted are not billed; AWS managed keys have no monthly fee.
        const keys = kms.keys({ accountId: ACCOUNT, region: REGION }).filter((k) => k.metadata.KeyState !== 'PendingDeletion');
        const customer = keys.filter((k) => k.metadata.KeyManager === 'CUSTOMER');
        // Since April 2024 only the first and second rotations of a key add $1 a month each.
        const rotationsBilled = customer.reduce((sum, k) => sum + Math.min(2, Math.max(0, k.backingKeyVersions.length - 1)), 0);
        state.price = {
          customerManaged: customer.length,
          awsManaged: keys.filter((k) => k.metadata.KeyManager === 'AWS').length,
          rotationsBilled,
          monthlyDollars: customer.length + rotationsBilled,
        };
        net.note(ACTORS.kms, `bills ${state.price.customerManaged} customer managed key(s) at $1 a month and ${rotationsBilled} billed rotation(s) at $1 a month: $${state.price.monthlyDollars} a month, plus $0.03 per 10,000 symmetric requests after the free tier`, { tone: 'info' });
      },
      async 'estimate-price'(event) {
        const estimate = estimateMonthlyPrice({
          customerManagedKeys: Number(event.keys),
          rotationsPerKey: Number(event.rotations),
          symmetricRequests: Number(event.symmetric),
          asymmetricRequests: Number(event.asymmetric),
        });
        state.estimates.push(estimate);
        net.note(ACTORS.kms, `the price calculator estimates $${estimate.totalUsd.toFixed(2)} a month (keys, rotations and symmetric requests)`, { tone: 'info' });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'key-management'),
    };
  },

  actions: {
    'switch-key': {
      label: 'Send the request',
      description: `Alice sends one request about the payroll key (${ALIAS}). KMS answers and the key's state shows under the diagram.`,
      fields: [{ name: 'operation', label: 'Request', kind: 'select', default: 'DisableKey', options: SWITCH_CHOICES.map((value) => ({ value, label: value })) }],
      toEvent: (input) => ({ type: 'switch', operation: choiceOf(SWITCH_CHOICES, input.operation, 'a request') }),
    },
    'estimate-price': {
      label: 'Estimate the bill',
      description: 'A month of KMS: the calculator uses the list prices of the engine\'s pricing module and shows the bill line by line.',
      fields: [
        { name: 'keys', label: 'Customer managed keys', kind: 'number', default: '1' },
        { name: 'rotations', label: 'Rotations per key so far', kind: 'number', default: '0' },
        { name: 'symmetric', label: 'Symmetric requests a month', kind: 'number', default: '0' },
        { name: 'asymmetric', label: 'Asymmetric and other requests a month', kind: 'number', default: '0' },
      ],
      toEvent: (input) => ({
        type: 'estimate-price',
        keys: countOf(input.keys, 'the number of keys'),
        rotations: countOf(input.rotations, 'the rotations per key'),
        symmetric: countOf(input.symmetric, 'the symmetric requests'),
        asymmetric: countOf(input.asymmetric, 'the asymmetric requests'),
      }),
    },
    'deletion-request': {
      label: 'Send the deletion request',
      description: 'Schedule the deletion of the payroll key (the waiting period is used only by ScheduleKeyDeletion), try to use it, or cancel.',
      fields: [
        { name: 'operation', label: 'Request', kind: 'select', default: 'ScheduleKeyDeletion', options: DELETION_CHOICES.map((value) => ({ value, label: value })) },
        { name: 'days', label: 'Waiting period in days', kind: 'number', default: '7' },
      ],
      toEvent: (input) => {
        const operation = choiceOf(DELETION_CHOICES, input.operation, 'a request');
        return operation === 'ScheduleKeyDeletion' ? { type: 'deletion', operation, days: windowOf(input.days) } : { type: 'deletion', operation };
      },
    },
  },

  checks: {
    priceEstimated: {
      description: `Estimate the monthly bill of ${PRICE_EXERCISE.customerManagedKeys} customer managed keys rotated ${PRICE_EXERCISE.rotationsPerKey} times each, with ${PRICE_EXERCISE.symmetricRequests.toLocaleString('en-US')} symmetric requests a month`,
      test: (state) =>
        state.estimates.some((e) => (Object.keys(PRICE_EXERCISE) as (keyof typeof PRICE_EXERCISE)[]).every((k) => e.input[k] === PRICE_EXERCISE[k])),
    },
    keyCreated: {
      description: 'A customer managed key with an alias encrypts the payroll record',
      test: (state) => state.keyState === 'Enabled' && state.aliasTarget !== undefined && state.history.some((a) => a.operation === 'Encrypt' && a.answer === 'ok'),
    },
    disabledThenEnabled: {
      description: 'Disable the key, see Encrypt refused with DisabledException, then enable it again',
      test: (state) => {
        const refused = state.history.findIndex((a) => a.operation === 'Encrypt' && a.answer === 'DisabledException');
        return refused >= 0 && state.history.slice(refused).some((a) => a.operation === 'EnableKey' && a.answer === 'ok') && state.keyState === 'Enabled';
      },
    },
    rotatedKeepsOldCiphertexts: {
      description: 'After a year the key has a new backing version; the old record still decrypts with the old material',
      test: (state) => {
        const r = state.rotation;
        return !!r && r.versions.length >= 2 && r.oldDecrypt.ok && r.oldDecrypt.keyMaterialId === r.firstMaterialId && r.newDecrypt.ok && r.newDecrypt.keyMaterialId !== r.firstMaterialId;
      },
    },
    deletionCancelled: {
      description: 'Schedule the deletion with a window of 7 to 30 days, then cancel it: the key comes back Disabled',
      test: (state) => {
        const scheduled = state.history.findIndex((a) => a.operation === 'ScheduleKeyDeletion' && a.answer === 'ok');
        return scheduled >= 0 && state.history.slice(scheduled).some((a) => a.operation === 'CancelKeyDeletion' && a.answer === 'ok') && state.keyState === 'Disabled';
      },
    },
    deletedForGood: {
      description: 'Once the window passes, the key is gone and its ciphertexts cannot be decrypted',
      test: (state) => state.afterDeletion?.describe === 'deleted' && state.afterDeletion.decrypt !== 'ok',
    },
    kindsCompared: {
      description: 'An AWS managed key appears on first use; imported material expires and the key waits for import',
      test: (state) => state.kinds?.awsManaged.keyManager === 'AWS' && state.kinds.imported.encrypt === 'ok' && state.kinds.imported.stateAfterExpiry === 'PendingImport',
    },
    priced: {
      description: 'The monthly bill of the keys left in the account',
      test: (state) => state.price !== undefined,
    },
  },

  holdings(state) {
    const kmsKeys: Payload[] = [];
    if (state.keyArn) kmsKeys.push(heldKeyPayload(`${ALIAS} (customer managed)`), metadataPayload('key state', state.keyState ?? 'unknown'));
    if (state.rotation) kmsKeys.push(metadataPayload('backing key versions', String(state.rotation.onDemand?.versions ?? state.rotation.versions.length)));
    if (state.kinds) {
      kmsKeys.push(heldKeyPayload('alias/aws/s3 (AWS managed)'), metadataPayload('imported key state', state.kinds.imported.stateAfterExpiry));
    }
    return {
      app: [metadataPayload('IAM: alice', 'AdministratorAccess'), ...(state.history.length ? [{ kind: 'ciphertext', label: 'payroll record (ciphertext)' } as Payload] : [])],
      kms: kmsKeys,
      s3: state.kinds ? [metadataPayload('uses', 'alias/aws/s3')] : [],
      owner: state.kinds ? [heldKeyPayload('256-bit key material (its own copy)')] : [],
    };
  },

  // The payroll key's lifecycle, from its creation until the lesson turns to the other kinds of key.
  panels: (state) => {
    if (state.keyArn && !state.kinds) return [lifecyclePanel(state.keyState ?? 'Creating', state.lifecycle)];
    const estimate = state.estimates.at(-1);
    return estimate ? [{ kind: 'key-price', id: 'price-estimate', title: 'Your estimate of the monthly KMS bill', lines: estimate.lines, totalUsd: estimate.totalUsd }] : [];
  },

  notSimulated: [
    'Rotation happens at the instant the model clock reaches the date; AWS rotates within a day of it and on-demand rotation within seconds.',
    'The CloudWatch alarm AWS recommends on attempts to use a key pending deletion (from its CloudTrail events) is not simulated; KMS Lab shows the refusal on the diagram only.',
    'Multi-Region keys, custom key stores (CloudHSM, external key stores) and their Unavailable state are not simulated.',
    'Billing is computed from the list prices in the lesson; KMS Lab sends no bill, and proration by the hour is described, not metered. The price calculator prices keys, their first two rotations and symmetric requests after the free tier; asymmetric and other requests are counted but not priced, because their rates were not verified.',
  ],
});
