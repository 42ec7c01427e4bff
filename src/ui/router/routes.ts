/**
 * The route table and its matcher. Hash routes (`#/lessons/<id>/<step>`) so any static host and any
 * sub-path of a course site serves the build. Each route names one page component, loaded with a
 * dynamic import so the first load carries only the shell and the page it shows. Later pages
 * (`#/sandbox`, `#/exam`, `#/present/...`) plug in by adding a row to `routes`.
 */
import type { Component } from 'svelte';

export type RouteParams = Record<string, string>;

export interface RouteDef {
  name: string;
  /** Segments after `#/`; `:name` captures one segment, a trailing `?` makes it optional. */
  pattern: string;
  load: () => Promise<{ default: Component<{ params: RouteParams }> }>;
}

export interface RouteMatch {
  route: RouteDef;
  params: RouteParams;
}

export const routes: RouteDef[] = [
  { name: 'catalogue', pattern: '', load: () => import('../catalogue/CataloguePage.svelte') },
  // Before the step route: "quiz" is reserved and never used as a step id.
  { name: 'quiz', pattern: 'lessons/:lessonId/quiz', load: () => import('../quiz/QuizPage.svelte') },
  { name: 'lesson', pattern: 'lessons/:lessonId/:stepId?', load: () => import('../player/LessonPage.svelte') },
  // The KMS console and terminal: `#/sandbox`, `#/sandbox/create`, `#/sandbox/keys/<key-id>/<tab>`.
  { name: 'sandbox', pattern: 'sandbox/:section?/:id?/:tab?', load: () => import('../sandbox/SandboxPage.svelte') },
  // The traffic labs: `#/labs` (their list) and `#/labs/<lab-id>`.
  { name: 'labs', pattern: 'labs/:labId?', load: () => import('../labs/LabsPage.svelte') },
  // The presenter view of a lesson, opened in its own tab: `#/present/<lesson-id>/<step-id>`.
  { name: 'present', pattern: 'present/:lessonId/:stepId?', load: () => import('../present/PresenterPage.svelte') },
  // The practice exam: `#/exam` (start, continue, past attempts) and `#/exam/review/<attempt-id>`.
  { name: 'exam', pattern: 'exam/:section?/:id?', load: () => import('../exam/ExamPage.svelte') },
];

export const notFoundRoute: RouteDef = {
  name: 'not-found',
  pattern: '*',
  load: () => import('../shell/NotFoundPage.svelte'),
};

/** `#/lessons/a/b?x` → ['lessons', 'a', 'b']; empty segments and a trailing slash are ignored. */
export function hashSegments(hash: string): string[] {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // a malformed escape is just an unknown segment, never a crash
      }
    });
}

export function matchPattern(pattern: string, segments: string[]): RouteParams | undefined {
  const parts = pattern === '' ? [] : pattern.split('/');
  const required = parts.filter((part) => !part.endsWith('?')).length;
  if (segments.length < required || segments.length > parts.length) return undefined;
  const params: RouteParams = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index];
    if (part.startsWith(':')) {
      if (segment !== undefined) params[part.slice(1).replace(/\?$/, '')] = segment;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}

export function matchRoute(hash: string, table: readonly RouteDef[] = routes): RouteMatch {
  const segments = hashSegments(hash);
  for (const route of table) {
    const params = matchPattern(route.pattern, segments);
    if (params) return { route, params };
  }
  return { route: notFoundRoute, params: {} };
}

/** Builds a hash link from path segments, escaping each one: href(['lessons', id, step]). */
export function href(segments: readonly string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export const links = {
  catalogue: () => href([]),
  lesson: (lessonId: string, stepId?: string) => href(stepId ? ['lessons', lessonId, stepId] : ['lessons', lessonId]),
  quiz: (lessonId: string) => href(['lessons', lessonId, 'quiz']),
  present: (lessonId: string, stepId?: string) => href(stepId ? ['present', lessonId, stepId] : ['present', lessonId]),
};
