/**
 * The unit suite's order: its slowest files first, so that the two workers end close together instead of one of them
 * starting a long file when the other has nothing left (a fresh clone has no timings from an earlier run to go by).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, as measured on a 2-core machine with the browser suite running beside. */
const SLOWEST = [
  'test/fuzz-import.test.ts',
  'test/sync.property.test.ts',
  'test/report-crash.test.ts',
  'test/import.test.ts',
  'test/backup.test.ts',
  'test/cli.test.ts',
  'test/packaging.test.ts',
  'test/fuzz-contract.test.ts',
  'test/import-crash.test.ts',
];

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return at < 0 ? SLOWEST.length : at;
    };
    const rest = await super.sort(files.filter((f) => rank(f) === SLOWEST.length));
    return [...files.filter((f) => rank(f) < SLOWEST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}
