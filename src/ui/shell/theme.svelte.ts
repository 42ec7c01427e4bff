/**
 * Light, dark or system theme. The choice is kept in localStorage and applied as data-theme on
 * <html>; "system" removes the attribute so prefers-color-scheme decides (see app.css).
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'kms-lab:theme';
export const themeChoices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function readChoice(storage: Storage | undefined): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
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
