import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest above this module holding package.json. Found rather than counted, as this module
 * may also run bundled into one script at another depth of the project.
 */
function projectFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let folder = here; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return resolve(here, '../..');
  }
}

/** The public Cao Bằng 2022 aid events, shipped with the app as its demo data. */
export const DEFAULT_FIXTURE = resolve(projectFolder(), 'db/samples/seed-aid-events.json');
