/**
 * Keyboard shortcuts: one table that the help dialog lists and the handlers read, and the rule that
 * a shortcut never fires while someone types into a form field.
 */
export interface Shortcut {
  keys: string[];
  does: string;
}

export const shortcuts: Shortcut[] = [
  { keys: ['→', 'n'], does: 'Next step' },
  { keys: ['←', 'p'], does: 'Previous step' },
  { keys: ['?'], does: 'Show this list of shortcuts' },
  { keys: ['Esc'], does: 'Close this list' },
  { keys: ['Tab', 'Shift + Tab'], does: 'Move between controls' },
  { keys: ['Enter', 'Space'], does: 'Press the focused button or link' },
];

/**
 * Presenting (#/present/…, and a lesson tab that a presenter tab drives): the keys a clicker sends
 * (PageDown, PageUp) and the ones reveal.js made familiar. One map for both tabs.
 */
export const presenterShortcuts: Shortcut[] = [
  { keys: ['→', 'PageDown', 'Space'], does: 'Forward one step, in every tab of the presentation' },
  { keys: ['←', 'PageUp', 'Shift + Space'], does: 'Back one step, in every tab of the presentation' },
  { keys: ['B', '.'], does: 'Blank the audience screen, or show it again' },
  { keys: ['F'], does: 'Full screen, or leave it' },
];

/** The shortcuts list, in the groups the help dialog shows. */
export const shortcutGroups: { title: string; shortcuts: Shortcut[] }[] = [
  { title: 'Lessons', shortcuts },
  { title: 'Presenting', shortcuts: presenterShortcuts },
];

/** True when a key press belongs to a control (typing, choosing, moving within radios). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return false;
}

export type NavigationKey = 'next' | 'previous';

/** Which step navigation a key press asks for, or undefined (modifier held, typing, other key). */
export function navigationKey(event: KeyboardEvent): NavigationKey | undefined {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  if (event.key === 'ArrowRight' || event.key === 'n') return 'next';
  if (event.key === 'ArrowLeft' || event.key === 'p') return 'previous';
  return undefined;
}

export type PresenterKey = NavigationKey | 'blank' | 'fullscreen';

/** Space belongs to a focused control (it presses it); only elsewhere does it move the talk on. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary, [role="button"], [role="radio"], [role="checkbox"]') !== null;
}

/** Which presenter command a key press asks for (presenterShortcuts), or undefined. */
export function presenterKey(event: KeyboardEvent): PresenterKey | undefined {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  switch (event.key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    case ' ':
      if (isControl(event.target)) return undefined;
      return event.shiftKey ? 'previous' : 'next';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return navigationKey(event);
  }
}

export function isHelpKey(event: KeyboardEvent): boolean {
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}
