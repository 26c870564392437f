/** An aid item: its particulars, its stages (and the next one), its pledge lines (attach, take out) and its history. */
import {
  App as AntApp,
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeRow } from '../../../contract';
import { type AidItem, type AidItemDetail, NEXT_STAGES } from '../../../contract/items';
import { localToday } from '../dates';
import { money, showDate } from '../format';
import { itemVocabulary } from '../i18n';
import { call, errorText, showSaveError, useLedger, useLedgerMutation } from '../queries';
import { dateRule, DateInput } from './DateInput';
import { AttachLinesModal } from './AttachLinesModal';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import { HistoryList } from './HistoryList';
import { ItemDeleteButton } from './ItemDeleteButton';
import { ItemFormModal } from './ItemFormModal';
import { useLiveValues } from './liveValues';
import { checkInputs } from './ngoFacts';
import { acknowledgeAfterSave, ItemNgoWarnings, useFormWarning } from './NgoWarnings';
import {
  approvalText,
  type Named,
  canMoveStage,
  initialStageValues,
  itemAmountText,
  itemPeriodText,
  itemPlacesText,
  namesText,
  stageInput,
  type StageValues,
} from './itemFacts';
import { searchByLabel, tabMovesOn } from './pickers';

/** Moves an item to one of the stages its current one leads to, dated, with its document. */
function StageModal({ item, open, onClose }: { item: AidItem; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = itemVocabulary(lang);
  const [form] = Form.useForm<StageValues>();
  const submit = useFormSubmit(form, save);
  const move = useLedgerMutation('items.stage');
  const [formError, setFormError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const next = NEXT_STAGES[item.stage];
  // The registry's check of the donor's certificate on the new stage's day, at the item's places, in its sector.
  const [live, liveValues] = useLiveValues(form, ['date'] as const);
  const registry = useFormWarning(checkInputs(item.donorId, live.date, item.placeIds, item.sector));
  // biome-ignore lint/correctness/useExhaustiveDependencies: emptied when the dialog opens
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    registry.setReason('');
    form.setFieldsValue(initialStageValues(next, localToday()));
  }, [open, form, next]);

  async function save(values: StageValues) {
    try {
      const moved = await move.mutateAsync(stageInput(item, values));
      if (registry.warnings.length && registry.reason.trim()) {
        // The stage just made: the newest of the item's stages at that stage.
        const stages = (await call('items.get', { id: moved.id })).stages.filter((s) => s.stage === values.stage);
        const made = stages[stages.length - 1];
        if (made) await acknowledgeAfterSave('stage', made.id, registry.warnings, registry.reason, message.error, lang);
      }
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, ['stage', 'date', 'document', 'note'], setFormError);
    }
  }

  return (
    <Modal
      open={open}
      title={t('items.moveStageTitle', { name: item.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'stage')}
    >
      <Form form={form} layout="vertical" {...submit} name="itemStage">
        {liveValues}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item
          name="stage"
          label={t('items.nextStage')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            autoFocus
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
            options={next.map((s) => ({ value: s, label: words.stage[s] }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('items.stageDate')}
          required
          rules={[dateRule(t, true)]}
          validateTrigger={['onBlur', 'onChange']}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="document" label={t('items.document')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('items.notes')}>
          <Input />
        </Form.Item>
        {registry.alert}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

export function ItemDetailDrawer({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const detail = useLedger('items.get', { id: itemId ?? '' }, { enabled: itemId !== null });
  const lines = useLedger(
    'pledges.list',
    { filter: { itemId: itemId ?? undefined }, page: { offset: 0, limit: 500 } },
    { enabled: itemId !== null },
  );
  const places = useLedger('places.list', {});
  const donors = useLedger('donors.list', { includeMerged: true });
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const item = detail.data?.item;

  return (
    <Drawer
      open={itemId !== null}
      onClose={onClose}
      size={880}
      title={item?.name ?? t('items.detailTitle')}
      data-testid="item-detail"
      destroyOnHidden
    >
      {detail.isLoading || !item ? (
        detail.isError ? (
          <Typography.Text type="danger">{errorText(detail.error, lang)}</Typography.Text>
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Button onClick={() => setEditing(true)} data-testid="item-edit">
              {t('common.edit')}
            </Button>
            <Button
              type="primary"
              onClick={() => setMoving(true)}
              disabled={!canMoveStage(item)}
              data-testid="item-move-stage"
            >
              {t('items.moveStage')}
            </Button>
            <Button onClick={() => setAttaching(true)} data-testid="item-attach">
              {t('items.attach')}
            </Button>
            <ItemDeleteButton itemId={item.id} onDeleted={onClose} />
          </Space>
          <ItemFacts item={item} places={places.data} donors={donors.data} />
          <ItemNgoWarnings itemId={item.id} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('items.stages')}
          </Typography.Title>
          <ItemStages stages={detail.data?.stages ?? []} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('items.lines')} ({item.lineCount})
          </Typography.Title>
          <ItemLines lines={lines.data?.rows ?? []} loading={lines.isLoading} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('items.history')}
          </Typography.Title>
          <HistoryList
            history={detail.data?.history ?? []}
            currency={item.valueCurrency ?? 'VND'}
            counterpartCurrency={item.counterpartCurrency}
          />
          <ItemFormModal open={editing} item={item} onClose={() => setEditing(false)} />
          <StageModal open={moving} item={item} onClose={() => setMoving(false)} />
          <AttachLinesModal open={attaching} item={item} onClose={() => setAttaching(false)} />
        </>
      )}
    </Drawer>
  );
}

/** The item's particulars: modality, sector, stage, donors, places, dates, amounts, approval and what it comes to. */
function ItemFacts({
  item,
  places,
  donors,
}: {
  item: AidItem;
  places: Named[] | undefined;
  donors: Named[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = itemVocabulary(lang);
  return (
    <Descriptions size="small" bordered column={2} data-testid="item-facts">
      <Descriptions.Item label={t('items.modality')}>{words.modality[item.modality]}</Descriptions.Item>
      <Descriptions.Item label={t('items.sector')}>{words.sectorName(item.sector)}</Descriptions.Item>
      <Descriptions.Item label={t('items.stage')}>
        <span data-testid="item-stage">{words.stage[item.stage]}</span> ({showDate(item.stageDate)})
      </Descriptions.Item>
      <Descriptions.Item label={t('items.donor')}>{item.donorName}</Descriptions.Item>
      <Descriptions.Item label={t('items.coDonors')}>{namesText(item.coDonorIds, donors)}</Descriptions.Item>
      <Descriptions.Item label={t('items.places')}>
        <span data-testid="item-places">{itemPlacesText(item, places, (place) => t('items.todayIn', { place }))}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('items.governingBody')}>{item.governingBody ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('items.aidOwner')}>{item.aidOwner ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={`${t('items.startDate')} – ${t('items.endDate')}`}>
        {itemPeriodText(item)}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.value')}>
        {itemAmountText(item.valueMinor, item.valueCurrency, lang)}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.counterpart')}>
        {itemAmountText(item.counterpartMinor, item.counterpartCurrency, lang)}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.budgetRevenue')}>
        {item.budgetRevenue ? t('common.yes') : t('common.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('items.approvalNumber')}>{approvalText(item)}</Descriptions.Item>
      <Descriptions.Item label={t('items.committed')}>
        <span data-testid="item-committed">{money(item.committedVnd, 'VND', lang)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('items.disbursed')}>{money(item.disbursedVnd, 'VND', lang)}</Descriptions.Item>
      {item.notes && (
        <Descriptions.Item label={t('items.notes')} span={2}>
          {item.notes}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The stages the item went through, each dated, with its document. */
function ItemStages({ stages }: { stages: AidItemDetail['stages'] }) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="item-stages"
      dataSource={stages}
      columns={[
        { title: t('items.stage'), dataIndex: 'stage', render: (s: AidItem['stage']) => words.stage[s] },
        { title: t('items.stageDate'), dataIndex: 'date', width: 110, render: (d: string) => showDate(d) },
        { title: t('items.document'), dataIndex: 'document', render: (d: string | null) => d ?? '—' },
        { title: t('items.notes'), dataIndex: 'note', render: (d: string | null) => d ?? '' },
      ]}
    />
  );
}

/** The item's pledge lines, each to take out of it. */
function ItemLines({ lines, loading }: { lines: PledgeRow[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const detach = useLedgerMutation('items.attach');
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="item-lines"
      loading={loading}
      dataSource={lines}
      columns={[
        {
          title: t('pledges.columns.pledgeDate'),
          dataIndex: 'pledgeDate',
          width: 100,
          render: (d: string) => showDate(d),
        },
        { title: t('pledges.columns.description'), dataIndex: 'description' },
        { title: t('pledges.columns.place'), dataIndex: 'placeName' },
        {
          title: t('pledges.columns.vndEquivalent'),
          dataIndex: 'vndEquivalent',
          className: 'num',
          render: (v: number) => money(v, 'VND', lang),
        },
        {
          title: t('pledges.columns.delivered'),
          dataIndex: 'deliveredVnd',
          className: 'num',
          render: (v: number) => money(v, 'VND', lang),
        },
        {
          title: t('common.actions'),
          width: 110,
          render: (_, row: { id: string }) => (
            <Button
              size="small"
              type="link"
              onClick={async () => {
                try {
                  await detach.mutateAsync({ itemId: null, pledgeIds: [row.id] });
                } catch (error) {
                  message.error(errorText(error, lang));
                }
              }}
            >
              {t('items.detach')}
            </Button>
          ),
        },
      ]}
    />
  );
}
