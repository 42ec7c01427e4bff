/**
 * Reads the SigV4 Authorization header far enough to know who is calling and where:
 * `AWS4-HMAC-SHA256 Credential=<access key>/<yyyymmdd>/<region>/kms/aws4_request, SignedHeaders=…, Signature=…`.
 *
 * The signature itself is NOT verified: the simulated endpoint accepts any credentials (there are
 * no secret keys to check against), which is what lets `aws` and the SDK talk to it with dummy
 * keys. What IS checked is what AWS checks before the signature: the header's parts are present,
 * the credential scope names a well-formed region and the `kms` service.
 */
import { headerValue, type HeaderBag } from './headers';
import { authMessages, ProtocolError } from './protocol-error';

export interface SigV4Scope {
  accessKeyId: string;
  /** The region the request was signed for: the caller's region for ARNs and audit. */
  region: string;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function readSigV4Scope(headers: HeaderBag, fallbackRegion: string): SigV4Scope {
  const authorization = headerValue(headers, 'authorization');
  if (authorization === undefined || authorization.trim() === '') {
    throw new ProtocolError('MissingAuthenticationTokenException', authMessages.missingToken);
  }
  const params = new Map<string, string>();
  for (const part of authorization.split(/[, ]/).slice(1)) {
    const equals = part.indexOf('=');
    if (equals > 0) params.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  let problems = '';
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!params.get(name)) problems += authMessages.requiresParameter(name);
  }
  if (headerValue(headers, 'x-amz-date') === undefined && headerValue(headers, 'date') === undefined) {
    problems += authMessages.requiresDate;
  }
  if (problems) throw new ProtocolError('IncompleteSignatureException', `${problems}Authorization=${authorization}`);

  // Lenient on purpose: only the access key is required; a scope without a region falls back to
  // the endpoint's region. A region or service that IS given must be valid, as AWS insists.
  const [accessKeyId, , region, service] = params.get('Credential')!.split('/');
  if (!accessKeyId) {
    throw new ProtocolError('IncompleteSignatureException', `${authMessages.requiresParameter('Credential')}Authorization=${authorization}`);
  }
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    throw new ProtocolError('InvalidSignatureException', authMessages.invalidRegion(region));
  }
  if (service !== undefined && service !== 'kms') throw new ProtocolError('InvalidSignatureException', authMessages.wrongService('kms'));
  return { accessKeyId, region: region ?? fallbackRegion };
}
