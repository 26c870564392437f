import type { Report } from '../../../contract';
import { createLedgerService } from '../../../db/service';
import type { BenchOperation } from '../operation';
import { writeReportCellsBare } from './report-cells';

/** The quarterly report against the bare library writing the same cells. */
export const quarterlyReport: BenchOperation = {
  only: 'quarterly',
  target: { ratio: 1.5 },
  maxReps: 3,
  ledger: 'shared',
  async *lines({ log }, ledger) {
    const service = createLedgerService(ledger);
    const period = '2022-Q3';
    const ours = () => service.invoke('reports.xlsx', { period });
    const built: Report = await service.invoke('reports.preview', { period });
    log(`report: ${built.pledges.length} pledges, ${built.deliveries.length} deliveries in ${period}`);
    // The bare library as the report uses it: streamed, each row written out as it is added.
    const floor = () => writeReportCellsBare(built);
    yield { name: 'quarterly report (.xlsx) of one quarter', ours, floor };
  },
};
