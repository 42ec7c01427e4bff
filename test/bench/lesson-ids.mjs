// The lessons in lessons/, read from their folders (id from lesson.md, first step id from the first
// step file), so the bench can open a real lesson route without importing the app.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

function frontmatter(file) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return match ? parse(match[1]) : {};
}

export function lessonIds(dir = 'lessons') {
  const summaries = readdirSync(dir)
    .filter((d) => /^\d\d-/.test(d) && existsSync(join(dir, d, 'lesson.md')))
    .sort()
    .map((d) => {
      const steps = readdirSync(join(dir, d, 'steps')).filter((f) => f.endsWith('.md')).sort();
      return { id: frontmatter(join(dir, d, 'lesson.md')).id, firstStep: frontmatter(join(dir, d, 'steps', steps[0])).id };
    });
  return { summaries };
}
