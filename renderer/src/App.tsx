import { useEffect, useState } from 'react';
import type { AppInfo, PledgeList, TotalsResult } from '../../contract';
import { VOCABULARY, type Lang } from '../../contract/labels';
import { formatAmount } from '../../contract/money';
import { api, ClientError } from './api';
import { en } from './i18n/en';
import { vi } from './i18n/vi';

const CATALOGS = { vi, en };

function viDate(iso: string) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

interface Loaded {
  info: AppInfo;
  pledges: PledgeList;
  byDonor: TotalsResult;
  byKind: TotalsResult;
}

function TotalsTable({ title, totals, t, testId }: { title: string; totals: TotalsResult; t: typeof vi; testId: string }) {
  const money = (v: number) => formatAmount(v, 'VND', 'vi');
  return (
    <section className="card">
      <h2>{title}</h2>
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{t.columns.group}</th>
            <th className="num">{t.columns.pledged}</th>
            <th className="num">{t.columns.delivered}</th>
          </tr>
        </thead>
        <tbody>
          {totals.groups.map((g) => (
            <tr key={g.key}>
              <td>{g.label}</td>
              <td className="num">{money(g.pledged)}</td>
              <td className="num">{money(g.delivered)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t.grandTotal}</th>
            <th className="num" data-testid={`${testId}-pledged`}>{money(totals.total.pledged)}</th>
            <th className="num">{money(totals.total.delivered)}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>('vi');
  const [text, setText] = useState('');
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = CATALOGS[lang];
  const words = VOCABULARY[lang];

  useEffect(() => {
    let cancelled = false;
    const filter = text.trim() ? { text } : {};
    Promise.all([
      api['app.info']({}),
      api['pledges.list']({ filter, page: { offset: 0, limit: 100 } }),
      api.totals({ by: 'donor', filter, lang }),
      api.totals({ by: 'kind', filter, lang }),
    ]).then(
      ([info, pledges, byDonor, byKind]) => {
        if (!cancelled) {
          setData({ info, pledges, byDonor, byKind });
          setError(null);
        }
      },
      (e: unknown) => {
        if (!cancelled) setError(e instanceof ClientError ? e.shape.message[lang] : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [text, lang]);

  return (
    <main lang={lang}>
      <header>
        <div>
          <h1>{t.appTitle}</h1>
          <p className="muted">{t.appSubtitle}</p>
        </div>
        <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.language}
        </button>
      </header>
      {error && <p role="alert" className="error">{t.loadFailed}: {error}</p>}
      {!data && !error && <p>{t.loading}</p>}
      {data && (
        <>
          <p className="muted" data-testid="app-info">
            {data.info.name} · {t.version} {data.info.version} · {t.installation}: {data.info.site.name} · {t.database}: {data.info.databasePath}
          </p>
          <div className="grid">
            <TotalsTable title={t.totalsByDonor} totals={data.byDonor} t={t} testId="totals-donor" />
            <TotalsTable title={t.totalsByKind} totals={data.byKind} t={t} testId="totals-kind" />
          </div>
          <section className="card">
            <h2>{t.pledges}</h2>
            <input aria-label={t.search} placeholder={t.search} value={text} onChange={(e) => setText(e.target.value)} />
            <p className="muted">{t.pledgeCount(data.pledges.rows.length, data.pledges.total)}</p>
            {data.pledges.rows.length === 0 ? (
              <p>{t.empty}</p>
            ) : (
              <table data-testid="pledges">
                <thead>
                  <tr>
                    <th>{t.columns.date}</th>
                    <th>{t.columns.donor}</th>
                    <th>{t.columns.place}</th>
                    <th>{t.columns.kind}</th>
                    <th>{t.columns.description}</th>
                    <th className="num">{t.columns.amount}</th>
                    <th className="num">{t.columns.vnd}</th>
                    <th>{t.columns.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pledges.rows.map((p) => (
                    <tr key={p.id}>
                      <td>{viDate(p.pledgeDate)}</td>
                      <td>{p.donorShortName ?? p.donorName}</td>
                      <td>{p.placeName}</td>
                      <td>{words.pledgeKind[p.kind]}</td>
                      <td>{p.description}</td>
                      <td className="num">
                        {formatAmount(p.amountMinor, p.currency, 'vi')} {p.currency}
                      </td>
                      <td className="num">{formatAmount(p.vndEquivalent, 'VND', 'vi')}</td>
                      <td>{words.pledgeStatus[p.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </main>
  );
}
