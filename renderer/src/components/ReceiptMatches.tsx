/**
 * A list's receipt rows in the preview: each row's pledge (found by its aid item, or by donor, place and kind), and a
 * choice where several pledges fit or none does — one of them, or a new pledge delivered in full.
 */
import { Card, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportedFile, ReceiptCandidate, ReceiptChoice, ReceiptMatch } from '../../../contract/imports';
import { VOCABULARY } from '../../../contract/labels';
import type { PledgeKind } from '../../../contract';
import { money, showDate, showQuantity } from '../format';

/** The value of the "new pledge" option (a pledge id is a UUID, never this). */
const NEW = 'new';

const OUTCOME_COLOR: Record<ReceiptMatch['outcome'], string> = {
  item: 'green',
  place: 'green',
  chosen: 'blue',
  new: 'gold',
  ambiguous: 'red',
};

export function ReceiptMatches({
  file,
  choices,
  onChoose,
}: {
  file: ImportedFile;
  choices: ReceiptChoice[];
  onChoose: (choices: ReceiptChoice[]) => void;
}) {
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
  const choose = (row: number, value: string) =>
    onChoose([...choices.filter((c) => c.row !== row), { row, pledgeId: value === NEW ? null : value }]);
  const chosenValue = (m: ReceiptMatch): string | undefined => {
    const chosen = choices.find((c) => c.row === m.row);
    if (chosen) return chosen.pledgeId ?? NEW;
    return m.outcome === 'new' ? NEW : (m.pledgeId ?? undefined);
  };
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
        dataSource={file.receipts ?? []}
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
              <div data-testid={`receipt-row-${m.row}`}>
                <Tag color={OUTCOME_COLOR[m.outcome]}>{t(`receipts.outcomes.${m.outcome}`)}</Tag>
                {m.candidates.length > 0 || m.outcome === 'chosen' ? (
                  <Select
                    size="small"
                    style={{ width: '100%', marginTop: 4 }}
                    placeholder={t('receipts.choose')}
                    value={chosenValue(m)}
                    onChange={(value: string) => choose(m.row, value)}
                    aria-label={t('receipts.choiceLabel', { row: m.row })}
                    data-testid={`receipt-choice-${m.row}`}
                    options={[
                      ...m.candidates.map((c) => ({ value: c.pledgeId, label: candidateText(c) })),
                      ...(m.outcome === 'chosen' && m.pledgeId && !m.candidates.some((c) => c.pledgeId === m.pledgeId)
                        ? [{ value: m.pledgeId, label: t('receipts.outcomes.chosen') }]
                        : []),
                      { value: NEW, label: t('receipts.newPledge') },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">
                    {m.outcome === 'new' ? t('receipts.newPledge') : ''}
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
