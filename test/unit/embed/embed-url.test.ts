import { describe, expect, it } from 'vitest';
import { embedQuery, embedUrl, presenterUrl, readEmbedOptions } from '../../../src/embed/embed-url';
import { embedView, hashQuery, startingHash } from '../../../src/ui/embed/embed-routes';

const SITE = 'https://course.example/kms-lab/';

describe('the embed address', () => {
  it('is written by the loader and read back by the lesson', () => {
    const url = embedUrl(SITE, { lessonId: 'key-management', stepId: 'create-key', mode: 'quiz', theme: 'dark', controls: 'none', parentOrigin: 'https://lms.example' });
    expect(url).toBe('https://course.example/kms-lab/embed.html#/lessons/key-management/create-key?mode=quiz&theme=dark&controls=none&parentOrigin=https%3A%2F%2Flms.example');
    expect(readEmbedOptions(new URL(url).hash)).toEqual({ mode: 'quiz', theme: 'dark', controls: 'none', parentOrigin: 'https://lms.example' });
  });

  it('leaves defaults out, and escapes ids', () => {
    expect(embedUrl(SITE, { lessonId: 'a b' })).toBe(`${SITE}embed.html#/lessons/a%20b`);
    expect(embedQuery({ mode: 'walkthrough', theme: 'auto', controls: 'full' })).toBe('');
  });

  it('falls back to the defaults for unknown options, and drops a parentOrigin that is not an origin', () => {
    expect(readEmbedOptions('#/lessons/x/y?mode=exam&theme=neon&controls=some&parentOrigin=*')).toEqual({ mode: 'walkthrough', theme: 'auto', controls: 'full' });
    expect(readEmbedOptions('#/lessons/x/y')).toEqual({ mode: 'walkthrough', theme: 'auto', controls: 'full' });
    expect(readEmbedOptions('#/lessons/x?parentOrigin=https%3A%2F%2Flms.example%2Fpath')).not.toHaveProperty('parentOrigin');
  });

  it('the presenter view is the site\'s #/present route for the step', () => {
    expect(presenterUrl(SITE, 'key-management', 'create-key')).toBe(`${SITE}#/present/key-management/create-key`);
    expect(presenterUrl(SITE, 'key-management')).toBe(`${SITE}#/present/key-management`);
  });
});

describe('what embed.html shows', () => {
  it('routes lessons, their quiz and the sandbox, ignoring the options', () => {
    expect(embedView('#/lessons/l/s?mode=walkthrough')).toEqual({ mode: 'walkthrough', params: { lessonId: 'l', stepId: 's' } });
    expect(embedView('#/lessons/l/quiz')).toEqual({ mode: 'quiz', params: { lessonId: 'l' } });
    expect(embedView('#/sandbox/keys/k1/policy')).toEqual({ mode: 'sandbox', params: { section: 'keys', id: 'k1', tab: 'policy' } });
    expect(embedView('#/labs')).toBeUndefined();
    expect(embedView('')).toBeUndefined();
  });

  it('opens the quiz or the sandbox first when the mode asks for it, keeping the options', () => {
    expect(startingHash('#/lessons/l/s?mode=quiz&theme=dark', 'quiz')).toBe('#/lessons/l/quiz?mode=quiz&theme=dark');
    expect(startingHash('#/lessons/l/s?mode=sandbox', 'sandbox')).toBe('#/sandbox?mode=sandbox');
    expect(startingHash('#/lessons/l/s', 'walkthrough')).toBe('#/lessons/l/s');
    expect(hashQuery('#/lessons/l?x=1')).toBe('?x=1');
    expect(hashQuery('#/lessons/l')).toBe('');
  });
});
