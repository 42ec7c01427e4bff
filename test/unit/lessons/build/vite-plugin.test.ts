import { resolve } from 'node:path';
import { build, createServer, type Rolldown } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { lessonsPlugin } from '../../../../src/lessons/build/vite-plugin';
import type { Lesson, LessonSummary } from '../../../../src/lessons/types';

const root = resolve(import.meta.dirname, '../../../..');
const fixtures = resolve(root, 'test/fixtures/lessons');

async function withServer<T>(dir: string, run: (load: (id: string) => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [lessonsPlugin({ dir })],
    server: { middlewareMode: true, hmr: false, watch: null },
  });
  try {
    return await run((id) => server.ssrLoadModule(id));
  } finally {
    await server.close();
  }
}

describe('lessonsPlugin in a Vite server', () => {
  it('serves summaries eagerly and each lesson from its loader', async () => {
    await withServer(resolve(fixtures, 'valid'), async (load) => {
      const catalogue = (await load('virtual:lessons')) as { summaries: LessonSummary[]; loaders: Record<string, () => Promise<Lesson>> };
      expect(catalogue.summaries.map((s) => s.id)).toEqual(['tiny-lesson', 'second-lesson']);
      expect(Object.keys(catalogue.loaders).sort()).toEqual(['second-lesson', 'tiny-lesson']);
      expect(catalogue.summaries[0]).not.toHaveProperty('introHtml');

      const lesson = await catalogue.loaders['tiny-lesson']();
      expect(lesson.id).toBe('tiny-lesson');
      expect(lesson.steps.map((s) => s.id)).toEqual(['hello', 'press', 'done']);
      expect(lesson.steps[1].html).toContain('<p>Press the button');
      expect(typeof lesson.scenario.create).toBe('function');
      expect(Object.keys(lesson.scenario.checks)).toEqual(['pressed']);
      expect(lesson.quiz.questions).toHaveLength(4);
    });
  });

  it('fails loading with the file, field and expectation of an invalid lesson', async () => {
    await withServer(resolve(fixtures, 'invalid-await'), async (load) => {
      await expect(load('virtual:lessons')).rejects.toThrow(
        'test/fixtures/lessons/invalid-await/01-bad-await/steps/02-tls.md: field "await": expected a check name (of scenario.ts checks), got number',
      );
    });
  });

  it('builds scenario and quiz code into a lazy chunk, and ships no markdown or YAML library', async () => {
    const output = (await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [lessonsPlugin({ dir: resolve(fixtures, 'valid') })],
      build: {
        write: false,
        minify: false,
        lib: { entry: resolve(fixtures, 'catalogue-entry.ts'), formats: ['es'], fileName: 'catalogue' },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
    const entry = chunks.find((chunk) => chunk.isEntry);
    const lazy = chunks.filter((chunk) => !chunk.isEntry);
    expect(entry?.code).toContain('A tiny lesson');
    expect(entry?.code).not.toContain('the tiny world broke on purpose');
    expect(lazy.length).toBeGreaterThanOrEqual(2);
    expect(lazy.some((chunk) => chunk.code.includes('the tiny world broke on purpose'))).toBe(true);
    const everything = chunks.map((chunk) => chunk.code).join('\n');
    expect(everything).not.toMatch(/markdown-it|MarkdownIt|yaml/i);
  });
});

describe('lessonsPlugin in dev: editing lesson markdown reloads the page', () => {
  function fakeEnvironment() {
    const catalogue = { id: '\0virtual:lessons' };
    const lesson = { id: '\0virtual:lessons/01-tiny-lesson' };
    const other = { id: '/src/main.ts' };
    return {
      moduleGraph: {
        idToModuleMap: new Map<string, object>([[catalogue.id, catalogue], [lesson.id, lesson], [other.id, other]]),
        invalidateModule: vi.fn(),
      },
      hot: { send: vi.fn() },
      invalidatedIds() {
        return this.moduleGraph.invalidateModule.mock.calls.map(([module]) => (module as { id: string }).id);
      },
    };
  }

  function hotUpdate(environment: ReturnType<typeof fakeEnvironment>, type: 'create' | 'update' | 'delete', file: string) {
    const plugin = lessonsPlugin({ dir: '/course/lessons' });
    const hook = plugin.hotUpdate as (this: unknown, options: { type: string; file: string }) => unknown;
    return hook.call({ environment }, { type, file });
  }

  it('invalidates the generated modules and sends a full reload for a step file', () => {
    const environment = fakeEnvironment();
    expect(hotUpdate(environment, 'update', '/course/lessons/01-tiny-lesson/steps/02-press.md')).toEqual([]);
    expect(environment.invalidatedIds()).toEqual(['\0virtual:lessons', '\0virtual:lessons/01-tiny-lesson']);
    expect(environment.hot.send).toHaveBeenCalledWith({ type: 'full-reload' });
  });

  it('treats a new or deleted lesson file as a structure change, and leaves code edits to normal HMR', () => {
    const created = fakeEnvironment();
    expect(hotUpdate(created, 'create', '/course/lessons/02-new/scenario.ts')).toEqual([]);
    expect(created.hot.send).toHaveBeenCalledOnce();

    const edited = fakeEnvironment();
    expect(hotUpdate(edited, 'update', '/course/lessons/01-tiny-lesson/scenario.ts')).toBeUndefined();
    expect(hotUpdate(edited, 'update', '/course/src/main.ts')).toBeUndefined();
    expect(edited.hot.send).not.toHaveBeenCalled();
  });
});
