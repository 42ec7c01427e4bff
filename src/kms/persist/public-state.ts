/**
 * The non-secret part of a KMS state, as plain JSON (a sandbox export), and the way back: a state
 * whose keys have the same ids, ARNs, settings, policies, aliases, tags and grants but NEW key
 * material. Key material cannot leave KMS — no export holds it — so ciphertexts, signatures and
 * MACs made before the export cannot be decrypted or verified after an import. That is not a
 * shortcoming to hide: it is what "the key never leaves KMS" means, and the note says so.
 */
import * as v from 'valibot';
import { createRng } from '../../sim/core/rng.ts';
import type { CloudTrailEvent } from '../audit/cloudtrail-event.ts';
import { addKeyMaterial } from '../keys/key-factory.ts';
import { aliasArn, isKeyIdFormat, keyArn } from '../keys/identifiers.ts';
import { KEY_SPECS, KEY_USAGES, SPECS } from '../keys/key-specs.ts';
import type { Grant, KmsKey } from '../keys/kms-key.ts';
import { KEY_STATES } from '../keys/key-state-machine.ts';
import { KMS_STATE_VERSION, type KmsEngineState } from './engine-state.ts';

/** More keys would make an import generate key pairs for minutes. */
export const MAX_IMPORTED_KEYS = 200;

const iso = (ms: number) => new Date(ms).toISOString();
const isoTime = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO 8601 date and time, e.g. 2026-01-01T00:00:00.000Z'),
  v.transform(Date.parse),
  v.minValue(0, 'must be 1970 or later'),
);
const accountId = v.pipe(v.string(), v.regex(/^\d{12}$/, 'must be a 12-digit account id'));
const region = v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region name such as eu-west-2'));

const grantSchema = v.object({
  grantId: v.pipe(v.string(), v.nonEmpty()),
  name: v.optional(v.string()),
  granteePrincipal: v.string(),
  retiringPrincipal: v.optional(v.string()),
  issuingAccount: v.string(),
  operations: v.array(v.string()),
  constraints: v.optional(v.object({
    EncryptionContextSubset: v.optional(v.record(v.string(), v.string())),
    EncryptionContextEquals: v.optional(v.record(v.string(), v.string())),
  })),
  createdAt: isoTime,
});

const keySchema = v.object({
  keyId: v.pipe(v.string(), v.check(isKeyIdFormat, 'must be a key id (a UUID)')),
  accountId,
  region,
  createdAt: isoTime,
  description: v.pipe(v.string(), v.maxLength(8192)),
  keySpec: v.picklist(KEY_SPECS),
  keyUsage: v.picklist(KEY_USAGES),
  origin: v.picklist(['AWS_KMS', 'EXTERNAL'], 'must be AWS_KMS or EXTERNAL (custom key stores are not simulated)'),
  keyManager: v.picklist(['CUSTOMER', 'AWS']),
  keyState: v.picklist(KEY_STATES),
  deletionDate: v.optional(isoTime),
  pendingWindowInDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(7), v.maxValue(30))),
  rotation: v.object({
    enabled: v.boolean(),
    periodDays: v.pipe(v.number(), v.integer(), v.minValue(90), v.maxValue(2560)),
    nextRotationAt: v.optional(isoTime),
    onDemandRotations: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** How many versions of key material the key had (informational: the import creates one). */
  keyMaterialVersions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  policy: v.pipe(v.string(), v.maxLength(32_768)),
  tags: v.record(v.string(), v.string()),
  grants: v.array(grantSchema),
});

const aliasSchema = v.object({
  aliasName: v.pipe(v.string(), v.startsWith('alias/')),
  accountId,
  region,
  targetKeyId: v.string(),
  createdAt: isoTime,
  lastUpdatedAt: isoTime,
});

const eventSchema = v.looseObject({ eventID: v.string(), eventName: v.string(), eventTime: v.string() });

export const publicKmsStateSchema = v.object({
  accountId,
  keys: v.pipe(v.array(keySchema), v.maxLength(MAX_IMPORTED_KEYS, `at most ${MAX_IMPORTED_KEYS} keys can be imported`)),
  aliases: v.array(aliasSchema),
  deletedKeyArns: v.array(v.string()),
  audit: v.array(eventSchema),
});

/** The JSON form (dates as ISO strings). */
export type PublicKmsState = v.InferInput<typeof publicKmsStateSchema>;
/** The checked form (dates as epoch ms). */
export type CheckedPublicKmsState = v.InferOutput<typeof publicKmsStateSchema>;

/** Everything about the keys except their material, as JSON. */
export function publicKmsState(state: KmsEngineState): PublicKmsState {
  return {
    accountId: state.accountId,
    keys: state.store.keys.map((key) => ({
      keyId: key.id,
      accountId: key.accountId,
      region: key.region,
      createdAt: iso(key.createdAt),
      description: key.description,
      keySpec: key.spec,
      keyUsage: key.usage,
      origin: key.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_KMS',
      keyManager: key.manager,
      keyState: key.state,
      ...(key.deletionDate !== undefined ? { deletionDate: iso(key.deletionDate) } : {}),
      ...(key.pendingWindowInDays !== undefined ? { pendingWindowInDays: key.pendingWindowInDays } : {}),
      rotation: {
        enabled: key.rotation.enabled,
        periodDays: key.rotation.periodDays,
        ...(key.rotation.nextRotationAt !== undefined ? { nextRotationAt: iso(key.rotation.nextRotationAt) } : {}),
        onDemandRotations: key.rotation.onDemandCount,
      },
      keyMaterialVersions: key.backing.length,
      policy: key.policy,
      tags: Object.fromEntries(key.tags),
      // The grant token is left out: it works like a password for the grant. The import issues new ones.
      grants: key.grants.map(({ token: _token, keyArn: _keyArn, createdAt, ...grant }) => ({ ...grant, createdAt: iso(createdAt) })),
    })),
    aliases: state.store.aliases.map((alias) => ({
      aliasName: alias.aliasName,
      accountId: alias.accountId,
      region: alias.region,
      targetKeyId: alias.targetKeyId,
      createdAt: iso(alias.createdAt),
      lastUpdatedAt: iso(alias.lastUpdatedAt),
    })),
    deletedKeyArns: state.store.deletedKeyArns,
    audit: state.audit as unknown as PublicKmsState['audit'], // CloudTrail events are plain JSON already
  };
}

/** Problems a schema cannot see: the parts must fit together. */
export function publicStateProblems(state: CheckedPublicKmsState): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  state.keys.forEach((key, index) => {
    const where = `${key.region}/${key.keyId}`;
    if (ids.has(where)) problems.push(`keys.${index}: key ${key.keyId} appears twice`);
    ids.add(where);
    if (key.keyState === 'PendingDeletion' && key.deletionDate === undefined) problems.push(`keys.${index}: a key pending deletion needs its deletionDate`);
    const spec = SPECS[key.keySpec];
    if (spec.notSimulated) problems.push(`keys.${index}: KeySpec ${key.keySpec} is not simulated in KMS Lab (${spec.notSimulated})`);
    if (!spec.usages.includes(key.keyUsage)) problems.push(`keys.${index}: KeyUsage ${key.keyUsage} is not valid for KeySpec ${key.keySpec}`);
    if (key.origin === 'EXTERNAL' && key.keySpec !== 'SYMMETRIC_DEFAULT') problems.push(`keys.${index}: only SYMMETRIC_DEFAULT keys can have origin EXTERNAL in KMS Lab`);
    if (key.keyState === 'PendingImport' && key.origin !== 'EXTERNAL') problems.push(`keys.${index}: only keys with origin EXTERNAL can be PendingImport`);
    if (key.keyState === 'Unavailable') problems.push(`keys.${index}: keyState Unavailable belongs to custom key stores, which are not simulated`);
  });
  const aliasNames = new Set<string>();
  state.aliases.forEach((alias, index) => {
    const where = `${alias.accountId}/${alias.region}/${alias.aliasName}`;
    if (aliasNames.has(where)) problems.push(`aliases.${index}: ${alias.aliasName} appears twice`);
    aliasNames.add(where);
  });
  state.aliases.forEach((alias, index) => {
    if (!ids.has(`${alias.region}/${alias.targetKeyId}`)) problems.push(`aliases.${index}: ${alias.aliasName} points to key ${alias.targetKeyId}, which is not in the file`);
  });
  return problems;
}

/** A key record with the same settings and NO material yet. */
function keyRecord(key: CheckedPublicKmsState['keys'][number], newToken: () => string): KmsKey {
  const arn = keyArn(key.region, key.accountId, key.keyId);
  const external = key.origin === 'EXTERNAL';
  const grants: Grant[] = key.grants.map((grant) => ({ ...grant, keyArn: arn, token: newToken() }));
  return {
    id: key.keyId,
    arn,
    accountId: key.accountId,
    region: key.region,
    createdAt: key.createdAt,
    description: key.description,
    spec: key.keySpec,
    usage: key.keyUsage,
    origin: key.origin,
    manager: key.keyManager,
    // Imported material cannot come back with the key: it waits for a new import, as in AWS.
    state: external && key.keyState !== 'PendingDeletion' ? 'PendingImport' : key.keyState,
    ...(key.keyState === 'PendingDeletion' ? { deletionDate: key.deletionDate, pendingWindowInDays: key.pendingWindowInDays } : {}),
    backing: [],
    rotation: { enabled: key.rotation.enabled, periodDays: key.rotation.periodDays, nextRotationAt: key.rotation.nextRotationAt, onDemandCount: key.rotation.onDemandRotations },
    policy: key.policy,
    tags: new Map(Object.entries(key.tags)),
    grants,
    importedMaterialIds: new Set(),
  };
}

/**
 * An engine state from a checked public state: same keys, NEW non-extractable material, new
 * grant tokens. `seed` starts the id generator; `time` is the model time to resume at.
 */
export async function stateWithNewMaterial(state: CheckedPublicKmsState, options: { seed: number; time: number }): Promise<KmsEngineState> {
  const rng = createRng(options.seed);
  const keys: KmsKey[] = [];
  for (const exported of state.keys) {
    const key = keyRecord(exported, () => rng.hex(128));
    if (key.origin !== 'EXTERNAL') await addKeyMaterial(key, { now: options.time, newMaterialId: () => rng.hex(64) });
    keys.push(key);
  }
  return {
    version: KMS_STATE_VERSION,
    time: options.time,
    rng: rng.state(),
    accountId: state.accountId,
    store: {
      keys,
      aliases: state.aliases.map((alias) => ({ ...alias, aliasArn: aliasArn(alias.region, alias.accountId, alias.aliasName) })),
      deletedKeyArns: state.deletedKeyArns,
    },
    audit: state.audit as unknown as CloudTrailEvent[],
  };
}
