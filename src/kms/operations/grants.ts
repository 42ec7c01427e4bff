import type { OperationContext } from '../engine-context.ts';
import { KmsError, messages } from '../errors.ts';
import { SPECS } from '../keys/key-specs.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import type { Grant, KmsKey } from '../keys/kms-key.ts';
import { EncryptionContextType, enumOf, GrantIdType, GrantNameType, GrantTokenType, members, PrincipalIdType } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { page } from './shared-rules.ts';
import type { StructureShape } from './shape.ts';

export const GRANT_OPERATIONS = [
  'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', 'Sign',
  'Verify', 'GetPublicKey', 'CreateGrant', 'RetireGrant', 'DescribeKey', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateMac', 'VerifyMac', 'DeriveSharedSecret',
] as const;

const COMMON = ['DescribeKey', 'CreateGrant', 'RetireGrant'];
/** Grant operations each key type supports (DG grants.md). */
function grantOperationsFor(key: KmsKey): string[] {
  const family = SPECS[key.spec].family;
  if (family === 'symmetric') {
    return [...COMMON, 'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
      'GenerateDataKeyPairWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo'];
  }
  if (family === 'hmac') return [...COMMON, 'GenerateMac', 'VerifyMac'];
  if (key.usage === 'KEY_AGREEMENT') return [...COMMON, 'DeriveSharedSecret', 'GetPublicKey'];
  if (key.usage === 'ENCRYPT_DECRYPT') return [...COMMON, 'Decrypt', 'Encrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey'];
  return [...COMMON, 'Sign', 'Verify', 'GetPublicKey'];
}

const Constraints: StructureShape = {
  type: 'structure',
  members: {
    EncryptionContextSubset: { shape: EncryptionContextType, doc: 'The request context must contain these pairs.' },
    EncryptionContextEquals: { shape: EncryptionContextType, doc: 'The request context must equal these pairs.' },
  },
};

const GrantEntry: StructureShape = {
  type: 'structure',
  members: {
    KeyId: { shape: { type: 'string' }, doc: 'Key ARN.' },
    GrantId: { shape: GrantIdType, doc: 'Grant ID.' },
    Name: { shape: GrantNameType, doc: 'Grant name.' },
    CreationDate: { shape: { type: 'timestamp' }, doc: 'Creation date.' },
    GranteePrincipal: { shape: PrincipalIdType, doc: 'Who may use the grant.' },
    RetiringPrincipal: { shape: PrincipalIdType, doc: 'Who may retire the grant.' },
    IssuingAccount: { shape: PrincipalIdType, doc: 'Account that created the grant.' },
    Operations: { shape: { type: 'list', member: enumOf(GRANT_OPERATIONS) }, doc: 'Allowed operations.' },
    Constraints: { shape: Constraints, doc: 'Encryption context constraints.' },
  },
};

const grantListOutput: StructureShape = {
  type: 'structure',
  members: {
    Grants: { shape: { type: 'list', member: GrantEntry }, doc: 'The grants.' },
    NextMarker: members.nextMarker(),
    Truncated: members.truncated(),
  },
};

function grantEntry(g: Grant): Record<string, unknown> {
  const out: Record<string, unknown> = { KeyId: g.keyArn, GrantId: g.grantId };
  if (g.name !== undefined) out.Name = g.name;
  out.CreationDate = new Date(g.createdAt);
  out.GranteePrincipal = g.granteePrincipal;
  if (g.retiringPrincipal !== undefined) out.RetiringPrincipal = g.retiringPrincipal;
  out.IssuingAccount = g.issuingAccount;
  out.Operations = [...g.operations];
  if (g.constraints) out.Constraints = g.constraints;
  return out;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export const createGrant: OperationDescription = {
  name: 'CreateGrant',
  doc: 'Gives a principal permission to use a KMS key for the listed operations; returns a grant token for immediate use.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.keyId('Key ID or key ARN (ARN for a key in another account).'),
      GranteePrincipal: { shape: PrincipalIdType, required: true, doc: 'Principal that may use the grant.' },
      RetiringPrincipal: { shape: PrincipalIdType, doc: 'Principal that may retire the grant.' },
      Operations: { shape: { type: 'list', member: enumOf(GRANT_OPERATIONS) }, required: true, doc: 'Operations the grant allows.' },
      Constraints: { shape: Constraints, doc: 'Encryption context constraints.' },
      GrantTokens: members.grantTokens(),
      Name: { shape: GrantNameType, doc: 'Friendly name; retrying with the same name returns the same grant.' },
      DryRun: members.dryRun(),
    },
  },
  output: {
    type: 'structure',
    members: {
      GrantToken: { shape: { ...GrantTokenType, sensitive: true }, doc: 'Token usable before the grant is consistent.' },
      GrantId: { shape: GrantIdType, doc: 'ID of the grant.' },
    },
  },
  action: 'kms:CreateGrant',
  quota: { operation: 'CreateGrant' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('CreateGrant', key);
    const operations = input.Operations as string[];
    const supported = grantOperationsFor(key);
    const unsupported = operations.filter((op) => !supported.includes(op));
    if (unsupported.length > 0) {
      // Documented as a validation error; AWS's text is not recorded.
      throw new KmsError('ValidationException', `Grant operations ${unsupported.join(', ')} are not supported for this KMS key.`);
    }
    const name = input.Name as string | undefined;
    const constraints = input.Constraints as Grant['constraints'];
    const token = () => ctx.world.rng.hex(128);
    const same = name !== undefined
      ? key.grants.find((g) => g.name === name && g.granteePrincipal === input.GranteePrincipal && sameSet(g.operations, operations))
      : undefined;
    if (ctx.dryRun) return {};
    if (same) {
      same.token = token(); // a retry with the same name returns the same grant and a new token
      return { GrantToken: same.token, GrantId: same.grantId };
    }
    if (key.grants.length >= ctx.world.limits.grantsPerKey) throw new KmsError('LimitExceededException', 'Too many grants for this KMS key.');
    const grant: Grant = {
      grantId: ctx.world.rng.hex(64),
      token: token(),
      name,
      keyArn: key.arn,
      granteePrincipal: input.GranteePrincipal as string,
      retiringPrincipal: input.RetiringPrincipal as string | undefined,
      issuingAccount: `arn:aws:iam::${ctx.scope.accountId}:root`,
      operations: [...operations],
      constraints,
      createdAt: ctx.now(),
    };
    key.grants.push(grant);
    return { GrantToken: grant.token, GrantId: grant.grantId };
  },
};

export const listGrants: OperationDescription = {
  name: 'ListGrants',
  doc: 'Lists the grants of a KMS key.',
  input: {
    type: 'structure',
    members: {
      Limit: members.limit(100),
      Marker: members.marker(),
      KeyId: members.keyId('Key ID or key ARN.'),
      GrantId: { shape: GrantIdType, doc: 'Only this grant.' },
      GranteePrincipal: { shape: PrincipalIdType, doc: 'Only grants for this principal.' },
    },
  },
  output: grantListOutput,
  action: 'kms:ListGrants',
  quota: { operation: 'ListGrants' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    assertKeyState('ListGrants', ctx.key!);
    const grants = ctx.key!.grants
      .filter((g) => input.GrantId === undefined || g.grantId === input.GrantId)
      .filter((g) => input.GranteePrincipal === undefined || g.granteePrincipal === input.GranteePrincipal)
      .map(grantEntry);
    const { items, extra } = page(grants, input.Limit as number | undefined, input.Marker as string | undefined, 50);
    return { Grants: items, ...extra };
  },
};

export const listRetirableGrants: OperationDescription = {
  name: 'ListRetirableGrants',
  doc: 'Lists the grants, on any key of the account and Region, that a principal may retire.',
  input: {
    type: 'structure',
    members: {
      Limit: members.limit(100),
      Marker: members.marker(),
      RetiringPrincipal: { shape: PrincipalIdType, required: true, doc: 'The retiring principal.' },
    },
  },
  output: grantListOutput,
  action: 'kms:ListRetirableGrants',
  quota: { operation: 'ListRetirableGrants' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  async handler(ctx, input) {
    const grants = ctx.world.store
      .inScope(ctx.scope)
      .flatMap((k) => k.grants)
      .filter((g) => g.retiringPrincipal === input.RetiringPrincipal)
      .map(grantEntry);
    const { items, extra } = page(grants, input.Limit as number | undefined, input.Marker as string | undefined, 50);
    return { Grants: items, ...extra };
  },
};

function removeGrant(key: KmsKey, grant: Grant): void {
  key.grants = key.grants.filter((g) => g !== grant);
}

function findGrant(key: KmsKey, grantId: string): Grant {
  const grant = key.grants.find((g) => g.grantId === grantId);
  // botocore models InvalidGrantIdException; AWS's text is not recorded.
  if (!grant) throw new KmsError('InvalidGrantIdException', 'Grant ID not found.');
  return grant;
}

/** Who may retire (reference §11.2): the retiring principal, a grantee allowed RetireGrant, or the account. */
function mayRetire(ctx: OperationContext, key: KmsKey, grant: Grant): void {
  if (grant.retiringPrincipal === ctx.caller.arn) return;
  if (grant.granteePrincipal === ctx.caller.arn && grant.operations.includes('RetireGrant')) return;
  ctx.authorizeKey(key, 'kms:RetireGrant');
}

export const retireGrant: OperationDescription = {
  name: 'RetireGrant',
  doc: 'Retires a grant (by its token, or by key and grant ID) when it is no longer needed.',
  input: {
    type: 'structure',
    members: {
      GrantToken: { shape: GrantTokenType, doc: 'Token of the grant.' },
      KeyId: { shape: { type: 'string', min: 1, max: 2048 }, doc: 'Key ARN (with GrantId).' },
      GrantId: { shape: GrantIdType, doc: 'Grant ID (with KeyId).' },
      DryRun: members.dryRun(),
    },
  },
  output: { type: 'structure', members: {} },
  action: 'kms:RetireGrant',
  quota: { operation: 'RetireGrant' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  authorizesInHandler: true,
  dryRun: true,
  async handler(ctx, input) {
    let key: KmsKey;
    let grant: Grant;
    if (input.GrantToken !== undefined) {
      const found = ctx.world.store
        .inScope(ctx.scope)
        .flatMap((k) => k.grants.map((g) => ({ k, g })))
        .find(({ g }) => g.token === input.GrantToken);
      if (!found) throw new KmsError('InvalidGrantTokenException', messages.invalidGrantToken());
      ({ k: key, g: grant } = found);
    } else {
      if (input.KeyId === undefined || input.GrantId === undefined) {
        throw new KmsError('ValidationException', 'Either GrantToken, or both KeyId and GrantId, must be provided.');
      }
      key = ctx.world.store.resolve(input.KeyId as string, ctx.scope, false);
      grant = findGrant(key, input.GrantId as string);
    }
    mayRetire(ctx, key, grant);
    if (!ctx.dryRun) removeGrant(key, grant);
    return {};
  },
};

export const revokeGrant: OperationDescription = {
  name: 'RevokeGrant',
  doc: 'Revokes a grant: its permissions end at once.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      GrantId: { shape: GrantIdType, required: true, doc: 'Grant to revoke.' },
      DryRun: members.dryRun(),
    },
  },
  output: { type: 'structure', members: {} },
  action: 'kms:RevokeGrant',
  quota: { operation: 'RevokeGrant' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('RevokeGrant', key);
    const grant = findGrant(key, input.GrantId as string);
    if (!ctx.dryRun) removeGrant(key, grant);
    return {};
  },
};
