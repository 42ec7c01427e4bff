/**
 * Who a principal ARN is: account root, IAM user, IAM role, assumed-role session, or an AWS
 * service. Used both to match `Principal` elements and to derive request context keys.
 */
export type PrincipalIdentity =
  | { kind: 'root'; account: string; arn: string }
  | { kind: 'user'; account: string; arn: string; name: string }
  | { kind: 'role'; account: string; arn: string; name: string }
  | { kind: 'assumed-role'; account: string; arn: string; roleName: string; session: string }
  | { kind: 'service'; arn: string; service: string }
  | { kind: 'other'; arn: string; account?: string };

export function identify(arn: string): PrincipalIdentity {
  if (/^\d{12}$/.test(arn)) return { kind: 'root', account: arn, arn: `arn:aws:iam::${arn}:root` };
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(arn)) return { kind: 'service', arn, service: arn };
  const m = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!m) return { kind: 'other', arn };
  const [, service, account, resource] = m;
  if (service === 'iam' && resource === 'root') return { kind: 'root', account, arn };
  if (service === 'iam' && resource.startsWith('user/')) return { kind: 'user', account, arn, name: lastSegment(resource) };
  if (service === 'iam' && resource.startsWith('role/')) return { kind: 'role', account, arn, name: lastSegment(resource) };
  const session = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
  if (service === 'sts' && session) return { kind: 'assumed-role', account, arn, roleName: session[1], session: session[2] };
  return { kind: 'other', arn, account };
}

const lastSegment = (resource: string): string => resource.slice(resource.lastIndexOf('/') + 1);

/** A short human name for sentences: `alice`, `Admin (session dev)`, `account 111122223333`. */
export function displayName(arn: string): string {
  const who = identify(arn);
  switch (who.kind) {
    case 'root': return `the root user of account ${who.account}`;
    case 'user': case 'role': return who.name;
    case 'assumed-role': return `${who.roleName} (session ${who.session})`;
    case 'service': return who.service;
    case 'other': return arn;
  }
}

/**
 * The ARN AWS puts in `aws:PrincipalArn`: for an assumed-role session that is the role's ARN
 * (without its path, which the session ARN does not carry), otherwise the caller's own ARN.
 */
export function principalArnOf(who: PrincipalIdentity): string {
  return who.kind === 'assumed-role' ? `arn:aws:iam::${who.account}:role/${who.roleName}` : who.arn;
}

export type PrincipalMatch =
  | { result: 'match'; scope: 'direct' | 'account'; how: 'exact' | 'account' | 'role-session' | 'service' }
  | { result: 'no-match' };

/** Does one `AWS`-type principal value name this caller? */
export function awsPrincipalMatches(value: string, caller: PrincipalIdentity): PrincipalMatch {
  const listed = identify(value);
  if (listed.kind === 'root') {
    if (caller.kind === 'root' && caller.account === listed.account) return { result: 'match', scope: 'direct', how: 'exact' };
    const callerAccount = 'account' in caller ? caller.account : undefined;
    // Naming an account names every principal in it — for an Allow, through that account's IAM policies.
    return callerAccount === listed.account ? { result: 'match', scope: 'account', how: 'account' } : { result: 'no-match' };
  }
  if (listed.arn === caller.arn) return { result: 'match', scope: 'direct', how: 'exact' };
  // A role named in a resource policy covers the sessions of that role.
  if (listed.kind === 'role' && caller.kind === 'assumed-role' && listed.account === caller.account && listed.name === caller.roleName) {
    return { result: 'match', scope: 'direct', how: 'role-session' };
  }
  return { result: 'no-match' };
}
