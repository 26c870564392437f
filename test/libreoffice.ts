/** LibreOffice headless as a real spreadsheet client: converts files the way an office PC would open them. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Converts `file` to `format` ("xls", "ods", "csv:…") in `outDir`; returns the paths written. */
export function convert(file: string, format: string, outDir: string): string[] {
  const before = new Set(readdirSync(outDir));
  execFileSync(
    SOFFICE,
    [
      '--headless',
      `-env:UserInstallation=file://${outDir}/.lo-profile`,
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return readdirSync(outDir)
    .filter((f) => !before.has(f) && f.startsWith(stem))
    .map((f) => join(outDir, f));
}

/** Every sheet as CSV, formulas computed, numbers as displayed: { sheetName: rows }. */
export function sheetsAsCsv(file: string, outDir: string): Record<string, string[][]> {
  const written = convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', outDir);
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const sheets: Record<string, string[][]> = {};
  for (const path of written) {
    const name = basename(path)
      .slice(stem.length + 1)
      .replace(/\.csv$/, '');
    sheets[name] = parseCsv(readFileSync(path, 'utf8'));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "1,740,000,000" as LibreOffice displays #,##0 in its default locale -> 1740000000. */
export function displayedNumber(text: string): number {
  return Number(text.replace(/[,.\s]/g, ''));
}
