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
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_STATUS_NOTE, type Delivery, type FieldChange, type HistoryEntry } from '../../../contract';
import { fieldLabel } from '../../../contract/validation';
import { money, showDate, showDateTime, showQuantity, showRate } from '../format';
import { vocabulary } from '../i18n';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { DeliveryFormModal } from './DeliveryFormModal';
import { PledgeFormModal } from './PledgeFormModal';

interface Props {
  pledgeId: string | null;
  onClose: () => void;
}

const MONEY_FIELDS = new Set(['amountMinor', 'unitValueMinor', 'vndEquivalent', 'valueMinor', 'counterpartMinor']);

function showValue(change: FieldChange, currency: string, lang: string): string {
  const one = (v: unknown) => {
    if (v === null || v === undefined || v === '') return '∅';
    if (MONEY_FIELDS.has(change.field) && typeof v === 'number')
      return money(v, change.field === 'vndEquivalent' ? 'VND' : currency, lang);
    if (/Date$/.test(change.field) && typeof v === 'string') return showDate(v);
    if (change.field === 'quantity' && typeof v === 'string') return showQuantity(v, lang);
    return String(v);
  };
  return `${one(change.before)} → ${one(change.after)}`;
}

export function HistoryList({ history, currency }: { history: HistoryEntry[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Timeline
      data-testid="history"
      items={history.map((entry) => ({
        key: entry.id,
        color: entry.action === 'delete' ? 'red' : entry.action === 'create' ? 'green' : 'blue',
        content: (
          <div className="history-entry">
            <div>
              <strong>{t(`detail.actions.${entry.action}`)}</strong> {t(`detail.entities.${entry.entity}`)} ·{' '}
              {showDateTime(entry.at)} ·{' '}
              <span data-testid="history-by">
                {t('detail.by', { who: entry.userName ? `${entry.userName} — ${entry.siteName}` : entry.siteName })}
              </span>
            </div>
            {entry.note === AUTO_STATUS_NOTE ? (
              <div className="muted">{t('detail.autoStatus')}</div>
            ) : (
              entry.note && <div className="muted">{t('detail.reason', { note: entry.note })}</div>
            )}
            {entry.action === 'update' && (
              <ul className="changes">
                {entry.changes.map((c) => (
                  <li key={c.field}>
                    {fieldLabel(c.field)[lang]}: {showValue(c, currency, lang)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function PledgeDetailDrawer({ pledgeId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  const { message } = AntApp.useApp();
  const detail = useLedger('pledges.get', { id: pledgeId ?? '' }, { enabled: pledgeId !== null });
  const remove = useLedgerMutation('pledges.delete');
  const removeDelivery = useLedgerMutation('deliveries.delete');
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
      extra={
        pledge && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Popconfirm
              title={t('detail.confirmDeletePledge')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id: pledge.id });
                  message.success(t('common.deleted'));
                  onClose();
                } catch (error) {
                  message.error(errorText(error, lang));
                }
              }}
            >
              <Button danger>{t('detail.deletePledge')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {detail.isLoading && <Spin />}
      {detail.isError && <Typography.Text type="danger">{errorText(detail.error, lang)}</Typography.Text>}
      {data && pledge && (
        <div data-testid="pledge-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('form.pledgeDate')}>{showDate(pledge.pledgeDate)}</Descriptions.Item>
            <Descriptions.Item label={t('form.status')}>
              <Tag>{words.pledgeStatus[pledge.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('form.donor')}>{pledge.donorName}</Descriptions.Item>
            <Descriptions.Item label={t('form.place')}>{pledge.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('form.kind')}>{words.pledgeKind[pledge.kind]}</Descriptions.Item>
            <Descriptions.Item label={t('form.quantity')}>
              {showQuantity(pledge.quantity, lang)} {pledge.unit ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('form.description')} span={2}>
              {pledge.description}
            </Descriptions.Item>
            <Descriptions.Item label={t('form.amount')}>
              <span data-testid="detail-amount">
                {money(pledge.amountMinor, pledge.currency, lang)} {pledge.currency}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.vnd')}>
              {money(pledge.vndEquivalent, 'VND', lang)} VND
              {pledge.currency !== 'VND' && (
                <div className="muted">
                  {t('detail.rate')}: {showRate(pledge.rate, lang)} {pledge.rateSource ? `(${pledge.rateSource})` : ''}
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.remaining')} span={2}>
              <strong data-testid="detail-remaining">
                {money(data.remaining.amountMinor, pledge.currency, lang)} {pledge.currency}
              </strong>
              {data.remaining.quantity !== null &&
                ` · ${showQuantity(data.remaining.quantity, lang)} ${pledge.unit ?? ''}`}
            </Descriptions.Item>
            {pledge.notes && (
              <Descriptions.Item label={t('form.notes')} span={2}>
                {pledge.notes}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Space className="section-title">
            <Typography.Title level={5}>{t('detail.deliveries')}</Typography.Title>
            <Button
              type="primary"
              size="small"
              onClick={() => setDeliveryForm({})}
              disabled={pledge.status === 'cancelled'}
            >
              {t('detail.addDelivery')}
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.deliveries}
            locale={{
              emptyText: <Empty description={t('detail.noDeliveries')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
            }}
            data-testid="deliveries"
            columns={[
              { title: t('detail.deliveryDate'), dataIndex: 'deliveryDate', render: (d: string) => showDate(d) },
              {
                title: t('detail.amount'),
                className: 'num',
                render: (_, d: Delivery) =>
                  d.amountMinor === null ? '' : `${money(d.amountMinor, d.currency, lang)} ${d.currency}`,
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
              { title: t('detail.notes'), dataIndex: 'notes' },
              {
                title: t('common.actions'),
                render: (_, d: Delivery) => (
                  <Space size="small">
                    <Button size="small" type="link" onClick={() => setDeliveryForm({ delivery: d })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('common.confirmDelete')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        removeDelivery
                          .mutateAsync({ id: d.id })
                          .catch((e: unknown) => message.error(errorText(e, lang)))
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
