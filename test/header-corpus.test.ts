/**
 * The header corpus (`header-corpus.ts`): how many of its rows are read fully by their words alone — a header row found,
 * every column the list needs named, no column left unread — and, for the others, which columns are asked about. The
 * figures are printed for the whole corpus and apart for the rows copied from published documents and those composed
 * after a layout; the whole corpus's figure is held: a change to the header words that reads fewer rows fails here.
 */
import { describe, expect, it } from 'vitest';
import { readHeaderRow } from '../db/imports/layout';
import { type CorpusRow, HEADER_CORPUS } from './header-corpus';

/** The rows every column of which is named, and those read fully (nothing missing either), as of this release. */
const UNDERSTOOD = 76;
const READ_FULLY = 49;

/** What a header row lacks to be read without mapping: its unread columns, and the needed fields none names. */
function lacking(headers: string[]): { unread: string[]; missing: string[] } {
  const read = readHeaderRow(headers);
  const missing = ['date', 'donor', 'description'].filter((k) => !read.fields.has(k as never));
  if (!read.fields.has('place') && !read.places.length) missing.push('place');
  if (!read.fields.has('amount') && !(read.fields.has('quantity') && read.fields.has('unitValue')))
    missing.push('amount');
  return { unread: read.read.filter((c) => c.field === null).map((c) => c.header), missing };
}

describe('the header corpus', () => {
  it('holds at least 80 header rows', () => {
    expect(HEADER_CORPUS.length).toBeGreaterThanOrEqual(80);
  });

  it(`names every column of at least ${UNDERSTOOD} rows, and reads at least ${READ_FULLY} fully without mapping`, () => {
    const results = HEADER_CORPUS.map((row) => ({ row, ...lacking(row.headers) }));
    const figures = (rows: typeof results) => {
      const understood = rows.filter((r) => !r.unread.length);
      return {
        rows: rows.length,
        understood: understood.length,
        full: understood.filter((r) => !r.missing.length).length,
      };
    };
    const line = (label: string, f: ReturnType<typeof figures>) =>
      `${label}: ${f.rows} header rows, every column named in ${f.understood}, read fully without mapping ${f.full}`;
    const all = figures(results);
    const asked = results.filter((r) => r.unread.length || r.missing.length);
    console.log(
      [
        line('whole corpus', all),
        line('  copied from published documents', figures(results.filter((r) => r.row.published))),
        line('  composed after a layout', figures(results.filter((r) => !r.row.published))),
        ...asked.map(
          (r) => `  ${rowLabel(r.row)}: not read ${JSON.stringify(r.unread)}, missing ${JSON.stringify(r.missing)}`,
        ),
      ].join('\n'),
    );
    expect(all.understood).toBeGreaterThanOrEqual(UNDERSTOOD);
    expect(all.full).toBeGreaterThanOrEqual(READ_FULLY);
  });
});

/** A row as the report names it: its headers on one line, and whether it is a receipts list or a published one. */
function rowLabel(row: CorpusRow): string {
  const marks = [row.receipts ? 'receipts' : '', row.published ? `published: ${row.published.url}` : ''].filter(
    Boolean,
  );
  return `${row.headers.join(' | ').replace(/\n/g, ' ')}${marks.map((m) => ` [${m}]`).join('')}`;
}
