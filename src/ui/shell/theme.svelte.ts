/**
 * Light, dark, high-contrast or system theme. The choice is kept in localStorage and applied as
 * data-theme on <html>; "system" removes the attribute so prefers-color-scheme decides (see app.css).
 * "contrast" is for a room: white on black, larger text, readable from the back (the presenter view
 * offers it). Other tabs of the site follow a change (the storage event), so the audience tab of a
 * presentation changes with the presenter's.
 */
export type ThemeChoice = 'light' | 'dark' | 'contrast' | 'system';

export const THEME_STORAGE_KEY = 'kms-lab:theme';
export const themeChoices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
];

function readChoice(storage: Storage | undefined): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' || stored === 'contrast' ? stored : 'system';
  } catch {
    return 'system'; // storage can be blocked (private mode, embeds): the system theme still works
  }
}

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

class Theme {
  choice = $state<ThemeChoice>(readChoice(globalThis.localStorage));

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('storage', (event) => {
      if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
      this.choice = readChoice(globalThis.localStorage);
      applyTheme(this.choice);
    });
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    applyTheme(choice);
    try {
      if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      /* not stored: the theme still applies for this visit */
    }
  }
}

export const theme = new Theme();
