import { rootArn, roleArn, sessionArn, userArn } from './identifiers.ts';
import type { AccountSpec, PrincipalSummary, RoleSpec, UserSpec, WorldSpec } from './types.ts';

/**
 * Everyone in a world spec, by ARN: what each principal is, and where its permissions live —
 * a user's and a role's in their own spec entry, a session's in its role's, none for a root user
 * (the account's root is not subject to its own account's IAM policies) or a service.
 */
export type PrincipalEntry = PrincipalSummary & {
  account?: AccountSpec;
  /** The spec entry holding the identity policies and tags that apply (a session's role). */
  holder?: UserSpec | RoleSpec;
  holderKind?: 'user' | 'role';
  sourceIp?: string;
};

export function directoryOf(spec: WorldSpec): Map<string, PrincipalEntry> {
  const entries = new Map<string, PrincipalEntry>();
  const add = (entry: PrincipalEntry) => {
    if (entries.has(entry.arn)) throw new Error(`Invalid world: ${entry.arn} appears twice.`);
    entries.set(entry.arn, entry);
  };
  for (const account of spec.accounts) {
    const accountId = account.id;
    add({ arn: rootArn(accountId), name: 'root', kind: 'root', accountId, description: `The root user of ${account.name} (${accountId}).`, account });
    for (const user of account.users ?? []) {
      add({ arn: userArn(accountId, user.name), name: user.name, kind: 'user', accountId, description: user.description ?? `IAM user ${user.name}.`, account, holder: user, holderKind: 'user', ...(user.sourceIp ? { sourceIp: user.sourceIp } : {}) });
    }
    for (const role of account.roles ?? []) {
      add({ arn: roleArn(accountId, role.name), name: role.name, kind: 'role', accountId, description: role.description ?? `IAM role ${role.name}.`, account, holder: role, holderKind: 'role' });
      for (const session of role.sessions ?? []) {
        add({
          arn: sessionArn(accountId, role.name, session.name),
          name: `${role.name}/${session.name}`,
          kind: 'assumed-role',
          accountId,
          description: session.description ?? `A session of the role ${role.name}.`,
          account,
          holder: role,
          holderKind: 'role',
          ...(session.sourceIp ? { sourceIp: session.sourceIp } : {}),
        });
      }
    }
  }
  for (const service of spec.services ?? []) {
    add({ arn: service.principal, name: service.name, kind: 'service', accountId: '', description: service.description ? `${service.title}: ${service.description}` : service.title });
  }
  return entries;
}

/** The public part of an entry. */
export const summaryOf = ({ arn, name, kind, accountId, description }: PrincipalEntry): PrincipalSummary => ({ arn, name, kind, accountId, description });
