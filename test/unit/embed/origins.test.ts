import { describe, expect, it } from 'vitest';
import { acceptsOrigin, parseOrigin, parseOriginList } from '../../../src/embed/origins';

describe('parseOrigin', () => {
  it.each([
    ['https://course.example', 'https://course.example'],
    ['https://course.example/', 'https://course.example'],
    ['http://127.0.0.1:4218', 'http://127.0.0.1:4218'],
  ])('reads %s', (text, origin) => expect(parseOrigin(text)).toBe(origin));

  it.each([
    '*',
    'null',
    '',
    undefined,
    'course.example',
    'https://course.example/page',
    'https://course.example?x=1',
    'https://user@course.example',
    'https://COURSE.example', // not in canonical form: never let a look-alike through
    'https://course.example:443',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses %s', (text) => expect(parseOrigin(text)).toBeUndefined());
});

it('parseOriginList keeps the origins of a list and drops the rest', () => {
  expect(parseOriginList('https://a.example  https://b.example/,*, nonsense')).toEqual(['https://a.example', 'https://b.example']);
  expect(parseOriginList('')).toEqual([]);
  expect(parseOriginList(null)).toEqual([]);
});

describe('acceptsOrigin', () => {
  const course = 'https://course.example';
  const other = 'https://other.example';

  it('hears only the parentOrigin when the address names one', () => {
    const policy = { parentOrigin: course, allowList: [other] };
    expect(acceptsOrigin(policy, course)).toBe(true);
    expect(acceptsOrigin(policy, other)).toBe(false);
  });

  it('falls back to the allow list without a parentOrigin, and hears no one when both are empty', () => {
    expect(acceptsOrigin({ allowList: [course] }, course)).toBe(true);
    expect(acceptsOrigin({ allowList: [course] }, other)).toBe(false);
    expect(acceptsOrigin({ allowList: [] }, course)).toBe(false);
  });

  it('refuses a page that claims another origin than the one that really embeds the frame', () => {
    expect(acceptsOrigin({ parentOrigin: course, allowList: [], ancestorOrigins: [other] }, course)).toBe(false);
    expect(acceptsOrigin({ parentOrigin: course, allowList: [], ancestorOrigins: [course, other] }, course)).toBe(true);
  });

  it('never hears opaque origins or a wildcard', () => {
    expect(acceptsOrigin({ allowList: ['null', '*'] }, 'null')).toBe(false);
    expect(acceptsOrigin({ allowList: ['*'] }, '*')).toBe(false);
  });
});
