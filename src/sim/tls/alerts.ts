/**
 * Why an endpoint gave up: the TLS alert it sends (RFC 8446 §6.2 names) and a sentence a learner
 * can read. Every failure in the simulation is one of these, never a bare exception.
 */
import { UnexpectedMessage } from './handshake-machines';
import type { ChainFailureCode } from './trust-store';

export type AlertDescription =
  | 'unexpected_message'
  | 'bad_record_mac'
  | 'bad_certificate'
  | 'certificate_expired'
  | 'certificate_unknown'
  | 'unknown_ca'
  | 'decode_error'
  | 'decrypt_error';

export type FailureCode = ChainFailureCode | 'bad-certificate-verify' | 'bad-finished' | 'bad-record' | 'malformed' | 'unexpected' | 'closed';

export interface Failure {
  ok: false;
  code: FailureCode;
  alert: AlertDescription;
  reason: string;
}

export const CHAIN_ALERTS: Record<ChainFailureCode, AlertDescription> = {
  'empty-chain': 'decode_error',
  'unknown-issuer': 'unknown_ca',
  'not-a-ca': 'bad_certificate',
  'bad-signature': 'bad_certificate',
  expired: 'certificate_expired',
  'not-yet-valid': 'bad_certificate',
  'name-mismatch': 'certificate_unknown',
};

export const failure = (code: FailureCode, alert: AlertDescription, reason: string): Failure => ({ ok: false, code, alert, reason });

/** A thrown error as a handshake failure: a message out of order, or bytes that do not decode. */
export function thrownFailure(error: unknown, what: string): Failure {
  const detail = error instanceof Error ? error.message : String(error);
  return error instanceof UnexpectedMessage
    ? failure('unexpected', 'unexpected_message', detail)
    : failure('malformed', 'decode_error', `malformed ${what}: ${detail}`);
}
