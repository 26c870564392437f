/**
 * A list's receipt rows in the preview: each row's pledge (found by its aid item, or by donor, place and kind), and a
 * choice where several pledges fit or none does — one of them, or a new pledge delivered in full — which the user may
 * apply to every row waiting alike.
 */
import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedFile, ReceiptCandidate, ReceiptChoice, ReceiptMatch } from '../../../contract/imports';
import { VOCABULARY } from '../../../contract/labels';
import type { PledgeKind } from '../../../contract';
import { money, showDate, showQuantity } from '../format';
import { applyToRowsLike, type OfferedPledges, rowsLike, withOffers } from './receiptChoices';

/** The value of the "new pledge" option (a pledge id is a UUID, never this). */
const NEW = 'new';

const OUTCOME_COLOR: Record<ReceiptMatch['outcome'], string> = {
  item: 'green',
  place: 'green',
  chosen: 'blue',
  new: 'gold',
  ambiguous: 'red',
};

interface Props {
  file: ImportedFile;
  choices: ReceiptChoice[];
  onChoose: (choices: ReceiptChoice[]) => void;
}

export function ReceiptMatches({ file, choices, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const offered = useOfferedPledges(file.receipts);
  const matches = file.receipts ?? [];
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('receipts.title', { file: file.fileName })}
      data-testid="receipt-matches"
    >
      <Table
        size="small"
        rowKey="row"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={matches}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 60 },
          { title: t('receipts.date'), dataIndex: 'date', width: 100, render: (d: string) => showDate(d) },
          {
            title: t('receipts.received'),
            width: 150,
            render: (_: unknown, m: ReceiptMatch) =>
              m.amountMinor !== null
                ? `${money(m.amountMinor, m.currency, lang)} ${m.currency}`
                : showQuantity(m.quantity, lang),
          },
          { title: t('receipts.recipient'), dataIndex: 'recipient', width: 160 },
          {
            title: t('receipts.match'),
            render: (_: unknown, m: ReceiptMatch) => (
              <MatchChoice match={m} matches={matches} choices={choices} offered={offered} onChoose={onChoose} />
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * The pledges offered to each row, kept from one preview to the next: the preview of a row once chosen offers none,
 * and its choice still shows among them.
 */
function useOfferedPledges(receipts: ReceiptMatch[] | undefined): OfferedPledges {
  const [offered, setOffered] = useState(() => withOffers(new Map(), receipts ?? []));
  const [seen, setSeen] = useState(receipts);
  if (seen !== receipts) {
    setSeen(receipts);
    setOffered(withOffers(offered, receipts ?? []));
  }
  return offered;
}

/** A row's outcome, its choice of pledge where it has one, and the way to make that choice for every row like it. */
function MatchChoice({
  match: m,
  matches,
  choices,
  offered,
  onChoose,
}: Omit<Props, 'file'> & { match: ReceiptMatch; matches: ReceiptMatch[]; offered: OfferedPledges }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = VOCABULARY[lang === 'en' ? 'en' : 'vi'];
  const candidateText = (c: ReceiptCandidate) =>
    [
      showDate(c.pledgeDate),
      c.donorName,
      c.placeName,
      words.pledgeKind[c.kind as PledgeKind] ?? c.kind,
      c.itemName ?? c.description,
      t('receipts.left', { amount: `${money(c.remainingAmountMinor, c.currency, lang)} ${c.currency}` }),
    ].join(' · ');
  const chosen = choices.find((c) => c.row === m.row);
  const candidates = m.candidates.length ? m.candidates : (offered.get(m.row) ?? []);
  const choose = (value: string) =>
    onChoose([...choices.filter((c) => c.row !== m.row), { row: m.row, pledgeId: value === NEW ? null : value }]);
  const value = chosen ? (chosen.pledgeId ?? NEW) : m.outcome === 'new' ? NEW : (m.pledgeId ?? undefined);
  const like = chosen ? rowsLike(matches, choices, offered, m.row).length : 0;
  return (
    <div data-testid={`receipt-row-${m.row}`}>
      <Tag color={OUTCOME_COLOR[m.outcome]}>{t(`receipts.outcomes.${m.outcome}`)}</Tag>
      {candidates.length > 0 || m.outcome === 'chosen' ? (
        <Select
          size="small"
          style={{ width: '100%', marginTop: 4 }}
          placeholder={t('receipts.choose')}
          value={value}
          onChange={choose}
          aria-label={t('receipts.choiceLabel', { row: m.row })}
          data-testid={`receipt-choice-${m.row}`}
          options={[
            ...candidates.map((c) => ({ value: c.pledgeId, label: candidateText(c) })),
            ...(m.outcome === 'chosen' && m.pledgeId && !candidates.some((c) => c.pledgeId === m.pledgeId)
              ? [{ value: m.pledgeId, label: t('receipts.outcomes.chosen') }]
              : []),
            { value: NEW, label: t('receipts.newPledge') },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{m.outcome === 'new' ? t('receipts.newPledge') : ''}</Typography.Text>
      )}
      {like > 0 && (
        <Button
          size="small"
          style={{ marginTop: 4 }}
          onClick={() => onChoose(applyToRowsLike(matches, choices, offered, m.row))}
          data-testid={`receipt-apply-${m.row}`}
        >
          {t('receipts.applyToAll', { count: like })}
        </Button>
      )}
    </div>
  );
}
