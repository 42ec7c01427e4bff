/**
 * Checks a saved engine state before the engine trusts it. Saved data comes back from IndexedDB,
 * where another version of KMS Lab, a full disk or a half-written record can leave anything; a
 * state that does not have the shape the engine relies on is refused with a readable reason.
 */
import * as v from 'valibot';
import { KEY_SPECS, KEY_USAGES } from '../keys/key-specs.ts';
import { KEY_STATES } from '../keys/key-state-machine.ts';
import { KMS_STATE_VERSION, type KmsEngineState } from './engine-state.ts';

/** 9999-12-31T23:59:59.999Z: the last moment every date format of KMS Lab can print. */
export const LATEST_MODEL_TIME = 253_402_300_799_999;

const cryptoKey = v.instance(CryptoKey, 'is not a CryptoKey');
/** Model time in ms, as the clock and the keys hold it. */
export const modelTimeSchema = v.pipe(v.number(), v.minValue(0), v.maxValue(LATEST_MODEL_TIME));
const timestamp = modelTimeSchema;

const backingKey = v.looseObject({ materialId: v.string(), key: cryptoKey, createdAt: timestamp });

const asymmetric = v.looseObject({
  publicKeySpki: v.instance(Uint8Array),
  privateKeys: v.map(v.string(), cryptoKey),
  publicKeys: v.map(v.string(), cryptoKey),
});

const grant = v.looseObject({
  grantId: v.string(),
  token: v.string(),
  keyArn: v.string(),
  granteePrincipal: v.string(),
  issuingAccount: v.string(),
  operations: v.array(v.string()),
  createdAt: timestamp,
});

const key = v.looseObject({
  id: v.string(),
  arn: v.string(),
  accountId: v.string(),
  region: v.string(),
  createdAt: timestamp,
  description: v.string(),
  spec: v.picklist(KEY_SPECS),
  usage: v.picklist(KEY_USAGES),
  origin: v.picklist(['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']),
  manager: v.picklist(['CUSTOMER', 'AWS']),
  state: v.picklist(KEY_STATES),
  deletionDate: v.optional(timestamp),
  backing: v.array(backingKey),
  currentMaterialId: v.optional(v.string()),
  asymmetric: v.optional(asymmetric),
  hmacKey: v.optional(cryptoKey),
  rotation: v.looseObject({ enabled: v.boolean(), periodDays: v.number(), nextRotationAt: v.optional(timestamp), onDemandCount: v.number() }),
  policy: v.string(),
  tags: v.map(v.string(), v.string()),
  grants: v.array(grant),
  importedMaterialIds: v.set(v.string()),
});

const alias = v.looseObject({
  aliasName: v.string(),
  aliasArn: v.string(),
  accountId: v.string(),
  region: v.string(),
  targetKeyId: v.string(),
  createdAt: timestamp,
  lastUpdatedAt: timestamp,
});

const stateSchema = v.looseObject({
  version: v.literal(KMS_STATE_VERSION, (issue) => `version ${String(issue.input)} is not ${KMS_STATE_VERSION}`),
  time: timestamp,
  rng: v.looseObject({ words: v.tuple([v.number(), v.number(), v.number(), v.number()]), spareNormal: v.optional(v.number()) }),
  accountId: v.pipe(v.string(), v.regex(/^\d{12}$/)),
  store: v.looseObject({ keys: v.array(key), aliases: v.array(alias), deletedKeyArns: v.array(v.string()) }),
  audit: v.array(v.looseObject({ eventID: v.string(), eventName: v.string(), eventTime: v.string() })),
  denials: v.optional(v.array(v.tuple([v.string(), v.array(v.looseObject({ action: v.string(), caller: v.looseObject({ arn: v.string() }) }))]))),
});

/** Where in the value a problem is, e.g. `store.keys.2.backing.0.key`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

/** The state as the engine takes it, or an Error saying what is wrong and where. */
export function readKmsState(value: unknown): KmsEngineState {
  const parsed = v.safeParse(stateSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issuePath(issue);
    throw new Error(`saved KMS state is invalid${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  // The schema checked every field the engine reads; the rest of each record is the engine's own data.
  return parsed.output as unknown as KmsEngineState;
}
