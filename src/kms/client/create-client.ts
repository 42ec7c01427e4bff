/**
 * A real `KMSClient` from @aws-sdk/client-kms, wired to the simulated KMS in the same process:
 * lessons and tests write exactly the code a learner would write against AWS
 * (`await kms.send(new EncryptCommand({...}))`), and no request leaves the page.
 *
 * The SDK (about 46 kB gzip) is loaded with a dynamic import, so only pages that create a client
 * pay for it. Commands come from the same lazily loaded module:
 *   const client = await createInProcessKmsClient(kms);
 *   const { EncryptCommand } = await import('@aws-sdk/client-kms');
 *
 * Retries are the SDK's own (standard mode, 3 attempts, exponential backoff with jitter in wall
 * time), as a learner's code would get; pass `maxAttempts: 1` to see every ThrottlingException.
 */
import type { KMSClient, KMSClientConfig } from '@aws-sdk/client-kms';
import type { Kms, KmsCaller } from '../index';
import { createJson11Endpoint, DEFAULT_REGION, type Json11EndpointOptions } from '../wire';
import { InProcessRequestHandler } from './in-process-handler';

export interface InProcessClientOptions {
  /** The region the client signs for and the engine acts in. Default eu-west-2. */
  region?: string;
  /** Who calls. Default: the root of the engine's account, which the default key policy allows. */
  caller?: KmsCaller;
  /** Principals by access key, when the client's credentials should pick the caller instead. */
  principals?: Json11EndpointOptions['principals'];
  /** Default: a fixed dummy key pair; the simulator accepts any credentials. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts?: number;
  retryMode?: 'standard' | 'adaptive' | 'legacy';
  onUnexpectedError?: Json11EndpointOptions['onUnexpectedError'];
}

/** Shown in CloudTrail's accessKeyId when no credentials are given (AWS's documented example key). */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export async function createInProcessKmsClient(kms: Kms, options: InProcessClientOptions = {}): Promise<KMSClient> {
  const sdk = await import('@aws-sdk/client-kms');
  const region = options.region ?? DEFAULT_REGION;
  const endpoint = createJson11Endpoint(kms, {
    region,
    caller: options.caller,
    principals: options.principals,
    onUnexpectedError: options.onUnexpectedError,
  });
  const config: KMSClientConfig = {
    region,
    credentials: options.credentials ?? DUMMY_CREDENTIALS,
    requestHandler: new InProcessRequestHandler(endpoint),
    maxAttempts: options.maxAttempts,
    retryMode: options.retryMode,
  };
  return new sdk.KMSClient(config);
}
