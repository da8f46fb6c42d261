/** The site's theme as canvas drawing needs it: canvases cannot use CSS variables, so they are read. */
import type { ThemeName } from './colors.ts';

export interface Theme {
  name: ThemeName;
  text: string;
  muted: string;
  border: string;
  bg: string;
  raised: string;
  sunken: string;
  fontUi: string;
}

const FALLBACK: Record<ThemeName, Omit<Theme, 'name' | 'fontUi'>> = {
  light: { text: '#1d2127', muted: '#4f5864', border: '#dcd8ce', bg: '#fbfaf7', raised: '#ffffff', sunken: '#f2f0ea' },
  dark: { text: '#e4e2dd', muted: '#a9afb8', border: '#343a42', bg: '#15171a', raised: '#1c1f23', sunken: '#101214' },
};

export function readTheme(el: Element): Theme {
  const name: ThemeName = document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
  const style = getComputedStyle(el);
  const fallback = FALLBACK[name];
  const v = (prop: string, fb: string) => style.getPropertyValue(prop).trim() || fb;
  return {
    name,
    text: v('--text', fallback.text),
    muted: v('--text-muted', fallback.muted),
    border: v('--border', fallback.border),
    bg: v('--bg', fallback.bg),
    raised: v('--bg-raised', fallback.raised),
    sunken: v('--bg-sunken', fallback.sunken),
    fontUi: v('--font-ui', 'system-ui, sans-serif'),
  };
}

/** Calls `onChange` when the site switches theme. Returns the function that stops watching. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
