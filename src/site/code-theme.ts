/**
 * Syntax colours for code blocks and cells, one light and one dark theme, chosen because every token
 * colour meets WCAG AA contrast (4.5:1) on its background; `github-light` does not (its orange is 3.5:1).
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
