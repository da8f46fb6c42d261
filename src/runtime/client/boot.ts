/**
 * The only script a lesson page loads up front: it wires every cell and opens a share link if the
 * page was opened from one. Everything heavier (editor, runner, charts) loads when a cell is used.
 */
import { setupCell } from './cell.ts';
import { decodeShare } from './share.ts';

const cells = [...document.querySelectorAll<HTMLElement>('section.cell[data-cell]')].map(setupCell);

async function openSharedLink(): Promise<void> {
  const shared = await decodeShare(location.hash);
  if (!shared) return;
  const cell = cells.find((c) => c.id === shared.cellId);
  if (!cell) return;
  cell.showShared(shared.code);
  // The fragment has done its job; leaving it would reopen the shared code on every reload.
  history.replaceState(history.state, '', location.pathname + location.search);
}

void openSharedLink();
addEventListener('hashchange', () => void openSharedLink());
