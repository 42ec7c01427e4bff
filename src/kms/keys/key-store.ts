import { KmsError, messages } from '../errors.ts';
import { aliasArn, isKeyIdFormat, keyArn, parseKeyReference } from './identifiers.ts';
import type { KmsKey } from './kms-key.ts';

export interface Alias {
  aliasName: string;
  aliasArn: string;
  accountId: string;
  region: string;
  targetKeyId: string;
  createdAt: number;
  lastUpdatedAt: number;
}

/** The saved form of a KeyStore: structured-cloneable, so IndexedDB keeps the CryptoKeys without exporting them. */
export interface KeyStoreContents {
  keys: KmsKey[];
  aliases: Alias[];
  deletedKeyArns: string[];
}

export interface Scope {
  accountId: string;
  region: string;
}

/**
 * Keys and aliases of every simulated account and Region, in creation order (ListKeys pages in
 * that order). Deleted keys leave a tombstone so that a blob made under a deleted key answers
 * "does not exist" rather than "invalid ciphertext".
 */
export class KeyStore {
  private readonly keys = new Map<string, KmsKey>(); // by ARN
  private readonly byKeyId = new Map<string, KmsKey>(); // by `${region}/${id}`: blobs name a key by id only
  private readonly aliases = new Map<string, Alias>(); // by alias ARN
  private readonly deleted = new Set<string>(); // ARNs

  /** A store holding what `contents()` of another one held (a restored sandbox, src/kms/persist). */
  static from(contents: KeyStoreContents): KeyStore {
    const store = new KeyStore();
    for (const key of contents.keys) store.add(key);
    for (const alias of contents.aliases) store.putAlias(alias);
    for (const arn of contents.deletedKeyArns) store.deleted.add(arn);
    return store;
  }

  /** Everything the store holds, in its order. Live objects (CryptoKeys included): clone before keeping. */
  contents(): KeyStoreContents {
    return { keys: this.all(), aliases: [...this.aliases.values()], deletedKeyArns: [...this.deleted] };
  }

  add(key: KmsKey): void {
    this.keys.set(key.arn, key);
    this.byKeyId.set(`${key.region}/${key.id}`, key);
  }

  /** The key with this id in this Region (key ids are unique across accounts). */
  byId(region: string, keyId: string): KmsKey | undefined {
    return this.byKeyId.get(`${region}/${keyId}`);
  }

  /** All keys in creation order (views, invariants). */
  all(): KmsKey[] {
    return [...this.keys.values()];
  }

  inScope(scope: Scope): KmsKey[] {
    return this.all().filter((k) => k.accountId === scope.accountId && k.region === scope.region);
  }

  byArn(arn: string): KmsKey | undefined {
    return this.keys.get(arn);
  }

  wasDeleted(arn: string): boolean {
    return this.deleted.has(arn);
  }

  /** Removes a key for good (end of its deletion window), with its aliases. */
  remove(key: KmsKey): void {
    this.keys.delete(key.arn);
    this.byKeyId.delete(`${key.region}/${key.id}`);
    this.deleted.add(key.arn);
    for (const [arn, alias] of this.aliases) {
      if (alias.targetKeyId === key.id && alias.accountId === key.accountId && alias.region === key.region) this.aliases.delete(arn);
    }
  }

  aliasesInScope(scope: Scope): Alias[] {
    return [...this.aliases.values()].filter((a) => a.accountId === scope.accountId && a.region === scope.region);
  }

  aliasesOf(key: KmsKey): Alias[] {
    return this.aliasesInScope(key).filter((a) => a.targetKeyId === key.id);
  }

  getAlias(scope: Scope, aliasName: string): Alias | undefined {
    return this.aliases.get(aliasArn(scope.region, scope.accountId, aliasName));
  }

  putAlias(alias: Alias): void {
    this.aliases.set(alias.aliasArn, alias);
  }

  deleteAlias(alias: Alias): void {
    this.aliases.delete(alias.aliasArn);
  }

  /**
   * Resolves what a caller wrote in KeyId (reference §2), or throws AWS's NotFoundException.
   * `allowAlias` is false for management operations, which take a key id or key ARN only.
   */
  resolve(ref: string, scope: Scope, allowAlias: boolean): KmsKey {
    const parsed = parseKeyReference(ref);
    switch (parsed.kind) {
      case 'key-id':
      case 'key-arn': {
        if (parsed.kind === 'key-arn' && parsed.region !== scope.region) {
          throw new KmsError('NotFoundException', messages.invalidArn(parsed.region));
        }
        if (!isKeyIdFormat(parsed.keyId)) throw new KmsError('NotFoundException', messages.invalidKeyId(ref));
        const account = parsed.kind === 'key-arn' ? parsed.accountId : scope.accountId;
        const arn = keyArn(scope.region, account, parsed.keyId);
        const key = this.keys.get(arn);
        if (!key) throw new KmsError('NotFoundException', messages.keyDoesNotExist(arn));
        return key;
      }
      case 'alias-name':
      case 'alias-arn': {
        if (!allowAlias) throw new KmsError('NotFoundException', messages.invalidKeyId(ref));
        if (parsed.kind === 'alias-arn' && parsed.region !== scope.region) {
          throw new KmsError('NotFoundException', messages.invalidArn(parsed.region));
        }
        const account = parsed.kind === 'alias-arn' ? parsed.accountId : scope.accountId;
        const found = this.aliases.get(aliasArn(scope.region, account, parsed.aliasName));
        const key = found && this.keys.get(keyArn(scope.region, account, found.targetKeyId));
        if (!key) throw new KmsError('NotFoundException', messages.aliasNotFound(aliasArn(scope.region, account, parsed.aliasName)));
        return key;
      }
      default:
        throw new KmsError('NotFoundException', messages.invalidKeyId(ref));
    }
  }
}
