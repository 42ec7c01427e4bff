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

export function isHelpKey(event: KeyboardEvent): boolean {
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}
