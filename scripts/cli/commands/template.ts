import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { text } from '../options';
import { out, writeOutputFile } from '../output';

export const templateCommand = defineCommand({
  name: 'template',
  options: { db: text, place: text, out: text },
  usage: [
    'template --db FILE --place CODE_OR_NAME --out FILE.xlsx',
    `${DESCRIPTION}mẫu nhập liệu cho huyện / the data-entry workbook for a district`,
  ],
  async run({ values }) {
    if (!values.place) throw new UsageError('Thiếu --place CODE_OR_NAME / Missing --place');
    if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
    const { place, out: outFile } = values;
    await withLedger(
      requireDb(values),
      false,
      undefined,
      async (ledger) => {
        const placeId = await placeIdOf(ledger, place, null);
        const file = await createLedgerService(ledger).invoke('imports.template', { placeId });
        writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
      },
      'read',
    );
    out(`Đã ghi mẫu nhập liệu ${outFile} / Template written: ${outFile}`);
    return 0;
  },
});
