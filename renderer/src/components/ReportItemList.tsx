/**
 * The report's list of aid items as its workbook sheet "Danh sách khoản viện trợ" lists them: each item alive in the
 * period (one approved in it with no line yet too) with its decision, stage, value as approved and figures, and the
 * totals of the figures.
 */
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatutoryItemRow } from '../../../contract/items';
import { money, showDate } from '../format';

export function ReportItemList({ items }: { items: StatutoryItemRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vnd = (v: number) => money(v, 'VND', lang);
  // Whole đồng: their sum is exact as a number.
  const sum = (pick: (row: StatutoryItemRow) => number) => items.reduce((s, row) => s + pick(row), 0);
  return (
    <Table<StatutoryItemRow>
      size="small"
      rowKey={(row) => `${row.name}|${row.approvalNumber ?? ''}|${row.donor}`}
      pagination={false}
      dataSource={items}
      data-testid="report-item-list"
      columns={[
        { title: t('items.name'), dataIndex: 'name' },
        { title: t('items.modality'), dataIndex: 'modality' },
        { title: t('items.sector'), dataIndex: 'sector' },
        { title: t('items.donor'), dataIndex: 'donor' },
        { title: t('items.approvalNumber'), dataIndex: 'approvalNumber', render: (n: string | null) => n ?? '' },
        { title: t('items.approvalDate'), dataIndex: 'approvalDate', width: 100, render: showDate },
        { title: t('items.stage'), dataIndex: 'stage' },
        {
          title: t('aidLinks.approvedValue'),
          className: 'num',
          render: (_, row) =>
            row.valueMinor == null
              ? ''
              : `${money(row.valueMinor, row.valueCurrency ?? 'VND', lang)} ${row.valueCurrency ?? ''}`,
        },
        { title: t('items.committed'), dataIndex: 'committedVnd', className: 'num', render: vnd },
        { title: t('items.disbursed'), dataIndex: 'disbursedVnd', className: 'num', render: vnd },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={8}>
            <Typography.Text strong>{t('reports.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={8} className="num">
            <strong>{vnd(sum((row) => row.committedVnd))}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={9} className="num">
            <strong>{vnd(sum((row) => row.disbursedVnd))}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
