/**
 * Khoản viện trợ: the programmes, projects and non-project aid the ledger holds, filtered by modality, sector and
 * stage; each opens with its stages, lines and history. Enter on a row (or a click) opens it.
 */
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AID_MODALITIES, AID_STAGES, type AidItem, type AidModality, type AidStage } from '../../../contract/items';
import { ItemDetailDrawer } from '../components/ItemDetailDrawer';
import { ItemFormModal } from '../components/ItemFormModal';
import { useSearchTarget } from '../components/searchTarget';
import { money, showDate } from '../format';
import { itemVocabulary } from '../i18n';
import { errorText, useLedger } from '../queries';
import { searchByLabel } from '../components/pickers';
import { type ItemChoices, itemListInput, STAGE_COLOURS } from './itemList';

export function Items() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [choices, setChoices] = useState<ItemChoices>({ text: '' });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  useSearchTarget('item', (item) => setOpenId(item.id));
  const overview = useLedger('items.overview', {});
  const items = useLedger('items.list', itemListInput(choices), { keepPrevious: true });

  return (
    <div className="screen" data-testid="items-screen">
      <Typography.Title level={3}>{t('items.title')}</Typography.Title>
      <ItemsToolbar
        choices={choices}
        onChange={(change) => setChoices((now) => ({ ...now, ...change }))}
        onAdd={() => setCreating(true)}
      />
      {(overview.data?.linesWithoutItem ?? 0) > 0 && (
        <div className="muted" data-testid="lines-without-item" style={{ marginBottom: 8 }}>
          {t('items.linesWithoutItem', { count: overview.data!.linesWithoutItem })}
        </div>
      )}
      {items.isError && (
        <Typography.Text type="danger">
          {t('common.loadFailed', { message: errorText(items.error, lang) })}
        </Typography.Text>
      )}
      <ItemsTable items={items.data ?? []} loading={items.isLoading} onOpen={setOpenId} />
      <ItemFormModal open={creating} onClose={() => setCreating(false)} onSaved={(item) => setOpenId(item.id)} />
      <ItemDetailDrawer itemId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** Words to find, a modality, a sector and a stage to show; and the button that adds an item. */
function ItemsToolbar({
  choices,
  onChange,
  onAdd,
}: {
  choices: ItemChoices;
  onChange: (change: Partial<ItemChoices>) => void;
  onAdd: () => void;
}) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  const sectors = useLedger('items.sectors', {});
  return (
    <Space className="toolbar" wrap>
      <Input.Search
        allowClear
        placeholder={t('common.search')}
        value={choices.text}
        onChange={(e) => onChange({ text: e.target.value })}
        style={{ width: 260 }}
        data-testid="items-search"
      />
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('items.filterModality')}
        value={choices.modality}
        onChange={(modality: AidModality | undefined) => onChange({ modality })}
        aria-label={t('items.modality')}
        showSearch={searchByLabel}
        options={AID_MODALITIES.map((m) => ({ value: m, label: words.modality[m] }))}
      />
      <Select
        allowClear
        style={{ width: 240 }}
        placeholder={t('items.filterSector')}
        value={choices.sector}
        onChange={(sector: string | undefined) => onChange({ sector })}
        aria-label={t('items.sector')}
        showSearch={searchByLabel}
        options={(sectors.data ?? []).map((s) => ({ value: s, label: words.sectorName(s) }))}
      />
      <Select
        allowClear
        style={{ width: 170 }}
        placeholder={t('items.filterStage')}
        value={choices.stage}
        onChange={(stage: AidStage | undefined) => onChange({ stage })}
        aria-label={t('items.stage')}
        showSearch={searchByLabel}
        options={AID_STAGES.map((s) => ({ value: s, label: words.stage[s] }))}
      />
      <Button type="primary" onClick={onAdd} data-testid="item-new">
        {t('items.add')}
      </Button>
    </Space>
  );
}

/** The items, each row opening its item (click or Enter). */
function ItemsTable({ items, loading, onOpen }: { items: AidItem[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = itemVocabulary(lang);
  return (
    <Table
      rowKey="id"
      size="small"
      data-testid="items-table"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={(item: AidItem) =>
        ({
          onClick: () => onOpen(item.id),
          onKeyDown: (e: React.KeyboardEvent) => {
            if (e.key === 'Enter') onOpen(item.id);
          },
          tabIndex: 0,
          'data-testid': 'item-row',
        }) as never
      }
      columns={[
        {
          title: t('items.name'),
          dataIndex: 'name',
          width: 330,
          render: (name: string) => <span className="cell-wrap">{name}</span>,
        },
        {
          title: t('items.modality'),
          dataIndex: 'modality',
          width: 110,
          render: (m: AidModality) => words.modality[m],
        },
        { title: t('items.sector'), dataIndex: 'sector', width: 180, render: (s: string) => words.sectorName(s) },
        { title: t('items.donor'), dataIndex: 'donorName' },
        {
          title: t('items.stage'),
          dataIndex: 'stage',
          width: 150,
          render: (s: AidStage, item: AidItem) => (
            <span>
              <Tag color={STAGE_COLOURS[s]}>{words.stage[s]}</Tag>
              <span className="muted">{showDate(item.stageDate)}</span>
            </span>
          ),
        },
        { title: t('items.lines'), dataIndex: 'lineCount', width: 70, className: 'num' },
        {
          title: t('items.committed'),
          dataIndex: 'committedVnd',
          width: 150,
          className: 'num',
          render: (v: number) => money(v, 'VND', lang),
        },
        {
          title: t('items.disbursed'),
          dataIndex: 'disbursedVnd',
          width: 150,
          className: 'num',
          render: (v: number) => money(v, 'VND', lang),
        },
      ]}
    />
  );
}
