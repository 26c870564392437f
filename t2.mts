import Database from 'better-sqlite3';
const d = new Database('/tmp/proto.sqlite', { readonly: true });
for (const q of [
  `SELECT p.rowid AS page_rowid FROM pledges p ORDER BY p.pledge_date DESC, p.rowid DESC LIMIT 100 OFFSET 0`,
  `SELECT p.rowid AS page_rowid FROM pledges p ORDER BY p.pledge_date DESC, p.id DESC LIMIT 100 OFFSET 0`,
  `SELECT p.rowid AS page_rowid FROM pledges p ORDER BY p.pledge_date DESC LIMIT 100 OFFSET 0`,
]) { console.log(q); console.log(d.prepare('EXPLAIN QUERY PLAN ' + q).all().map((r: any) => r.detail)); const s = performance.now(); d.prepare(q).all(); console.log(performance.now() - s); }
console.log(d.prepare(`SELECT * FROM sqlite_stat1 WHERE tbl = 'pledges'`).all());
