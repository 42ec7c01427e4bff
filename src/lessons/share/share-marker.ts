/**
 * The marker that makes a lesson address a share link (`?share=1` first in its query). It lives apart
 * from ./link-codec.ts so the lesson page can recognise a share link without loading the codec, which
 * it fetches only when a share link is actually opened.
 *
 *   SHARE_MARKER             the query's first parameter in every share link
 *   isShareHash(hash)        the hash is a share link (it may still be malformed)
 */
export const SHARE_MARKER = 'share=1';

export function isShareHash(hash: string): boolean {
  const query = hash.split('?').slice(1).join('?');
  return query === SHARE_MARKER || query.startsWith(`${SHARE_MARKER}&`);
}
