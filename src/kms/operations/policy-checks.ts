import { parsePolicyDocument } from '../access/policy/parse.ts';
import type { NormalisedStatement } from '../access/policy/types.ts';
import { utf8 } from '../crypto/bytes.ts';
import type { OperationContext } from '../engine-context.ts';
import { KmsError } from '../errors.ts';
import type { KmsKey } from '../keys/kms-key.ts';

const VALID_PRINCIPAL = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+)$/;

/**
 * AWS's MalformedPolicyDocumentException messages. Recorded: `no principal` (a CreateKey error with
 * its request id in a Terraform log), `invalid principals` and `lockout` (reference §15). A
 * document KMS cannot read at all (not JSON, no Statement) is answered with an EMPTY message (a
 * recorded CLI line "An error occurred (MalformedPolicyDocumentException) when calling the
 * CreateKey operation" with nothing after it; aws-sdk-ruby issue #1784), and so is a statement
 * whose grammar is broken in a way no recording shows — the policy editor explains those before
 * saving (policy/validate.ts). `missing Action/Resource` come from a published rule set of
 * CreateKey failures, not from a recording.
 */
const MALFORMED = {
  unreadable: '',
  noPrincipal: 'Policy contains a statement with no principal.',
  invalidPrincipals: 'Policy contains a statement with one or more invalid principals.',
  noAction: 'Missing required field Action',
  noResource: 'Missing required field Resource',
  lockout: 'The new key policy will not allow you to update the key policy in the future.',
} as const;

/**
 * An AWS principal KMS accepts: `*`, an account id, or an IAM/STS ARN without a partial wildcard
 * (IAM never matches part of a principal ARN), naming a principal that exists when the simulated
 * world says which do.
 */
function validAwsPrincipal(value: string, exists: ((arn: string) => boolean) | undefined): boolean {
  if (value === '*') return true;
  if (!VALID_PRINCIPAL.test(value) || value.includes('*')) return false;
  return exists === undefined || /^\d{12}$/.test(value) || exists(value);
}

function statementProblem(statement: NormalisedStatement, exists: ((arn: string) => boolean) | undefined): string | undefined {
  if (!statement.principal) return MALFORMED.noPrincipal;
  const { set } = statement.principal;
  const named = set.AWS.length + set.Service.length + set.Federated.length + set.CanonicalUser.length;
  if (!set.wildcard && named === 0) return MALFORMED.noPrincipal;
  if (!set.AWS.every((p) => validAwsPrincipal(p, exists))) return MALFORMED.invalidPrincipals;
  if (!statement.action) return MALFORMED.noAction;
  if (!statement.resource) return MALFORMED.noResource;
  return statement.problems.length ? MALFORMED.unreadable : undefined;
}

/**
 * What PutKeyPolicy and CreateKey check before storing a policy (reference §5, §11.4): size, the
 * document, each statement (its principals must exist: AWS validates every IAM principal a key
 * policy names), and the lock-out safety check — the caller must still be allowed to
 * change the policy afterwards (decided by the same engine, with the caller's identity policies),
 * unless BypassPolicyLockoutSafetyCheck is set.
 */
export function checkNewPolicy(ctx: OperationContext, key: Pick<KmsKey, 'arn' | 'accountId'> & Partial<KmsKey>, policy: string, bypass: boolean): void {
  if (utf8(policy).length > ctx.world.limits.keyPolicyBytes) {
    // AWS's wording for an oversized policy is not recorded (reference §11.4).
    throw new KmsError('LimitExceededException', `The key policy exceeds the maximum size of ${ctx.world.limits.keyPolicyBytes} bytes.`);
  }
  const parsed = parsePolicyDocument(policy);
  if (!parsed.ok) throw new KmsError('MalformedPolicyDocumentException', MALFORMED.unreadable);
  for (const statement of parsed.policy.statements) {
    const problem = statementProblem(statement, ctx.world.principalExists);
    if (problem !== undefined) throw new KmsError('MalformedPolicyDocumentException', problem);
  }
  if (bypass) return;
  const candidate = { grants: [], ...key, policy } as KmsKey;
  const decision = ctx.world.authorize({
    caller: ctx.caller,
    action: 'kms:PutKeyPolicy',
    key: candidate,
    accountId: ctx.scope.accountId,
    viaService: ctx.call.viaService,
    sourceIp: ctx.call.sourceIp,
    now: ctx.now(),
  });
  if (!decision.allowed) throw new KmsError('MalformedPolicyDocumentException', MALFORMED.lockout);
}
