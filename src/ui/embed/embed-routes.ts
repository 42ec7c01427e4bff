/**
 * The addresses embed.html shows. The mode of the embed address picks the first one; links inside
 * the lesson then move between them (the quiz's "the step that teaches this", the walkthrough's
 * "Take the quiz", the sandbox's key pages) without leaving the frame. The options after the
 * hash's `?` stay with the address throughout.
 */
import { hashSegments, matchPattern, type RouteParams } from '../router/routes';
import type { EmbedMode } from '../../embed/protocol';

const embedRoutes: { mode: EmbedMode; pattern: string }[] = [
  { mode: 'quiz', pattern: 'lessons/:lessonId/quiz' },
  { mode: 'walkthrough', pattern: 'lessons/:lessonId/:stepId?' },
  { mode: 'sandbox', pattern: 'sandbox/:section?/:id?/:tab?' },
];

export interface EmbedView {
  mode: EmbedMode;
  params: RouteParams;
}

/** What the hash shows, or undefined for an address that is not an embed address. */
export function embedView(hash: string): EmbedView | undefined {
  const segments = hashSegments(hash);
  for (const route of embedRoutes) {
    const params = matchPattern(route.pattern, segments);
    if (params) return { mode: route.mode, params };
  }
  return undefined;
}

/** The query part of the hash, with its `?` ('' when there is none). */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at === -1 ? '' : hash.slice(at);
}

/**
 * The first address to show: the lesson's quiz or the sandbox when the mode asks for them
 * (`#/lessons/<id>/<step>?mode=quiz` → `#/lessons/<id>/quiz?mode=quiz`), else the address as given.
 */
export function startingHash(hash: string, mode: EmbedMode): string {
  const view = embedView(hash);
  const query = hashQuery(hash);
  if (!view || view.mode !== 'walkthrough' || mode === 'walkthrough') return hash;
  const lessonId = encodeURIComponent(view.params.lessonId ?? '');
  return mode === 'quiz' ? `#/lessons/${lessonId}/quiz${query}` : `#/sandbox${query}`;
}
