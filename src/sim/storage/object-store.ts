/**
 * An S3-like object store as an actor of the simulated world: buckets with a default encryption,
 * PutObject and GetObject, and the disk underneath. Every step it takes is a SimEvent, so the
 * diagram and its text twin show where the object is plaintext and where it is ciphertext, which
 * KMS calls happen, and what lands on the disk.
 *
 * SSE-KMS (what S3 does, reference: S3 User Guide "Using server-side encryption with AWS KMS keys"):
 *   PutObject  GenerateDataKey(KeyId = the bucket's key or aws/s3, KeySpec AES_256,
 *              EncryptionContext {"aws:s3:arn": <object ARN>}) as the CALLER, with
 *              kms:ViaService = s3.<region>.amazonaws.com → AES-256-GCM of the object with the
 *              plaintext data key → erase the plaintext key → store ciphertext + encrypted data key.
 *   GetObject  Decrypt(CiphertextBlob = the stored encrypted data key, same context) as the
 *              caller via S3 → decrypt → erase the key → return the plaintext.
 *   A caller whom KMS refuses gets S3's 403 AccessDenied carrying KMS's message; nothing is stored
 *   (PutObject) or returned (GetObject).
 * SSE-S3: S3 makes and wraps the data key itself (s3-managed-keys.ts); KMS is never called.
 */
import type { KmsCaller, Kms, Output } from '../../kms/index';
import type { NoteEvent } from '../core/events';
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../network/payloads';
import type { Network } from '../network/network';
import { fromUtf8, toHex, utf8, type Bytes } from '../tls/bytes';
import { decryptWithDataKey, encryptWithDataKey } from '../envelope/data-key-cipher';
import { Disk } from './disk';
import { callKms, type KmsCallResult } from './kms-call';
import { encodeObjectRecord } from './object-record';
import { S3ManagedKeys } from './s3-managed-keys';
import type { BucketEncryption, GetObjectOutput, ObjectMetadata, PutObjectOutput, S3Error, S3Response, StoredObject } from './types';

export interface ObjectStoreActors {
  /** The storage service (S3). */
  service: string;
  kms: string;
  disk: string;
}

export interface ObjectStoreOptions {
  net: Network;
  kms: Kms;
  region: string;
  /** The account that owns the buckets (and where aws/s3 is created). */
  accountId: string;
  actors: ObjectStoreActors;
}

export interface ObjectRequest {
  bucket: string;
  key: string;
  /** The principal whose signed request this is: S3 calls KMS as this caller. */
  caller: KmsCaller;
  /** What the diagram calls the object's contents, e.g. "quarterly report". */
  contents?: string;
}

export interface PutObjectRequest extends ObjectRequest {
  body: Uint8Array;
}

export const AWS_MANAGED_S3_ALIAS = 'alias/aws/s3';
const ENCRYPTION_CONTEXT_KEY = 'aws:s3:arn';

export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

export function describeEncryption(encryption: BucketEncryption): string {
  if (encryption.algorithm === 'AES256') return 'SSE-S3 (keys managed by Amazon S3)';
  return `SSE-KMS with ${encryption.kmsKeyId ?? `the AWS managed key ${AWS_MANAGED_S3_ALIAS.slice('alias/'.length)}`}`;
}

/** S3's answer when KMS refused: 403 AccessDenied with KMS's message, other KMS failures as `KMS.<Exception>`. */
function s3ErrorFromKms(result: Extract<KmsCallResult, { ok: false }>): S3Error {
  const { code, message } = result.error;
  const eventId = result.audit ? { kmsEventId: result.audit.eventID } : {};
  return code === 'AccessDeniedException'
    ? { status: 403, code: 'AccessDenied', message, kmsError: code, ...eventId }
    : { status: result.error.status === 500 ? 500 : 400, code: `KMS.${code}`, message, kmsError: code, ...eventId };
}

const fail = (error: S3Error): S3Response<never> => ({ ok: false, ...error });

export class ObjectStore {
  readonly disk = new Disk();
  private readonly buckets = new Map<string, BucketEncryption>();

  private constructor(
    private readonly options: ObjectStoreOptions,
    private readonly s3Keys: S3ManagedKeys,
  ) {}

  static async create(options: ObjectStoreOptions): Promise<ObjectStore> {
    return new ObjectStore(options, await S3ManagedKeys.create());
  }

  /** The kms:ViaService value of every KMS call this store makes. */
  get viaService(): string {
    return `s3.${this.options.region}.amazonaws.com`;
  }

  /**
   * A bucket that exists before the story starts (no event). Without `encryption` it gets what
   * every S3 bucket has had as its base encryption since January 2023: SSE-S3.
   */
  createBucket(name: string, encryption: BucketEncryption = { algorithm: 'AES256' }): void {
    this.buckets.set(name, encryption);
  }

  bucketEncryption(name: string): BucketEncryption | undefined {
    return this.buckets.get(name);
  }

  /** PutBucketEncryption: the default encryption for objects written from now on (existing objects keep theirs). */
  putBucketEncryption(name: string, encryption: BucketEncryption): void {
    if (!this.buckets.has(name)) throw new Error(`no bucket "${name}"`);
    this.buckets.set(name, encryption);
    this.note(`default encryption of bucket ${name} is now ${describeEncryption(encryption)}: it applies to objects written from now on`, {
      carries: [metadataPayload('ServerSideEncryptionByDefault', encryption.algorithm === 'aws:kms' ? `aws:kms ${encryption.kmsKeyId ?? '(aws/s3)'}` : 'AES256')],
    });
  }

  async putObject(request: PutObjectRequest): Promise<S3Response<PutObjectOutput>> {
    const encryption = this.buckets.get(request.bucket);
    if (!encryption) return fail({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    const arn = objectArn(request.bucket, request.key);
    const contents = request.contents ?? request.key;
    let dataKey: Uint8Array;
    let encryptedDataKey: Bytes;
    let metadata: ObjectMetadata;
    if (encryption.algorithm === 'aws:kms') {
      const keyId = encryption.kmsKeyId ?? (await this.awsManagedKeyArn());
      const encryptionContext = { [ENCRYPTION_CONTEXT_KEY]: arn };
      const result = await this.callKms(request.caller, 'GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: encryptionContext }, [
        metadataPayload('KeyId', keyId),
        metadataPayload('KeySpec', 'AES_256'),
        metadataPayload('EncryptionContext', `${ENCRYPTION_CONTEXT_KEY} = ${arn}`),
      ], (output) => [
        bytesPayload('key', 'Plaintext (the data key)', output.Plaintext as Uint8Array, 8),
        bytesPayload('encrypted-key', 'CiphertextBlob (the data key, encrypted under the KMS key)', output.CiphertextBlob as Uint8Array),
      ]);
      if (!result.ok) {
        this.note(`gets no data key, so it cannot encrypt ${request.key}: it stores nothing and answers ${result.error.code === 'AccessDeniedException' ? '403 AccessDenied' : `KMS.${result.error.code}`}`, { tone: 'danger' });
        return fail(s3ErrorFromKms(result));
      }
      dataKey = result.output.Plaintext as Uint8Array;
      encryptedDataKey = new Uint8Array(result.output.CiphertextBlob as Uint8Array);
      metadata = { bucket: request.bucket, key: request.key, serverSideEncryption: 'aws:kms', kmsKeyArn: result.output.KeyId as string, encryptionContext, contentLength: request.body.length };
    } else {
      const fresh = await this.s3Keys.newDataKey();
      this.note('makes a new data key for this object itself and wraps it under its S3 managed root key: no call to KMS', {
        carries: [heldKeyPayload('S3 managed root key (never leaves S3)'), bytesPayload('encrypted-key', 'data key, wrapped by S3', fresh.wrapped)],
      });
      dataKey = fresh.plaintext;
      encryptedDataKey = fresh.wrapped;
      metadata = { bucket: request.bucket, key: request.key, serverSideEncryption: 'AES256', contentLength: request.body.length };
    }

    const { iv, ciphertext } = await encryptWithDataKey(dataKey, request.body, arn);
    this.note('encrypts the object with the plaintext data key (AES-256-GCM), then erases the plaintext data key: only its encrypted copy is kept', {
      carries: [textPayload(contents, fromUtf8(request.body)), bytesPayload('ciphertext', `${contents} (encrypted)`, ciphertext)],
    });
    const stored = encodeObjectRecord(metadata, encryptedDataKey, iv, ciphertext);
    this.options.net.send({
      from: this.options.actors.service,
      to: this.options.actors.disk,
      label: 'write object',
      carries: [
        metadataPayload('metadata', `${metadata.serverSideEncryption}${metadata.kmsKeyArn ? ` ${metadata.kmsKeyArn}` : ''}`),
        bytesPayload('encrypted-key', 'encrypted data key', encryptedDataKey),
        bytesPayload('ciphertext', `${contents} (encrypted)`, ciphertext),
      ],
      wire: stored.record,
    });
    this.disk.write(stored);
    return { ok: true, ETag: await etagOf(stored), ServerSideEncryption: metadata.serverSideEncryption, ...(metadata.kmsKeyArn ? { SSEKMSKeyId: metadata.kmsKeyArn } : {}) };
  }

  async getObject(request: ObjectRequest): Promise<S3Response<GetObjectOutput>> {
    if (!this.buckets.has(request.bucket)) return fail({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    const { service, disk } = this.options.actors;
    const contents = request.contents ?? request.key;
    this.options.net.send({ from: service, to: disk, label: 'read object', carries: [metadataPayload('object', `${request.bucket}/${request.key}`)], wire: utf8(`${request.bucket}/${request.key}`) });
    const stored = this.disk.read(request.bucket, request.key);
    if (!stored) {
      this.note(`finds no object ${request.key}`, { tone: 'warning' });
      return fail({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' });
    }
    this.options.net.send({
      from: disk,
      to: service,
      label: 'stored object',
      carries: [bytesPayload('encrypted-key', 'encrypted data key', stored.encryptedDataKey), bytesPayload('ciphertext', `${contents} (encrypted)`, stored.ciphertext)],
      wire: stored.record,
    });
    const arn = objectArn(request.bucket, request.key);
    let dataKey: Uint8Array;
    if (stored.metadata.serverSideEncryption === 'aws:kms') {
      const encryptionContext = stored.metadata.encryptionContext ?? {};
      const result = await this.callKms(request.caller, 'Decrypt', { CiphertextBlob: stored.encryptedDataKey, EncryptionContext: encryptionContext }, [
        bytesPayload('encrypted-key', 'CiphertextBlob (the encrypted data key)', stored.encryptedDataKey),
        metadataPayload('EncryptionContext', Object.entries(encryptionContext).map(([k, v]) => `${k} = ${v}`).join(', ')),
      ], (output) => [bytesPayload('key', 'Plaintext (the data key)', output.Plaintext as Uint8Array, 8)]);
      if (!result.ok) {
        this.note(`holds only ciphertext and cannot get the data key, so it cannot return ${request.key}: it answers ${result.error.code === 'AccessDeniedException' ? '403 AccessDenied' : `KMS.${result.error.code}`}`, { tone: 'danger' });
        return fail(s3ErrorFromKms(result));
      }
      dataKey = result.output.Plaintext as Uint8Array;
    } else {
      dataKey = await this.s3Keys.unwrap(stored.encryptedDataKey);
      this.note('unwraps the data key with its S3 managed root key: no call to KMS, so KMS records nothing about this read', {
        carries: [heldKeyPayload('S3 managed root key (never leaves S3)')],
      });
    }
    const body = await decryptWithDataKey(dataKey, stored.iv, stored.ciphertext, arn);
    this.note('decrypts the object with the data key and erases the key again', { tone: 'success', carries: [textPayload(contents, fromUtf8(body))] });
    return { ok: true, Body: body, ServerSideEncryption: stored.metadata.serverSideEncryption, ...(stored.metadata.kmsKeyArn ? { SSEKMSKeyId: stored.metadata.kmsKeyArn } : {}) };
  }

  /** The ARN of aws/s3, which KMS creates the first time S3 needs it in this account and Region. */
  private async awsManagedKeyArn(): Promise<string> {
    const { kms, region, accountId, actors } = this.options;
    const existed = kms.aliases({ accountId, region }).some((a) => a.aliasName === AWS_MANAGED_S3_ALIAS);
    const metadata = await kms.awsManagedKey('s3', { region, accountId });
    if (!existed) {
      this.options.net.note(actors.kms, `creates the AWS managed key aws/s3 for account ${accountId} in ${region}, on S3's first SSE-KMS use there: managed and rotated yearly by AWS, usable only through S3`, {
        tone: 'info',
        carries: [heldKeyPayload('aws/s3 key material'), metadataPayload('KeyManager', 'AWS')],
      });
    }
    return metadata.Arn as string;
  }

  private callKms(caller: KmsCaller, operation: string, input: Record<string, unknown>, request: Parameters<typeof callKms>[0]['request'], response: (output: Output) => Parameters<typeof callKms>[0]['request']) {
    const { net, kms, region, actors } = this.options;
    return callKms({ net, kms, from: actors.service, kmsActor: actors.kms, operation, input, context: { caller, region, viaService: this.viaService }, request, response });
  }

  private note(text: string, options?: Parameters<Network['note']>[2]): NoteEvent {
    return this.options.net.note(this.options.actors.service, text, options);
  }
}

/**
 * An ETag for the response. For SSE-KMS objects S3's ETag is not the MD5 of the data either; here
 * it is the first 16 bytes of the SHA-256 of the stored ciphertext (WebCrypto has no MD5).
 */
async function etagOf(stored: StoredObject): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', stored.ciphertext));
  return `"${toHex(digest.subarray(0, 16))}"`;
}
