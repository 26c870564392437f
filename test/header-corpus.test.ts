/**
 * The header corpus (`header-corpus.ts`): how many of its rows are read fully by their words alone — a header row found,
 * every column the list needs named, no column left unread — and, for the others, which columns are asked about. The
 * figure is printed and held: a change to the header words that reads fewer rows fails here.
 */
import { describe, expect, it } from 'vitest';
import { readHeaderRow } from '../db/imports/layout';
import { HEADER_CORPUS } from './header-corpus';

/** The rows every column of which is named, and those read fully (nothing missing either), as of this release. */
const UNDERSTOOD = 62;
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
    const understood = results.filter((r) => !r.unread.length);
    const full = understood.filter((r) => !r.missing.length);
    const asked = results.filter((r) => r.unread.length || r.missing.length);
    console.log(
      [
        `${HEADER_CORPUS.length} header rows: every column named in ${understood.length}, read fully without mapping ${full.length}`,
        ...asked.map(
          (r) =>
            `  ${r.row.headers.join(' | ').replace(/\n/g, ' ')}${r.row.receipts ? ' [receipts]' : ''}: ` +
            `not read ${JSON.stringify(r.unread)}, missing ${JSON.stringify(r.missing)}`,
        ),
      ].join('\n'),
    );
    expect(understood.length).toBeGreaterThanOrEqual(UNDERSTOOD);
    expect(full.length).toBeGreaterThanOrEqual(READ_FULLY);
  });
});
