/**
 * In an exercise's check, `import { … } from 'student'` reads what the student's code exported. Its
 * shape is whatever the student wrote, so every import is `any` here and the check must verify each
 * export before using it (`expectFunction` and friends in `descent/check` do).
 */
declare module 'student';
