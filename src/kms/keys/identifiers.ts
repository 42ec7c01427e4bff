/** KMS identifiers (reference §2): key ids, key ARNs, alias names and alias ARNs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MRK = /^mrk-[0-9a-f]{32}$/;
const ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

export function isKeyIdFormat(id: string): boolean {
  return UUID.test(id) || MRK.test(id);
}

export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function aliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}

export type KeyReference =
  | { kind: 'key-id'; keyId: string }
  | { kind: 'key-arn'; keyId: string; region: string; accountId: string }
  | { kind: 'alias-name'; aliasName: string }
  | { kind: 'alias-arn'; aliasName: string; region: string; accountId: string }
  | { kind: 'invalid' };

/** Classifies what a caller wrote in a KeyId member. */
export function parseKeyReference(ref: string): KeyReference {
  if (ref.startsWith('alias/')) return { kind: 'alias-name', aliasName: ref };
  const arn = ARN.exec(ref);
  if (arn) {
    const [, , region, accountId, type, rest] = arn;
    return type === 'key'
      ? { kind: 'key-arn', keyId: rest, region, accountId }
      : { kind: 'alias-arn', aliasName: `alias/${rest}`, region, accountId };
  }
  if (ref.startsWith('arn:')) return { kind: 'invalid' };
  return { kind: 'key-id', keyId: ref };
}

export function accountOfPrincipal(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}
