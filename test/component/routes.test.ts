import { describe, expect, it } from 'vitest';
import { links, matchRoute } from '../../src/ui/router/routes';

describe('hash routes', () => {
  it('maps the catalogue, a lesson, a step and the quiz', () => {
    expect(matchRoute('').route.name).toBe('catalogue');
    expect(matchRoute('#/').route.name).toBe('catalogue');
    expect(matchRoute('#/lessons/encryption-in-flight')).toMatchObject({
      route: { name: 'lesson' },
      params: { lessonId: 'encryption-in-flight' },
    });
    expect(matchRoute('#/lessons/encryption-in-flight/tls-handshake/')).toMatchObject({
      route: { name: 'lesson' },
      params: { lessonId: 'encryption-in-flight', stepId: 'tls-handshake' },
    });
    expect(matchRoute('#/lessons/encryption-in-flight/quiz')).toMatchObject({
      route: { name: 'quiz' },
      params: { lessonId: 'encryption-in-flight' },
    });
  });

  it('sends anything else to the not-found page, malformed escapes included', () => {
    expect(matchRoute('#/nope').route.name).toBe('not-found');
    expect(matchRoute('#/lessons/a/b/c').route.name).toBe('not-found');
    expect(matchRoute('#/lessons/%E0%A4%A').route.name).toBe('lesson');
  });

  it('builds links that round-trip through the matcher', () => {
    const link = links.lesson('a lesson', 'step/1');
    expect(link).toBe('#/lessons/a%20lesson/step%2F1');
    expect(matchRoute(link).params).toEqual({ lessonId: 'a lesson', stepId: 'step/1' });
  });
});
