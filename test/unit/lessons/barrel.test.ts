/**
 * The engine's public face: what src/ui imports, and that the build-time libraries never reach the
 * browser through it (markdown-it, yaml and node: modules stay in src/lessons/build/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../../src/lessons/index';
import { stepActions } from '../../../src/lessons/index';
import { fixtureLesson, projectRoot } from './support/fixture-lesson';

/** Every file reachable from `entry` through relative imports that survive compilation (type-only ones are erased). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8').replace(/^(?:import|export) type [^;]*;/gm, '');
  for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(entry), spec);
    const target = [base, `${base}.ts`, `${base}/index.ts`].find((path) => path.endsWith('.ts') && existsSync(path));
    if (!target) throw new Error(`${entry}: cannot resolve ${spec}`);
    reachable(target, seen);
  }
  return seen;
}

describe('src/lessons/index.ts', () => {
  it('exports the API the views use', () => {
    for (const name of [
      'listLessons', 'loadLesson', 'createLessonPlayer', 'stepActions', 'createQuizGrader', 'gradeQuiz',
      'openProgressStore', 'importProgress', 'replayWalkthrough', 'LessonError', 'defineScenario', 'defineQuiz',
    ]) {
      expect(engine, name).toHaveProperty(name);
    }
  });

  it('pulls in no build-time library', () => {
    const files = reachable(resolve(projectRoot, 'src/lessons/index.ts'));
    expect(files.size).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from '(markdown-it|yaml|node:[a-z]+)'/);
      expect(file, 'the build folder').not.toContain('/src/lessons/build/');
    }
  });
});

describe('stepActions', () => {
  it('lists the actions of a step with their form specs, none for narration', async () => {
    const lesson = await fixtureLesson();
    expect(stepActions(lesson, 0)).toEqual([]);
    const offered = stepActions(lesson, 1);
    expect(offered.map((a) => [a.name, a.spec.label])).toEqual([['press', 'Press'], ['explode', 'Break the world']]);
    expect(offered[0].spec.fields?.[0]).toMatchObject({ name: 'word', default: 'hi' });
  });
});
