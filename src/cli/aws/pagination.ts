/**
 * The CLI's automatic paging of List* commands, as botocore's PageIterator does it: request page
 * after page (Limit = --page-size, Marker = the previous NextMarker), stop at --max-items, and
 * hand back a NextToken — base64 of Python's json.dumps of {"Marker": …, "boto_truncate_amount": n}
 * — that --starting-token resumes from, even in the middle of a page.
 */
import { encodeBase64 } from '../../kms/wire/index.ts';
import { pythonBase64Decode } from './python-base64.ts';
import { clientError } from './usage-error.ts';

export interface PagingRequest {
  resultKey: string;
  pageSize?: number;
  maxItems?: number;
  startingToken?: string;
  send(extra: { Limit?: number; Marker?: string }): Promise<Record<string, unknown>>;
}

export interface PagedResult {
  /** The result key's items, page by page (text output formats each page on its own). */
  pages: unknown[][];
  nextToken?: string;
}

type Token = { Marker: string | null; boto_truncate_amount?: number };

/** Python's json.dumps of a flat token: `{"Marker": null, "boto_truncate_amount": 1}`. */
function dumpToken(token: Token): string {
  const parts = Object.entries(token).map(([key, value]) => `"${key}": ${value === null ? 'null' : JSON.stringify(value)}`);
  return `{${parts.join(', ')}}`;
}

function encodeToken(token: Token): string {
  return encodeBase64(new TextEncoder().encode(dumpToken(token)));
}

function decodeToken(text: string): Token {
  try {
    const bytes = pythonBase64Decode(text);
    if (!bytes) throw new Error('not base64');
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Token;
    if (typeof parsed !== 'object' || parsed === null || !('Marker' in parsed)) throw new Error('no Marker');
    return parsed;
  } catch {
    throw clientError(`Bad starting token: ${text}`);
  }
}

export async function paginate(request: PagingRequest): Promise<PagedResult> {
  const pages: unknown[][] = [];
  let current: Token = { Marker: null };
  let startingTruncation = 0;
  if (request.startingToken !== undefined) {
    const token = decodeToken(request.startingToken);
    current = { Marker: token.Marker };
    startingTruncation = token.boto_truncate_amount ?? 0;
  }
  let total = 0;
  let first = true;
  for (;;) {
    const page = await request.send({
      ...(request.pageSize !== undefined ? { Limit: request.pageSize } : {}),
      ...(current.Marker !== null ? { Marker: current.Marker } : {}),
    });
    let items = (page[request.resultKey] as unknown[] | undefined) ?? [];
    const truncatedAtStart = first ? startingTruncation : 0;
    if (first) items = items.slice(startingTruncation);
    first = false;
    const over = request.maxItems !== undefined ? total + items.length - request.maxItems : 0;
    if (over > 0) {
      const keep = items.length - over;
      pages.push(items.slice(0, keep));
      return { pages, nextToken: encodeToken({ ...current, boto_truncate_amount: keep + truncatedAtStart }) };
    }
    pages.push(items);
    total += items.length;
    const nextMarker = page.Truncated === true && typeof page.NextMarker === 'string' ? page.NextMarker : undefined;
    if (nextMarker === undefined) return { pages };
    if (request.maxItems !== undefined && total === request.maxItems) return { pages, nextToken: encodeToken({ Marker: nextMarker }) };
    current = { Marker: nextMarker };
  }
}
