/**
 * Request generators for the wire fuzz test: fast-check arbitraries that build JSON 1.1 requests
 * from the engine's own operation descriptions (so every operation is reached with members of the
 * right names and roughly the right values), then break them in the ways clients and attackers do.
 */
import fc from 'fast-check';
import type { Member, Shape, StructureShape } from '../../../../src/kms/operations/shape';
import { encodeBase64, type Json11Request, type OperationShapes } from '../../../../src/kms/wire';
import { KMS_OPERATION_NAMES } from '../../../../src/kms/wire/kms-operation-names';

/** Real values from the seeded world that make a generated request reach deep into the engine. */
export interface FuzzPools {
  keyRefs: string[];
  aliasNames: string[];
  principals: string[];
  grantTokens: string[];
  grantIds: string[];
  blobs: Uint8Array[];
  policies: string[];
  /** Model time of the engine, in epoch seconds, for timestamps near "now". */
  nowSeconds: number;
  /**
   * Keys that no generated request names (they are in no pool), used only by the correct-use
   * templates below, so that cryptographic operations keep succeeding however the fuzz disables,
   * schedules for deletion or re-polices the pooled keys.
   */
  sanctuary: {
    symmetric: string;
    other: string;
    ecc: string;
    hmac: string;
    sealed: { blob: Uint8Array; context?: Record<string, string> };
    signed: { message: Uint8Array; signature: Uint8Array };
    mac: { message: Uint8Array; mac: Uint8Array };
  };
}

/** Correct use of the cryptographic operations, as an application does it. */
function correctUse(pools: FuzzPools): fc.Arbitrary<{ operation: string; body: Record<string, unknown> }> {
  const k = pools.sanctuary;
  const b64 = encodeBase64;
  const context = fc.option(fc.dictionary(smallText, smallText, { maxKeys: 3 }), { nil: undefined });
  const plaintext = fc.uint8Array({ minLength: 1, maxLength: 4096 });
  const sealedContext = k.sealed.context;
  return fc.oneof(
    fc.tuple(plaintext, context).map(([bytes, ctx]) => ({ operation: 'Encrypt', body: { KeyId: k.symmetric, Plaintext: b64(bytes), EncryptionContext: ctx } })),
    fc.constant({ operation: 'Decrypt', body: { CiphertextBlob: b64(k.sealed.blob), EncryptionContext: sealedContext } }),
    fc.constant({ operation: 'ReEncrypt', body: { CiphertextBlob: b64(k.sealed.blob), SourceEncryptionContext: sealedContext, DestinationKeyId: k.other } }),
    fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 1024 }), context).map(([bySpec, n, ctx]) => ({
      operation: bySpec ? 'GenerateDataKey' : 'GenerateDataKeyWithoutPlaintext',
      body: { KeyId: k.symmetric, ...(bySpec ? { KeySpec: 'AES_256' } : { NumberOfBytes: n }), EncryptionContext: ctx },
    })),
    fc.integer({ min: 1, max: 1024 }).map((n) => ({ operation: 'GenerateRandom', body: { NumberOfBytes: n } })),
    fc.uint8Array({ minLength: 1, maxLength: 256 }).map((m) => ({ operation: 'Sign', body: { KeyId: k.ecc, Message: b64(m), SigningAlgorithm: 'ECDSA_SHA_256' } })),
    fc.constant({ operation: 'Verify', body: { KeyId: k.ecc, Message: b64(k.signed.message), Signature: b64(k.signed.signature), SigningAlgorithm: 'ECDSA_SHA_256' } }),
    fc.uint8Array({ minLength: 1, maxLength: 256 }).map((m) => ({ operation: 'GenerateMac', body: { KeyId: k.hmac, Message: b64(m), MacAlgorithm: 'HMAC_SHA_256' } })),
    fc.constant({ operation: 'VerifyMac', body: { KeyId: k.hmac, Message: b64(k.mac.message), Mac: b64(k.mac.mac), MacAlgorithm: 'HMAC_SHA_256' } }),
    fc.constantFrom(k.symmetric, k.ecc, k.hmac).map((id) => ({ operation: 'DescribeKey', body: { KeyId: id } })),
    fc.constant({ operation: 'GetPublicKey', body: { KeyId: k.ecc } }),
  );
}

const REGIONS = ['eu-west-2', 'eu-west-2', 'eu-west-2', 'eu-west-2', 'us-east-1', 'ap-southeast-2'];

const smallText = fc.string({ maxLength: 12 });
const oddText = fc.oneof(
  smallText,
  fc.constantFrom('', ' ', 'alias/', 'alias/aws/', 'arn:aws:kms:eu-west-2:111122223333:key/', 'mrk-', '*', '\u0000', 'é'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

function stringFor(name: string, shape: Extract<Shape, { type: 'string' }>, pools: FuzzPools): fc.Arbitrary<string> {
  if (shape.enum) return fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...shape.enum) }, { weight: 1, arbitrary: oddText });
  const pool = /KeyId$/.test(name)
    ? pools.keyRefs
    : /AliasName/.test(name)
      ? pools.aliasNames
      : /Principal/.test(name)
        ? pools.principals
        : /GrantToken/.test(name)
          ? pools.grantTokens
          : /GrantId/.test(name)
            ? pools.grantIds
            : /Policy$/.test(name)
              ? pools.policies
              : [];
  return pool.length > 0 ? fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: oddText }) : oddText;
}

function valueFor(name: string, shape: Shape, pools: FuzzPools, depth: number): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'string':
      return stringFor(name, shape, pools);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = shape.min ?? 0;
      const max = Math.min(shape.max ?? 1000, min + 2000);
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min, max }) },
        { weight: 2, arbitrary: fc.constantFrom(min - 1, max + 1, 0, -1, 2 ** 31, 1.5) },
      );
    }
    case 'timestamp':
      return fc.oneof(
        fc.integer({ min: -400, max: 400 }).map((days) => pools.nowSeconds + days * 86_400),
        fc.constantFrom(0, -1, 1e12, 1593622000.191),
      );
    case 'blob':
      return fc
        .oneof(
          { weight: 12, arbitrary: pools.blobs.length ? fc.constantFrom(...pools.blobs) : fc.uint8Array({ minLength: 1, maxLength: 8 }) },
          { weight: 7, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 96 }) },
          { weight: 1, arbitrary: fc.constantFrom(new Uint8Array(0), new Uint8Array(4097), new Uint8Array(6145)) },
        )
        .map(encodeBase64);
    case 'list':
      return fc.array(valueFor(name, shape.member, pools, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
    case 'map':
      return fc.dictionary(fc.oneof(smallText, fc.constantFrom('aws:x', 'purpose', '__proto__')), valueFor(name, shape.value, pools, depth + 1), {
        maxKeys: 4,
      });
    case 'structure':
      return structureFor(shape, pools, depth + 1);
  }
}

function structureFor(shape: StructureShape, pools: FuzzPools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, member] of Object.entries(shape.members) as [string, Member][]) {
    (member.required ? required : optional)[name] = valueFor(name, member.shape, pools, depth);
  }
  const requiredNames = Object.keys(required);
  // Each optional member is present one time in three; one time in ten a required member is left out.
  const maybe: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, arbitrary] of Object.entries(optional)) maybe[name] = fc.option(arbitrary, { freq: 3, nil: undefined });
  return fc.tuple(fc.record(required), fc.record(maybe), fc.integer({ min: 0, max: 9 }), fc.nat()).map(([present, some, die, pick]) => {
    const out: Record<string, unknown> = { ...present };
    for (const [name, value] of Object.entries(some)) if (value !== undefined) out[name] = value;
    if (die === 0 && requiredNames.length > 0) delete out[requiredNames[pick % requiredNames.length]];
    return out;
  });
}

/** One way to break a well-formed body. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('unknown' as const), name: smallText, value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('bad-base64' as const), pick: fc.nat(), cut: fc.nat() }),
  fc.record({ kind: fc.constant('bit-flip' as const), pick: fc.nat(), bit: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(body: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const out = { ...body };
  const names = Object.keys(out);
  const pick = names.length ? names[('pick' in m ? m.pick : 0) % names.length] : undefined;
  switch (m.kind) {
    case 'drop':
      if (pick) delete out[pick];
      break;
    case 'retype':
      if (pick) out[pick] = m.value;
      break;
    case 'unknown':
      out[`X${m.name}`] = m.value;
      break;
    case 'bad-base64':
    case 'bit-flip': {
      const blobName = names.filter((n) => typeof out[n] === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(out[n] as string) && (out[n] as string).length % 4 === 0);
      const target = blobName.length ? blobName[m.pick % blobName.length] : undefined;
      if (!target) break;
      const text = out[target] as string;
      if (m.kind === 'bad-base64') {
        out[target] = text.slice(0, m.cut % (text.length + 1)) + text.slice((m.cut % (text.length + 1)) + 1) + '!';
      } else if (text.length > 0) {
        const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        bytes[Math.floor(m.bit / 8) % bytes.length] ^= 1 << m.bit % 8;
        out[target] = encodeBase64(bytes);
      }
      break;
    }
  }
  return out;
}

function signedHeaders(operation: string, region: string): Record<string, string> {
  return {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `TrentService.${operation}`,
    'x-amz-date': '20260101T000000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20260101/${region}/kms/aws4_request, SignedHeaders=host, Signature=00`,
  };
}

export type FuzzKind = 'correct-use' | 'well-formed' | 'mutated' | 'random-json' | 'random-bytes' | 'broken-envelope';

export interface FuzzCase {
  kind: FuzzKind;
  request: Json11Request;
}

export function fuzzCases(operations: Readonly<Record<string, OperationShapes>>, pools: FuzzPools): fc.Arbitrary<FuzzCase> {
  const names = Object.keys(operations);
  const region = fc.constantFrom(...REGIONS);
  const wellFormed = fc
    .tuple(fc.constantFrom(...names), region)
    .chain(([operation, where]) =>
      structureFor(operations[operation].input, pools, 0).map((body) => ({ operation, where, body })),
    );
  const request = (operation: string, where: string, body: string | Uint8Array): Json11Request => ({
    method: 'POST',
    path: '/',
    headers: signedHeaders(operation, where),
    body,
  });

  // JSON.stringify drops the members a template left undefined.
  const correct = fc.tuple(correctUse(pools), region).map(([{ operation, body }, where]) => ({ operation, where, body }));

  return fc.oneof(
    { weight: 15, arbitrary: correct.map(({ operation, where, body }) => ({ kind: 'correct-use' as const, request: request(operation, where, JSON.stringify(body)) })) },
    { weight: 35, arbitrary: wellFormed.map(({ operation, where, body }) => ({ kind: 'well-formed' as const, request: request(operation, where, JSON.stringify(body)) })) },
    {
      weight: 25,
      arbitrary: fc.tuple(fc.oneof(wellFormed, correct), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([{ operation, where, body }, ms]) => ({
        kind: 'mutated' as const,
        request: request(operation, where, JSON.stringify(ms.reduce(mutate, body))),
      })),
    },
    {
      weight: 12,
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...KMS_OPERATION_NAMES), smallText), fc.jsonValue({ maxDepth: 3 }), region)
        .map(([operation, json, where]) => ({ kind: 'random-json' as const, request: request(operation, where, JSON.stringify(json) ?? '') })),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.uint8Array({ maxLength: 64 }))
        .map(([operation, bytes]) => ({ kind: 'random-bytes' as const, request: request(operation, 'eu-west-2', bytes) })),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(wellFormed, fc.constantFrom('method', 'path', 'content-type', 'no-auth', 'bad-auth', 'target', 'prefix'), smallText)
        .map(([{ operation, where, body }, part, text]) => {
          const broken = request(operation, where, JSON.stringify(body));
          const headers = broken.headers as Record<string, string>;
          if (part === 'method') broken.method = text || 'GET';
          if (part === 'path') broken.path = `/${text}x`;
          if (part === 'content-type') headers['content-type'] = text;
          if (part === 'no-auth') delete headers.authorization;
          if (part === 'bad-auth') headers.authorization = `AWS4-HMAC-SHA256 Credential=${text}`;
          if (part === 'target') headers['x-amz-target'] = text;
          if (part === 'prefix') headers['x-amz-target'] = `${text}.${operation}`;
          return { kind: 'broken-envelope' as const, request: broken };
        }),
    },
  );
}
