import type { CallContext, KmsCaller } from '../../kms/caller.ts';
import type { NamedPolicy } from '../../kms/access/policy/types.ts';
import { directoryOf, type PrincipalEntry, summaryOf } from './directory.ts';
import { checkedPolicies } from './identity-policies.ts';
import { accessKeyId, roleArn, uniqueId } from './identifiers.ts';
import { SANDBOX_WORLD } from './sandbox-world.ts';
import { viaServiceHost } from './services.ts';
import type { CallContextOptions, RoleSpec, UserSpec, World, WorldSpec } from './types.ts';
import { readWorldSpec } from './world-schema.ts';

const DEFAULT_REGION = 'eu-west-2';

/**
 * A living world from a spec (default SANDBOX_WORLD) or from a saved `world.toJSON()`. The world
 * owns its copy: changing the spec afterwards changes nothing here, and every change goes through
 * the methods, which tell subscribers.
 */
export function createWorld(spec: WorldSpec = SANDBOX_WORLD): World {
  const state = structuredClone(readWorldSpec(spec));
  const directory = directoryOf(state);
  for (const entry of directory.values()) {
    if (entry.holder && entry.holderKind && entry.kind !== 'assumed-role') {
      entry.holder.policies = checkedPolicies(entry.arn, entry.holderKind, entry.holder.policies ?? []) as NamedPolicy[];
    }
  }
  const listeners = new Set<() => void>();
  let current = state.current ?? defaultCurrent(state);
  callable(current);

  function entryOf(arn: string): PrincipalEntry {
    const entry = directory.get(arn);
    if (!entry) throw new Error(`No principal ${arn} in this world.`);
    return entry;
  }

  /** Only root users, IAM users and sessions sign requests; a role is assumed, a service acts on someone's behalf. */
  function callable(arn: string): PrincipalEntry {
    const entry = entryOf(arn);
    if (entry.kind === 'role') throw new Error(`A role does not call KMS itself: act as one of its sessions (arn:aws:sts::${entry.accountId}:assumed-role/${entry.name}/…).`);
    if (entry.kind === 'service') throw new Error(`${entry.arn} calls KMS on a principal's behalf: use callContext({ viaService: '${entry.name}' }).`);
    return entry;
  }

  /** The spec entry whose policies and tags apply to `arn` (a session's role); refuses root users and services. */
  function holderOf(arn: string): { holder: UserSpec | RoleSpec; kind: 'user' | 'role' } {
    const entry = entryOf(arn);
    if (!entry.holder || !entry.holderKind) throw new Error(`${arn} has no identity policies or tags in IAM (${entry.kind === 'root' ? 'the root user is not subject to IAM policies of its own account' : 'a service principal is not an IAM identity'}).`);
    return { holder: entry.holder, kind: entry.holderKind };
  }

  function changed(): void {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A broken view must not break the world.
        console.error('world subscriber failed', error);
      }
    }
  }

  function callerOf(arn: string = current): KmsCaller {
    const entry = callable(arn);
    const base = { arn, accountId: entry.accountId, identityPolicies: entry.holder?.policies ?? [], tags: { ...entry.holder?.tags } };
    switch (entry.kind) {
      case 'root':
        return { ...base, type: 'Root', principalId: entry.accountId };
      case 'user':
        return { ...base, type: 'IAMUser', principalId: uniqueId('user', arn), accessKeyId: accessKeyId('user', arn) };
      default: {
        const [roleName, session] = splitSession(entry.name);
        return { ...base, type: 'AssumedRole', principalId: `${uniqueId('role', roleArn(entry.accountId, roleName))}:${session}`, accessKeyId: accessKeyId('session', arn) };
      }
    }
  }

  return {
    principals: () => [...directory.values()].map(summaryOf),
    get current() {
      return current;
    },
    actAs(arn) {
      callable(arn);
      if (arn === current) return;
      current = arn;
      changed();
    },
    caller: callerOf,
    callContext(options: CallContextOptions = {}): CallContext {
      const region = options.region ?? state.region ?? DEFAULT_REGION;
      const context: CallContext = { caller: callerOf(), region };
      if (options.viaService) context.viaService = viaServiceHost(state.services ?? [], options.viaService, region);
      // A service calling on the principal's behalf comes from AWS's network, not the principal's address.
      const sourceIp = options.sourceIp ?? (options.viaService ? undefined : entryOf(current).sourceIp);
      if (sourceIp) context.sourceIp = sourceIp;
      return context;
    },
    principalExists(arn) {
      const iam = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/.exec(arn);
      if (!iam) return /^\d{12}$/.test(arn);
      const [, account, resource] = iam;
      if (resource === 'root' || !state.accounts.some((a) => a.id === account)) return true;
      const session = /^assumed-role\/([^/]+)\/[^/]+$/.exec(resource);
      return directory.has(session ? roleArn(account, session[1]) : arn);
    },
    identityPolicies(arn) {
      return [...(entryOf(arn).holder?.policies ?? [])];
    },
    setIdentityPolicies(arn, policies) {
      const { holder, kind } = holderOf(arn);
      holder.policies = checkedPolicies(arn, kind, policies) as NamedPolicy[];
      changed();
    },
    tags(arn) {
      return { ...entryOf(arn).holder?.tags };
    },
    setTags(arn, tags) {
      const { holder } = holderOf(arn);
      for (const [key, value] of Object.entries(tags)) {
        if (typeof value !== 'string') throw new Error(`Tag ${key} of ${arn} must have a text value.`);
        if (/^aws:/i.test(key)) throw new Error(`Tag keys beginning with aws: are reserved (${key}).`);
      }
      holder.tags = { ...tags };
      changed();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    toJSON() {
      return { ...structuredClone(state), current };
    },
  };
}

function defaultCurrent(spec: WorldSpec): string {
  const [first] = spec.accounts;
  const user = first.users?.[0];
  return user ? `arn:aws:iam::${first.id}:user/${user.name}` : `arn:aws:iam::${first.id}:root`;
}

/** `AppServer/i-0a1b…` → role name and session name (a role name has no slash; a session name may not either). */
function splitSession(name: string): [string, string] {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}
