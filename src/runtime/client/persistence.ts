/**
 * What the browser remembers for a student: their edit of each cell, the edit a Reset replaced (so a
 * Reset can be undone), and which exercises they solved. Keys are namespaced by cell id; records carry
 * the version of the original code they were based on, so a lesson update never silently replaces or
 * hides a student's work.
 */

export const KEY_PREFIX = 'descent:';

export const keys = {
  edit: (cellId: string) => `${KEY_PREFIX}cell:${cellId}`,
  beforeReset: (cellId: string) => `${KEY_PREFIX}cell-before-reset:${cellId}`,
  solved: (cellId: string) => `${KEY_PREFIX}solved:${cellId}`,
};

export interface SavedEdit {
  code: string;
  /** Version (hash) of the original code this edit started from. */
  base: string;
  /** When it was last saved (ms since epoch). */
  at: number;
}

/** Storage that may be missing or throw (private browsing, full quota, disabled cookies). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function safeStorage(): StorageLike | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function parseEdit(raw: string | null): SavedEdit | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<SavedEdit>;
    if (typeof v.code === 'string' && typeof v.base === 'string' && typeof v.at === 'number') {
      return { code: v.code, base: v.base, at: v.at };
    }
  } catch {
    // A corrupt record is treated as absent; it is overwritten by the next save.
  }
  return null;
}

export function readEdit(storage: StorageLike | null, cellId: string, key = keys.edit(cellId)): SavedEdit | null {
  try {
    return parseEdit(storage?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

/** Saves an edit; an edit identical to the original is removed instead. Returns false if storage failed. */
export function writeEdit(
  storage: StorageLike | null,
  cellId: string,
  edit: SavedEdit,
  original: string,
  key = keys.edit(cellId),
): boolean {
  if (!storage) return false;
  try {
    if (edit.code === original) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(edit));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(storage: StorageLike | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the record stays, which loses nothing.
  }
}

export type Restore =
  | { kind: 'original' }
  | { kind: 'edited'; code: string }
  /** The student edited an earlier version of the original: keep their code, say so. */
  | { kind: 'stale'; code: string };

/** Decides what a cell shows on load. */
export function restore(saved: SavedEdit | null, original: string, version: string): Restore {
  if (!saved || saved.code === original) return { kind: 'original' };
  return saved.base === version ? { kind: 'edited', code: saved.code } : { kind: 'stale', code: saved.code };
}

export function isSolved(storage: StorageLike | null, cellId: string): boolean {
  try {
    return (storage?.getItem(keys.solved(cellId)) ?? null) !== null;
  } catch {
    return false;
  }
}

export function markSolved(storage: StorageLike | null, cellId: string): void {
  try {
    storage?.setItem(keys.solved(cellId), String(Date.now()));
  } catch {
    // Remembering is a convenience; the check result is still shown.
  }
}
