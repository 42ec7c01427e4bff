/**
 * The audit log's filters and one-line summaries of CloudTrail events: which values each filter
 * offers (taken from the events themselves), whether an event passes, and how a row names it.
 */
import type { CloudTrailEvent } from '../../../kms/index.ts';

export interface AuditFilters {
  eventName: string;
  key: string;
  principal: string;
  /** '' any outcome, SUCCEEDED only calls without an error, ANY_ERROR any error, else one error code. */
  errorCode: string;
}

export const SUCCEEDED = '(succeeded)';
export const ANY_ERROR = '(any error)';
export const NO_FILTERS: AuditFilters = { eventName: '', key: '', principal: '', errorCode: '' };

export const keyArnsOf = (event: CloudTrailEvent): string[] => (event.resources ?? []).map((r) => r.ARN);

/** `key/1234abcd-…` → `1234abcd-…`: the key id a person recognises from the console. */
export const keyIdOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** `arn:aws:iam::111122223333:user/bob` → `user/bob`; services and odd values stay as they are. */
export function principalLabel(arn: string): string {
  const m = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!m) return arn;
  return m[2] === 'root' ? `root (account ${m[1]})` : m[2];
}

const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

export function filterOptions(events: readonly CloudTrailEvent[]) {
  return {
    eventNames: distinct(events.map((e) => e.eventName)),
    keys: distinct(events.flatMap(keyArnsOf)),
    principals: distinct(events.map((e) => e.userIdentity.arn)),
    errorCodes: distinct(events.flatMap((e) => (e.errorCode ? [e.errorCode] : []))),
  };
}

export function passes(event: CloudTrailEvent, f: AuditFilters): boolean {
  if (f.eventName && event.eventName !== f.eventName) return false;
  if (f.key && !keyArnsOf(event).includes(f.key)) return false;
  if (f.principal && event.userIdentity.arn !== f.principal) return false;
  if (f.errorCode === SUCCEEDED) return !event.errorCode;
  if (f.errorCode === ANY_ERROR) return Boolean(event.errorCode);
  return !f.errorCode || event.errorCode === f.errorCode;
}

/** Newest first, filtered, at most `limit`: a long log renders only what is asked for. */
export function visibleEvents(events: readonly CloudTrailEvent[], f: AuditFilters, limit: number): { shown: CloudTrailEvent[]; matching: number } {
  const shown: CloudTrailEvent[] = [];
  let matching = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    if (!passes(events[i], f)) continue;
    matching++;
    if (shown.length < limit) shown.push(events[i]);
  }
  return { shown, matching };
}

/** `2026-11-28T23:20:05Z` → `2026-11-28 23:20:05 UTC`. */
export const eventTimeText = (iso: string): string => iso.replace('T', ' ').replace(/Z$/, ' UTC');
