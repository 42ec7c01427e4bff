import * as v from 'valibot';
import type { WorldSpec } from './types.ts';

/**
 * The shape of a world spec, checked when a world is created, because a saved sandbox comes back
 * from storage that may hold anything. Policy documents are only checked to be a name and a
 * document here; their grammar is checked by the policy validator (create-world.ts).
 */
const text = (what: string) => v.pipe(v.string(`${what} must be text`), v.minLength(1, `${what} must not be empty`));
const iamName = (what: string) => v.pipe(text(what), v.regex(/^[\w+=,.@-]{1,64}$/, `${what} must be 1-64 letters, digits or +=,.@_-`));
const tags = v.optional(v.record(v.string(), v.string(), 'tags must map text to text'));
const policy = v.object({ name: text('a policy name'), document: v.union([v.string(), v.looseObject({})], 'a policy document must be JSON text or an object') });
const policies = v.optional(v.array(policy, 'policies must be a list'));
const sourceIp = v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'sourceIp must be an IPv4 address')));

const session = v.object({ name: v.pipe(text('a session name'), v.regex(/^[\w+=,.@-]{2,64}$/, 'a session name must be 2-64 letters, digits or +=,.@_-')), description: v.optional(v.string()), sourceIp });
const user = v.object({ name: iamName('a user name'), description: v.optional(v.string()), policies, tags, sourceIp });
const role = v.object({ name: iamName('a role name'), description: v.optional(v.string()), policies, tags, sessions: v.optional(v.array(session)) });
const account = v.object({
  id: v.pipe(v.string(), v.regex(/^\d{12}$/, 'an account id must be 12 digits')),
  name: text('an account name'),
  description: v.optional(v.string()),
  users: v.optional(v.array(user)),
  roles: v.optional(v.array(role)),
});
const service = v.object({
  name: text('a service name'),
  title: text('a service title'),
  principal: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\.amazonaws\.com$/, 'a service principal looks like s3.amazonaws.com')),
  description: v.optional(v.string()),
});

export const worldSpecSchema = v.object({
  region: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'region looks like eu-west-2'))),
  accounts: v.pipe(v.array(account, 'accounts must be a list'), v.minLength(1, 'a world needs at least one account')),
  services: v.optional(v.array(service)),
  current: v.optional(v.string()),
});

/** The spec, checked; throws an Error naming every problem otherwise. */
export function readWorldSpec(input: unknown): WorldSpec {
  const result = v.safeParse(worldSpecSchema, input);
  if (!result.success) throw new Error(`Invalid world: ${v.summarize(result.issues).replace(/\n/g, '; ')}`);
  return result.output as WorldSpec;
}
