import { KmsError, messages } from '../errors.ts';
import { aliasArn } from '../keys/identifiers.ts';
import type { Alias } from '../keys/key-store.ts';
import { SPECS } from '../keys/key-specs.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import type { OperationContext } from '../engine-context.ts';
import { AliasNameType, KeyIdType, members } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { page } from './shared-rules.ts';

const empty = { type: 'structure', members: {} } as const;
const aliasName = { shape: AliasNameType, required: true, doc: 'Alias name, starting with alias/ (alias/aws/ is reserved).' };
const targetKeyId = { shape: KeyIdType, required: true, doc: 'Key ID or key ARN of a customer managed key.' };

/** Name rules (reference §5): the prefix, and `alias/aws/` reserved for AWS managed keys. */
function checkAliasName(name: string): void {
  if (!name.startsWith('alias/')) throw new KmsError('ValidationException', messages.aliasPrefix());
  // Emulators agree on NotAuthorizedException with an empty message; not recorded against AWS.
  if (name.startsWith('alias/aws/')) throw new KmsError('NotAuthorizedException', '');
}

function existingAlias(ctx: OperationContext, name: string): Alias {
  const alias = ctx.world.store.getAlias(ctx.scope, name);
  if (!alias) throw new KmsError('NotFoundException', messages.aliasNotFound(aliasArn(ctx.scope.region, ctx.scope.accountId, name)));
  return alias;
}

export const createAlias: OperationDescription = {
  name: 'CreateAlias',
  doc: 'Creates a friendly name (alias/…) for a KMS key.',
  input: { type: 'structure', members: { AliasName: aliasName, TargetKeyId: targetKeyId } },
  output: empty,
  action: 'kms:CreateAlias',
  quota: { operation: 'CreateAlias' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'TargetKeyId', aliases: false },
  async handler(ctx, input) {
    const name = input.AliasName as string;
    checkAliasName(name);
    const key = ctx.key!;
    assertKeyState('CreateAlias', key);
    const arn = aliasArn(ctx.scope.region, ctx.scope.accountId, name);
    if (ctx.world.store.getAlias(ctx.scope, name)) throw new KmsError('AlreadyExistsException', messages.aliasExists(arn));
    if (ctx.world.store.aliasesOf(key).length >= ctx.world.limits.aliasesPerKey) {
      throw new KmsError('LimitExceededException', `Key ${key.arn} already has ${ctx.world.limits.aliasesPerKey} aliases.`);
    }
    const now = ctx.now();
    ctx.world.store.putAlias({ aliasName: name, aliasArn: arn, ...ctx.scope, targetKeyId: key.id, createdAt: now, lastUpdatedAt: now });
    return {};
  },
};

export const updateAlias: OperationDescription = {
  name: 'UpdateAlias',
  doc: 'Points an alias at another key of the same type and key usage.',
  input: { type: 'structure', members: { AliasName: aliasName, TargetKeyId: targetKeyId } },
  output: empty,
  action: 'kms:UpdateAlias',
  quota: { operation: 'UpdateAlias' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'TargetKeyId', aliases: false },
  async handler(ctx, input) {
    const name = input.AliasName as string;
    checkAliasName(name);
    const alias = existingAlias(ctx, name);
    const next = ctx.key!;
    assertKeyState('UpdateAlias', next);
    const current = ctx.world.store.all().find((k) => k.id === alias.targetKeyId && k.region === alias.region);
    if (current) {
      ctx.authorizeKey(current, 'kms:UpdateAlias');
      const sameType = SPECS[current.spec].family === SPECS[next.spec].family;
      if (current.usage !== next.usage || !sameType) {
        // AWS's text is not recorded; local-kms's wording.
        throw new KmsError(
          'ValidationException',
          `Alias ${name} cannot be changed from a CMK with key usage ${current.usage} to a CMK with key usage ${next.usage}. The key usage of the current CMK and the new CMK must be the same.`,
        );
      }
    }
    ctx.world.store.putAlias({ ...alias, targetKeyId: next.id, lastUpdatedAt: ctx.now() });
    return {};
  },
};

export const deleteAlias: OperationDescription = {
  name: 'DeleteAlias',
  doc: 'Deletes an alias. The key is not affected.',
  input: { type: 'structure', members: { AliasName: aliasName } },
  output: empty,
  action: 'kms:DeleteAlias',
  quota: { operation: 'DeleteAlias' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  authorizesInHandler: true,
  async handler(ctx, input) {
    const name = input.AliasName as string;
    checkAliasName(name);
    const alias = existingAlias(ctx, name);
    const key = ctx.world.store.all().find((k) => k.id === alias.targetKeyId && k.region === alias.region);
    if (key) ctx.authorizeKey(key, 'kms:DeleteAlias');
    ctx.world.store.deleteAlias(alias);
    return {};
  },
};

export const listAliases: OperationDescription = {
  name: 'ListAliases',
  doc: 'Lists aliases of the account and Region, or of one key.',
  input: {
    type: 'structure',
    members: {
      KeyId: { shape: KeyIdType, doc: 'Only aliases of this key (key ID or key ARN).' },
      Limit: members.limit(100),
      Marker: members.marker(),
    },
  },
  output: {
    type: 'structure',
    members: {
      Aliases: {
        shape: {
          type: 'list',
          member: {
            type: 'structure',
            members: {
              AliasName: { shape: { type: 'string' }, doc: 'Alias name.' },
              AliasArn: { shape: { type: 'string' }, doc: 'Alias ARN.' },
              TargetKeyId: { shape: { type: 'string' }, doc: 'Key ID of the target.' },
              CreationDate: { shape: { type: 'timestamp' }, doc: 'Creation date.' },
              LastUpdatedDate: { shape: { type: 'timestamp' }, doc: 'Last update.' },
            },
          },
        },
        doc: 'The aliases.',
      },
      NextMarker: members.nextMarker(),
      Truncated: members.truncated(),
    },
  },
  action: 'kms:ListAliases',
  quota: { operation: 'ListAliases' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false, optional: true },
  async handler(ctx, input) {
    const aliases = ctx.key ? ctx.world.store.aliasesOf(ctx.key) : ctx.world.store.aliasesInScope(ctx.scope);
    const rows = aliases.map((a) => ({
      AliasName: a.aliasName,
      AliasArn: a.aliasArn,
      TargetKeyId: a.targetKeyId,
      CreationDate: new Date(a.createdAt),
      LastUpdatedDate: new Date(a.lastUpdatedAt),
    }));
    const { items, extra } = page(rows, input.Limit as number | undefined, input.Marker as string | undefined, 50);
    return { Aliases: items, ...extra };
  },
};
