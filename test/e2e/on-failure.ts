/** Set-up of every browser test file: a failed test leaves a screenshot and the console of each page it drove. */
import { beforeEach } from 'vitest';
import { saveFailedPages } from './pages';

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    const saved = await saveFailedPages(task.name);
    if (saved.length) console.error(`\nSaved for "${task.name}":\n  ${saved.join('\n  ')}\n`);
  });
});
