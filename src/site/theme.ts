/**
 * Light/dark theme: follows the system until the reader picks one, then remembers the choice.
 * The same decision runs twice: inline in <head> before first paint (so there is no flash of the wrong
 * theme), and in the toggle's script. `THEME_INIT_SCRIPT` is generated from `resolveTheme` so the two
 * cannot disagree.
 */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'descent:theme';

/** The theme to show: the stored choice if it is valid, otherwise the system preference. */
export function resolveTheme(stored: string | null, systemPrefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemPrefersDark ? 'dark' : 'light';
}

/** Reads the stored choice; storage can throw (disabled cookies, sandboxed frames), which means "none". */
export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(THEME_KEY) ?? null;
  } catch {
    return null;
  }
}

export const THEME_INIT_SCRIPT = `(()=>{let s=null;try{s=localStorage.getItem(${JSON.stringify(THEME_KEY)})}catch{}
document.documentElement.dataset.theme=(${resolveTheme.toString()})(s,matchMedia('(prefers-color-scheme: dark)').matches)})()`;
