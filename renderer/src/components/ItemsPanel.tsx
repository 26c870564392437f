/** The dashboard's aid items: what is due (Việc cần làm, sorted by date due), the items by stage and by sector, and the NGOs. */
import { Badge, Card, Col, List, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { itemVocabulary } from '../i18n';
import { useLedger } from '../queries';
import { showDate } from '../format';
import { reminderText } from '../screens/syncExchange';
import { localToday } from '../dates';
import { deadlineDueText, deadlineText } from './deadlines';
import { registryTodoLines } from './ngoFacts';
import { reportAwaited, reportDueText } from './reportsDue';

export function ItemsPanel({ onOpenItems }: { onOpenItems?: () => void }) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  const deadlines = useLedger('items.deadlines', {});
  const overview = useLedger('items.overview', {});
  // Offices silent for too long, and changes not sent, are on the list too (see the Đồng bộ screen).
  const reminders = useLedger('sync.status', {}).data?.reminders ?? [];
  // Donors an imported list made without a country (a list with no country column): theirs is to complete.
  const noCountry = (useLedger('donors.list', {}).data ?? []).filter((d) => !d.country && !d.mergedInto);
  const due = deadlines.data;
  // The next quarterly, 6-month and annual report, by the department's rule and deadlines (Cài đặt).
  const reportsDue = useLedger('reports.due', {}).data ?? [];
  const today = localToday();
  const awaited = reportsDue.filter((r) => reportAwaited(r, today)).length;
  const items = overview.data;
  // The registry's: certificates about to expire, activity plans and yearly reports not received.
  const registry = registryTodoLines(useLedger('ngo.todo', {}).data, t);
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }} data-testid="items-panel">
      <Col span={12}>
        <Card
          size="small"
          title={
            <span>
              {t('todo.title')}{' '}
              <Badge
                count={(due?.items.length ?? 0) + reminders.length + noCountry.length + awaited + registry.length}
                showZero
                color={(due && due.overdue > 0) || reminders.length || awaited || registry.length ? 'red' : 'blue'}
                data-testid="todo-count"
              />
            </span>
          }
          data-testid="todo"
        >
          {reminders.map((r) => (
            <div key={`${r.kind}-${'siteId' in r ? r.siteId : ''}`} className="tile-line" data-testid="todo-sync">
              <Tag color="red">{t('exchange.overdue')}</Tag>
              {reminderText(r, t)}
            </div>
          ))}
          {reportsDue.map((r) => (
            <div key={r.period.key} className="tile-line" data-testid="todo-report">
              <Tag color={r.made ? 'green' : reportAwaited(r, today) ? 'red' : 'blue'}>
                {r.made ? t('todo.reportDue.made') : t('todo.due', { date: showDate(r.dueOn) })}
              </Tag>
              {reportDueText(r, t)}
            </div>
          ))}
          {noCountry.map((d) => (
            <div key={d.id} className="tile-line" data-testid="todo-donor-country">
              <Tag color="gold">{t('donors.title')}</Tag>
              {t('receipts.donorCountry', { name: d.name })}
            </div>
          ))}
          {registry.map((r) => (
            <div key={r.key} className="tile-line" data-testid="todo-ngo">
              <Tag color={r.color}>{r.tag}</Tag>
              {r.text}
            </div>
          ))}
          <List
            size="small"
            style={{ maxHeight: 220, overflowY: 'auto' }}
            locale={{ emptyText: reminders.length || noCountry.length || registry.length ? ' ' : t('todo.none') }}
            dataSource={due?.items ?? []}
            renderItem={(d) => (
              <List.Item data-testid="todo-item">
                <span>
                  <Tag color={d.overdue ? 'red' : 'blue'}>{deadlineDueText(d, t)}</Tag>
                  {deadlineText(d, words.deadline, t)}
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col span={4}>
        <Card
          size="small"
          data-testid="kpi-items"
          onClick={onOpenItems}
          style={{ cursor: onOpenItems ? 'pointer' : undefined }}
        >
          <Statistic title={t('todo.tiles.items')} value={items?.items ?? 0} />
        </Card>
        {/* Beside the donors with pledges in the filter, this counts another thing: said beneath, explained on hover. */}
        <Card size="small" data-testid="kpi-item-donors" style={{ marginTop: 12 }}>
          <div title={t('kpiCounts.itemDonorsHelp')} data-testid="kpi-item-donors-help">
            <Statistic title={t('todo.tiles.donors')} value={items?.donors ?? 0} />
            <div className="kpi-note" data-testid="kpi-item-donors-note">
              {t('kpiCounts.itemDonorsNote')}
            </div>
          </div>
        </Card>
      </Col>
      <Col span={4}>
        <Card size="small" title={t('todo.tiles.byStage')} data-testid="items-by-stage">
          {(items?.byStage ?? [])
            .filter((s) => s.items > 0)
            .map((s) => (
              <div key={s.stage} className="tile-line">
                {words.stage[s.stage]}: <strong>{s.items}</strong>
              </div>
            ))}
        </Card>
      </Col>
      <Col span={4}>
        <Card size="small" title={t('todo.tiles.bySector')} data-testid="items-by-sector">
          {(items?.bySector ?? []).map((s) => (
            <div key={s.sector} className="tile-line">
              {words.sectorName(s.sector)}: <strong>{s.items}</strong>
            </div>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
