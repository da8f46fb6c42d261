import { describe, expect, it } from 'vitest';
import { readStoredTheme, resolveTheme, THEME_INIT_SCRIPT, THEME_KEY } from '../../src/site/theme.ts';

describe('the theme', () => {
  it('uses the stored choice when there is one', () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('follows the system when nothing (or garbage) is stored', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme(null, false)).toBe('light');
    expect(resolveTheme('purple', true)).toBe('dark');
  });

  it('treats storage that throws as "no choice"', () => {
    const throwing = {
      getItem(): string | null {
        throw new Error('SecurityError');
      },
    };
    expect(readStoredTheme(throwing)).toBeNull();
    expect(readStoredTheme(undefined)).toBeNull();
  });

  it('runs the same decision in the inline head script', () => {
    const html = { dataset: {} as Record<string, string> };
    const store = new Map([[THEME_KEY, 'dark']]);
    const run = new Function('localStorage', 'matchMedia', 'document', THEME_INIT_SCRIPT);
    run({ getItem: (k: string) => store.get(k) ?? null }, () => ({ matches: false }), { documentElement: html });
    expect(html.dataset['theme']).toBe('dark');
    store.clear();
    run({ getItem: (k: string) => store.get(k) ?? null }, () => ({ matches: true }), { documentElement: html });
    expect(html.dataset['theme']).toBe('dark');
    run({ getItem: (k: string) => store.get(k) ?? null }, () => ({ matches: false }), { documentElement: html });
    expect(html.dataset['theme']).toBe('light');
  });
});
