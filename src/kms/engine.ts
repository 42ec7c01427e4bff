import { createModelClock, type ModelClock } from '../sim/core/clock.ts';
import { createRng, resumeRng, type Rng } from '../sim/core/rng.ts';
import { type Authorizer, defaultAuthorizer } from './access/authorize.ts';
import { requestConditionKeys } from './access/request-keys.ts';
import { AuditLog } from './audit/audit-log.ts';
import type { RecordedDecision } from './audit/recorded-decision.ts';
import type { CloudTrailEvent } from './audit/cloudtrail-event.ts';
import { apiCallEvent, serviceEvent } from './audit/record.ts';
import { type CallContext, callerAccount } from './caller.ts';
import { type AuditNotes, DEFAULT_LIMITS, type KmsWorld, type OperationContext, type ResourceLimits } from './engine-context.ts';
import { isKmsError, KmsError, messages } from './errors.ts';
import { awsManagedService, ensureAwsManagedKey } from './keys/aws-managed.ts';
import { keyMetadata } from './keys/key-metadata.ts';
import { keyStateMachine } from './keys/key-state-machine.ts';
import { KeyStore } from './keys/key-store.ts';
import type { KmsKey } from './keys/kms-key.ts';
import { applyDueTimeEffects, hasDueTimeEffects } from './keys/time-effects.ts';
import type { Input, Output } from './operations/description.ts';
import { operations } from './operations/index.ts';
import { validateInput } from './operations/validate.ts';
import type { QuotaFamily } from './operations/shape.ts';
import { QuotaBook } from './quota/quota-book.ts';
import { captureEngineState, type KmsEngineState, refillAuditLog } from './persist/engine-state.ts';

export interface KmsOptions {
  /** Model clock; default starts at 2026-01-01T00:00:00Z and moves only when advanced. */
  clock?: ModelClock;
  /** Seeded randomness for ids (key ids, request ids, grant ids); default seed 1. Key material always comes from WebCrypto. */
  rng?: Rng;
  /** The simulated account of callers that do not say otherwise. */
  accountId?: string;
  /** Replaces the authorization seam (the later policy engine plugs in here). */
  authorize?: Authorizer;
  /** Request quotas on (default) or off. Buckets refill in model time. */
  quotas?: boolean;
  limits?: Partial<ResourceLimits>;
  /** How many recent audit events (and their decisions) are kept; default AUDIT_LOG_CAPACITY (50,000). */
  auditCapacity?: number;
  /**
   * The IAM directory of the simulated world: whether an IAM user, role or role session named in a
   * key policy exists (KMS refuses a policy naming one that does not). Absent: every well-formed
   * principal exists.
   */
  principalExists?: (arn: string) => boolean;
  /**
   * Start from a saved state (`await kms.snapshot()`, checked with `readKmsState`): keys, aliases,
   * audit log, and — unless given here — the clock's time, the id generator and the account.
   */
  state?: KmsEngineState;
}

/** A view-safe summary of a key: metadata and settings, never a CryptoKey. */
export interface KeySummary {
  metadata: Record<string, unknown>;
  aliases: string[];
  rotation: { enabled: boolean; periodDays: number; nextRotationDate?: Date; onDemandRotations: number };
  backingKeyVersions: { keyMaterialId: string; createdAt: Date; rotationType?: string }[];
  tags: Record<string, string>;
  grantCount: number;
}

export type Kms = ReturnType<typeof createKms>;

/** JSON null means "absent" in the AWS JSON protocol: drop null members so handlers see undefined. */
function withoutNulls(input: Input): Input {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Input = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === null) continue;
    const plainObject = value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
    out[name] = plainObject ? withoutNulls(value as Input) : value;
  }
  return out;
}

/**
 * Grant tokens in a request must belong to a live grant of the Region. (Grants take effect at once
 * in KMS Lab: the eventual consistency that tokens work around is not simulated.)
 */
function checkGrantTokens(world: KmsWorld, region: string, tokens: unknown): void {
  if (!Array.isArray(tokens) || tokens.length === 0) return;
  const live = new Set(world.store.all().filter((k) => k.region === region).flatMap((k) => k.grants.map((g) => g.token)));
  if (tokens.some((t) => !live.has(t as string))) throw new KmsError('InvalidGrantTokenException', messages.invalidGrantToken());
}

export function createKms(options: KmsOptions = {}) {
  const saved = options.state;
  const clock = options.clock ?? createModelClock(saved?.time);
  const rng = options.rng ?? (saved ? resumeRng(saved.rng) : createRng(1));
  const authorize = options.authorize ?? defaultAuthorizer;
  const world: KmsWorld = {
    authorize,
    store: saved ? KeyStore.from(saved.store) : new KeyStore(),
    clock,
    rng,
    defaultAccountId: options.accountId ?? saved?.accountId ?? '111122223333',
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.principalExists ? { principalExists: options.principalExists } : {}),
  };
  const audit = new AuditLog(options.auditCapacity);
  if (saved) refillAuditLog(audit, saved);
  const quotas = new QuotaBook(clock, options.quotas ?? true);

  // Calls run one at a time, in arrival order: ids come from one seeded stream, so a replay is exact.
  let tail: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };

  const catchUp = () =>
    applyDueTimeEffects(world, clock.now(), (name, key, at) => audit.append(serviceEvent(name, key, at, rng.uuid(), rng.uuid())));
  const capture = () =>
    captureEngineState({ time: clock.now(), rng: rng.state(), accountId: world.defaultAccountId, store: world.store, audit });
  const stopClock = clock.onAdvance(() => {
    serialize(catchUp).catch((error) => console.error('KMS time effects failed', error));
  });

  type Extras = { encryptionContext?: Record<string, string>; keyRef?: string };
  function denyUnlessAllowed(ctx: OperationContext, action: string, key: KmsKey | undefined, input: Input, { encryptionContext, keyRef }: Extras = {}) {
    const aliases = key ? world.store.aliasesOf(key).map((a) => a.aliasName) : undefined;
    const decision = authorize({
      caller: ctx.caller,
      action,
      key,
      accountId: ctx.scope.accountId,
      viaService: ctx.call.viaService,
      sourceIp: ctx.call.sourceIp,
      encryptionContext,
      now: clock.now(),
      region: ctx.call.region,
      context: requestConditionKeys({ action, input, key, keyRef, aliases }),
    });
    if (decision.request) ctx.note.decisions.push(decision.request);
    if (!decision.allowed) throw new KmsError('AccessDeniedException', decision.message ?? '');
  }

  async function run(operation: string, input: Input, call: CallContext): Promise<Output> {
    const requestId = call.requestId ?? rng.uuid();
    const eventId = rng.uuid();
    const description = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    const resources: KmsKey[] = [];
    const extraRequestParameters: Record<string, unknown> = {};
    const decisions: AuditNotes['decisions'] = [];
    let output: Output | undefined;
    let error: KmsError | undefined;
    try {
      if (hasDueTimeEffects(world, clock.now())) await catchUp();
      if (!description) throw new KmsError('UnknownOperationException', '');
      validateInput(description.input, input);
      const scope = { accountId: callerAccount(call.caller, world.defaultAccountId), region: call.region };
      checkGrantTokens(world, call.region, input.GrantTokens);
      const ctx: OperationContext = {
        world,
        operation,
        call,
        caller: call.caller,
        scope,
        dryRun: input.DryRun === true,
        now: () => clock.now(),
        note: { resources, requestParameters: extraRequestParameters, decisions },
        useKey(ref, aliases, action, extra) {
          const key = world.store.resolve(ref, scope, aliases);
          resources.push(key);
          denyUnlessAllowed(ctx, action, key, input, { encryptionContext: extra?.encryptionContext, keyRef: ref });
          return key;
        },
        authorizeKey(key, action, extra) {
          resources.push(key);
          denyUnlessAllowed(ctx, action, key, input, { encryptionContext: extra?.encryptionContext });
        },
      };
      const keyMember = description.key;
      const ref = keyMember ? (input[keyMember.member] as string | undefined) : undefined;
      if (keyMember && ref !== undefined) {
        // Naming an AWS managed key that does not exist yet creates it, as AWS does on first use.
        const service = keyMember.aliases ? awsManagedService(ref) : undefined;
        if (service && !ref.startsWith('arn:')) await ensureAwsManagedKey(world, service, scope);
        const context = (input.EncryptionContext as Record<string, string> | undefined) ?? undefined;
        ctx.key = ctx.useKey(ref, keyMember.aliases, description.action, { encryptionContext: context });
      } else if (!description.authorizesInHandler) {
        denyUnlessAllowed(ctx, description.action, undefined, input);
      }
      const family = typeof description.quota === 'function' ? description.quota(ctx.key, input) : description.quota;
      if (!quotas.tryTake(scope.accountId, call.region, family as QuotaFamily | string)) {
        throw new KmsError('ThrottlingException', messages.throttled());
      }
      output = await description.handler(ctx, input);
      if (ctx.dryRun && description.dryRun) {
        output = undefined;
        throw new KmsError('DryRunOperationException', messages.dryRun());
      }
    } catch (caught) {
      if (isKmsError(caught)) {
        error = caught;
      } else {
        console.error(`KMS ${operation} failed unexpectedly`, caught);
        error = new KmsError('KMSInternalException', 'An internal error occurred while processing the request.');
      }
    }
    try {
      audit.append(
        apiCallEvent({
          operation, description, input, output, error, context: call, defaultAccountId: world.defaultAccountId,
          at: clock.now(), requestId, eventId, resources, extraRequestParameters,
        }),
        decisions,
      );
    } catch (auditFailure) {
      // The promise of call(): an output or a KmsError, whatever happens while recording.
      console.error(`KMS audit of ${operation} failed`, auditFailure);
      if (!error) error = new KmsError('KMSInternalException', 'An internal error occurred while processing the request.');
    }
    if (error) throw error;
    return output ?? {};
  }

  return {
    /** Runs one KMS operation. Resolves with the output or rejects with a KmsError — never anything else. */
    call(operation: string, input: Input, context: CallContext): Promise<Output> {
      return serialize(() => run(operation, withoutNulls(input ?? {}), context));
    },
    operations,
    clock,
    accountId: world.defaultAccountId,
    keyStateMachine,
    audit: {
      get events(): readonly CloudTrailEvent[] {
        return audit.events;
      },
      subscribe: (listener: (event: CloudTrailEvent) => void) => audit.subscribe(listener),
      /**
       * The access decision behind an API call's event: the exact request the engine gave
       * evaluateKmsAccess and its result (the denial when the call was denied). Undefined for events
       * without one (refused before authorization, KMS's own events, or dropped as too old).
       */
      decisionOf: (eventID: string): RecordedDecision | undefined => audit.decisionOf(eventID),
      /** Every decision of that call in order (ReEncrypt and CreateAlias decide on two keys). */
      decisionsOf: (eventID: string): RecordedDecision[] => audit.decisionsOf(eventID),
    },
    quotas: {
      setRate: (family: QuotaFamily | string, ratePerSecond: number) => quotas.setRate(family, ratePerSecond),
      rateOf: (family: QuotaFamily | string, region: string) => quotas.rateOf(family, region),
      available: (family: QuotaFamily | string, region: string, accountId = world.defaultAccountId) =>
        quotas.available(accountId, region, family),
      get enabled() {
        return quotas.enabled;
      },
      set enabled(on: boolean) {
        quotas.enabled = on;
      },
    },
    /** View-safe list of keys (all accounts and Regions unless filtered). */
    keys(filter?: { accountId?: string; region?: string }): KeySummary[] {
      return world.store
        .all()
        .filter((k) => (!filter?.accountId || k.accountId === filter.accountId) && (!filter?.region || k.region === filter.region))
        .map((k) => ({
          metadata: keyMetadata(k),
          aliases: world.store.aliasesOf(k).map((a) => a.aliasName),
          rotation: {
            enabled: k.rotation.enabled,
            periodDays: k.rotation.periodDays,
            nextRotationDate: k.rotation.enabled && k.rotation.nextRotationAt !== undefined ? new Date(k.rotation.nextRotationAt) : undefined,
            onDemandRotations: k.rotation.onDemandCount,
          },
          backingKeyVersions: k.backing.map((b) => ({ keyMaterialId: b.materialId, createdAt: new Date(b.createdAt), rotationType: b.rotationType })),
          tags: Object.fromEntries(k.tags),
          grantCount: k.grants.length,
        }));
    },
    /** Every alias (name, ARN, target) for views and invariants. */
    aliases(filter: { accountId?: string; region: string }) {
      return world.store.aliasesInScope({ accountId: filter.accountId ?? world.defaultAccountId, region: filter.region });
    },
    /**
     * What an integrated service (S3, EBS, SSM…) does on first use in an account and Region: creates
     * the AWS managed key `alias/aws/<service>` if missing. Returns its KeyMetadata.
     */
    awsManagedKey(service: string, where: { region: string; accountId?: string }): Promise<Record<string, unknown>> {
      return serialize(async () =>
        keyMetadata(await ensureAwsManagedKey(world, service, { accountId: where.accountId ?? world.defaultAccountId, region: where.region })),
      );
    },
    /**
     * The whole engine as one structured-cloneable value, taken between calls (after due time
     * effects): store it in IndexedDB and pass it back as `createKms({ state })`. CryptoKeys are
     * cloned, never exported. Requires an rng with `state()` (every createRng/resumeRng has one).
     */
    snapshot(): Promise<KmsEngineState> {
      return serialize(async () => {
        await catchUp();
        return capture();
      });
    },
    /**
     * The same at once, for views that cannot wait (an export of the non-secret parts): exact
     * between calls, but it may show a call that is running half done. Save with snapshot().
     */
    snapshotNow: (): KmsEngineState => capture(),
    /** Resolves when every queued call and time effect has finished (useful after clock.advance). */
    settle(): Promise<void> {
      return serialize(catchUp);
    },
    /** Stops listening to the clock. */
    dispose(): void {
      stopClock();
    },
  };
}
