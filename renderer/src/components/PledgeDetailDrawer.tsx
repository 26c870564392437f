/** A pledge with its deliveries, what remains, and its full change history (who, when, what). */
import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, PledgeDetail, PledgeRow } from '../../../contract';
import { money, showDate, showQuantity } from '../format';
import { vocabulary } from '../i18n';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { DeliveryFormModal } from './DeliveryFormModal';
import { HistoryList } from './HistoryList';
import { ItemDetailDrawer } from './ItemDetailDrawer';
import { usePlaceLabels } from './pickers';
import { PledgeFormModal } from './PledgeFormModal';
import {
  amountText,
  beneficiariesText,
  deliveryAmountText,
  itemNameText,
  quantityText,
  rateText,
  remainingQuantityText,
  takesDeliveries,
  unitValueText,
} from './pledgeFacts';

interface Props {
  pledgeId: string | null;
  onClose: () => void;
}

export function PledgeDetailDrawer({ pledgeId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const detail = useLedger('pledges.get', { id: pledgeId ?? '' }, { enabled: pledgeId !== null });
  const [editing, setEditing] = useState(false);
  const [deliveryForm, setDeliveryForm] = useState<{ delivery?: Delivery } | null>(null);
  const data = pledgeId ? detail.data : undefined;
  const pledge = data?.pledge;

  return (
    <Drawer
      open={pledgeId !== null}
      onClose={onClose}
      size={760}
      title={t('detail.title')}
      extra={pledge && <PledgeActions pledge={pledge} onEdit={() => setEditing(true)} onDeleted={onClose} />}
    >
      {detail.isLoading && <Spin />}
      {detail.isError && <Typography.Text type="danger">{errorText(detail.error, lang)}</Typography.Text>}
      {data && pledge && (
        <div data-testid="pledge-detail">
          <PledgeFacts detail={data} />

          <Space className="section-title">
            <Typography.Title level={5}>{t('detail.deliveries')}</Typography.Title>
            <Button type="primary" size="small" onClick={() => setDeliveryForm({})} disabled={!takesDeliveries(pledge)}>
              {t('detail.addDelivery')}
            </Button>
          </Space>
          <DeliveriesTable deliveries={data.deliveries} onEdit={(delivery) => setDeliveryForm({ delivery })} />

          <Typography.Title level={5} className="section-title">
            {t('detail.history')}
          </Typography.Title>
          <HistoryList history={data.history} currency={pledge.currency} />

          <PledgeFormModal open={editing} pledge={pledge} onClose={() => setEditing(false)} />
          <DeliveryFormModal
            open={deliveryForm !== null}
            pledge={pledge}
            delivery={deliveryForm?.delivery}
            onClose={() => setDeliveryForm(null)}
          />
        </div>
      )}
    </Drawer>
  );
}

/** Edit the pledge, or delete it (once confirmed), closing the drawer. */
function PledgeActions({
  pledge,
  onEdit,
  onDeleted,
}: {
  pledge: PledgeRow;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const remove = useLedgerMutation('pledges.delete');
  return (
    <Space>
      <Button onClick={onEdit}>{t('common.edit')}</Button>
      <Popconfirm
        title={t('detail.confirmDeletePledge')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ id: pledge.id });
            message.success(t('common.deleted'));
            onDeleted();
          } catch (error) {
            message.error(errorText(error, i18n.language));
          }
        }}
      >
        <Button danger>{t('detail.deletePledge')}</Button>
      </Popconfirm>
    </Space>
  );
}

/** The pledge's particulars: who pledged what to which place, its amount, its VND equivalent and what remains. */
function PledgeFacts({ detail }: { detail: PledgeDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  const placeLabels = usePlaceLabels();
  const { pledge } = detail;
  return (
    <Descriptions column={2} size="small" bordered>
      <Descriptions.Item label={t('form.pledgeDate')}>{showDate(pledge.pledgeDate)}</Descriptions.Item>
      <Descriptions.Item label={t('form.status')}>
        <Tag>{words.pledgeStatus[pledge.status]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('form.donor')}>{pledge.donorName}</Descriptions.Item>
      <Descriptions.Item label={t('form.place')}>
        {placeLabels.get(pledge.placeId) ?? pledge.placeName}
      </Descriptions.Item>
      {pledge.todayPlaceName && (
        <Descriptions.Item label={t('form.todayIn')}>
          <span data-testid="today-in">{pledge.todayPlaceName}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('form.kind')}>{words.pledgeKind[pledge.kind]}</Descriptions.Item>
      <Descriptions.Item label={t('form.quantity')}>
        {quantityText(pledge.quantity, pledge.unit, lang)}
      </Descriptions.Item>
      <Descriptions.Item label={t('form.unitValue')}>
        <span data-testid="detail-unit-value">{unitValueText(pledge, lang)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('form.beneficiaries')}>
        <span data-testid="detail-beneficiaries">{beneficiariesText(pledge.beneficiaries, lang)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('aidLinks.item')} span={2}>
        <PledgeItemLink itemId={pledge.itemId} />
      </Descriptions.Item>
      <Descriptions.Item label={t('form.description')} span={2}>
        {pledge.description}
      </Descriptions.Item>
      {(pledge.recipient || pledge.village) && (
        <Descriptions.Item label={t('receipts.recipientLabel')} span={2}>
          <span data-testid="detail-recipient">{[pledge.recipient, pledge.village].filter(Boolean).join(', ')}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('form.amount')}>
        <span data-testid="detail-amount">{amountText(pledge.amountMinor, pledge.currency, lang)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.vnd')}>
        {money(pledge.vndEquivalent, 'VND', lang)} VND
        {pledge.currency !== 'VND' && (
          <div className="muted">
            {t('detail.rate')}: {rateText(pledge, lang)}
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.remaining')} span={2}>
        <strong data-testid="detail-remaining">
          {amountText(detail.remaining.amountMinor, pledge.currency, lang)}
        </strong>
        {remainingQuantityText(detail, lang)}
      </Descriptions.Item>
      {pledge.notes && (
        <Descriptions.Item label={t('form.notes')} span={2}>
          {pledge.notes}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The aid item the pledge belongs to, by name and decision number, opening the item; or that it is in none. */
function PledgeItemLink({ itemId }: { itemId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const link = useRef<HTMLButtonElement>(null);
  const item = useLedger('items.get', { id: itemId ?? '' }, { enabled: itemId !== null });
  if (itemId === null) return <span data-testid="detail-item">{t('aidLinks.itemNone')}</span>;
  const found = item.data?.item;
  return (
    <>
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => setOpen(true)}
        ref={link}
        data-testid="detail-item"
      >
        {found ? itemNameText(found, (number) => t('aidLinks.decision', { number })) : '…'}
      </Button>
      {/* Mounted only while open: a closed drawer left mounted stays above the detail's in the order Esc goes by. */}
      {open && (
        <ItemDetailDrawer
          itemId={itemId}
          onClose={() => {
            setOpen(false);
            // Once the drawer has gone (it gives the keyboard back to the page as it goes).
            requestAnimationFrame(() => link.current?.focus());
          }}
        />
      )}
    </>
  );
}

/** The pledge's deliveries, each to edit or delete (once confirmed). */
function DeliveriesTable({ deliveries, onEdit }: { deliveries: Delivery[]; onEdit: (delivery: Delivery) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const removeDelivery = useLedgerMutation('deliveries.delete');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={deliveries}
      locale={{
        emptyText: <Empty description={t('detail.noDeliveries')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
      }}
      data-testid="deliveries"
      columns={[
        { title: t('detail.deliveryDate'), dataIndex: 'deliveryDate', render: (d: string) => showDate(d) },
        {
          title: t('detail.amount'),
          className: 'num',
          render: (_, d: Delivery) => deliveryAmountText(d, lang),
        },
        {
          title: t('detail.quantity'),
          className: 'num',
          render: (_, d: Delivery) => showQuantity(d.quantity, lang),
        },
        {
          title: t('detail.vnd'),
          className: 'num',
          render: (_, d: Delivery) => money(d.vndEquivalent, 'VND', lang),
        },
        {
          title: t('receipts.recipient'),
          render: (_, d: Delivery) => [d.recipient, d.village].filter(Boolean).join(', '),
        },
        { title: t('detail.notes'), dataIndex: 'notes' },
        {
          title: t('common.actions'),
          render: (_, d: Delivery) => (
            <Space size="small">
              <Button size="small" type="link" onClick={() => onEdit(d)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('common.confirmDelete')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  removeDelivery.mutateAsync({ id: d.id }).catch((e: unknown) => message.error(errorText(e, lang)))
                }
              >
                <Button size="small" type="link" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
