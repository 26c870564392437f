// Bundles the Electron main process and preload into dist/electron (CommonJS, as Electron loads them), and beside them
// the worker that reads untrusted files (db/cage/run.ts starts dist/electron/cage-worker.cjs when it finds it there).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // db/core/open.ts finds its driver through import.meta.url, which CommonJS spells differently.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
await build({ ...common, entryPoints: ['db/cage/worker.ts'], outfile: 'dist/electron/cage-worker.cjs' });
