import { describe, expect, it } from 'vitest';
import { isHelpKey, navigationKey } from '../../src/ui/shell/keys';

function press(key: string, target: Element, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('step shortcuts', () => {
  function capture(key: string, target: Element, init?: KeyboardEventInit) {
    let seen: ReturnType<typeof navigationKey>;
    const listener = (event: KeyboardEvent) => (seen = navigationKey(event));
    window.addEventListener('keydown', listener);
    document.body.append(target);
    press(key, target, init);
    window.removeEventListener('keydown', listener);
    target.remove();
    return seen;
  }

  it('→ and n go forward, ← and p go back, from a button or the page', () => {
    expect(capture('ArrowRight', document.createElement('button'))).toBe('next');
    expect(capture('n', document.createElement('div'))).toBe('next');
    expect(capture('ArrowLeft', document.createElement('button'))).toBe('previous');
    expect(capture('p', document.createElement('div'))).toBe('previous');
  });

  it('never fire while typing in a field, choosing in a select or with a modifier held', () => {
    expect(capture('ArrowRight', document.createElement('input'))).toBeUndefined();
    expect(capture('n', document.createElement('textarea'))).toBeUndefined();
    expect(capture('ArrowLeft', document.createElement('select'))).toBeUndefined();
    expect(capture('ArrowRight', document.createElement('button'), { altKey: true })).toBeUndefined();
  });

  it('? asks for the shortcuts list, except in a field', () => {
    const button = document.createElement('button');
    document.body.append(button);
    let help = false;
    const listener = (event: KeyboardEvent) => (help = isHelpKey(event));
    window.addEventListener('keydown', listener);
    press('?', button);
    expect(help).toBe(true);
    const input = document.createElement('input');
    document.body.append(input);
    press('?', input);
    expect(help).toBe(false);
    window.removeEventListener('keydown', listener);
  });
});
