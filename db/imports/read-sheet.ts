/**
 * The spreadsheet an import reads, read in the cage (`db/cage/`): parsed in a worker with the time and memory a file
 * of its size may take, its sheet handed back as plain data. A file stopped at a limit is refused, naming the limit.
 */
import type { ImportIssue } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { mbText } from '../cage/limits';
import { runCagedInTurn } from '../cage/ahead';
import type { runCaged } from '../cage/run';
import { oldFontOfSheet } from './file-content';
import { loadSheetJs } from './libraries';
import { fileIssue, type Sheet } from './sheet';
import { sheetOf } from './sheet-grid';

/** The cage's job reading a spreadsheet file. */
export const sheetJob = (fileName: string, bytes: Buffer) => ({ kind: 'sheet' as const, fileName, bytes });

/** The file's sheet, or the problem the whole file is refused with (read ahead when its pass did, `cage/ahead.ts`). */
export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet | { problem: ImportIssue }> {
  // Cells are read here with SheetJS's date and number formats.
  await loadSheetJs();
  let read: Awaited<ReturnType<typeof runCaged<{ kind: 'sheet'; fileName: string; bytes: Buffer }>>>;
  try {
    read = await runCagedInTurn(sheetJob(fileName, bytes), bytes.length);
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    const why = error instanceof Error ? error.message.slice(0, 120) : '?';
    return { problem: fileIssue(`Không đọc được tệp bảng tính (${why})`, `The spreadsheet cannot be read (${why})`) };
  }
  if (read.ok) {
    if ('problem' in read.value) return read.value;
    const sheet = sheetOf(read.value);
    return oldFontOfSheet(sheet) ?? sheet;
  }
  const { limits } = read;
  const size = { vi: mbText(bytes.length, 'vi'), en: mbText(bytes.length, 'en') };
  const again = {
    vi: 'tệp có thể bị hỏng, hãy lưu lại bằng Excel hoặc LibreOffice rồi gửi lại',
    en: 'it may be damaged: save it again with Excel or LibreOffice and send it again',
  };
  return {
    problem:
      read.limit === 'time'
        ? fileIssue(
            `Đọc tệp quá ${limits.timeMs / 1000} giây mà chưa xong, quá mức cho một tệp ${size.vi} MB; ${again.vi}`,
            `Reading the file took over ${limits.timeMs / 1000} s without finishing, too long for a ${size.en} MB file; ${again.en}`,
          )
        : fileIssue(
            `Đọc tệp cần hơn ${limits.heapMb} MB bộ nhớ, quá mức cho một tệp ${size.vi} MB; ${again.vi}`,
            `Reading the file needs more than ${limits.heapMb} MB of memory, too much for a ${size.en} MB file; ${again.en}`,
          ),
  };
}
