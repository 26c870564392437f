/**
 * The registry's warnings where they matter: on the item, pledge and stage forms as the donor, day, place and sector
 * are chosen (the record is still saved; a reason given acknowledges the warning once it is); in an item's detail; and
 * on the dashboard, the ones nobody has considered yet.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryWarning, WarningSubject } from '../../../contract';
import type { CheckInput } from './ngoFacts';
import { showDate, showDateTime } from '../format';
import { call, errorText, refreshAfter, useLedger } from '../queries';
import { distinctWarnings } from './ngoFacts';

/** The warnings the registry gives for what the form holds now (nothing is written). */
export function useNgoCheck(inputs: CheckInput[]): RegistryWarning[] {
  const check = useQuery({
    queryKey: ['ngo.check', inputs],
    queryFn: async () => distinctWarnings(await Promise.all(inputs.map((input) => call('ngo.check', input)))),
    enabled: inputs.length > 0,
    placeholderData: keepPreviousData,
  });
  return inputs.length > 0 ? (check.data ?? []) : [];
}

/**
 * A form's warning: what the certificate does not permit, and a field for why the officer records it all the same.
 * Shown only while there is a warning.
 */
export function NgoCheckAlert({
  warnings,
  reason,
  onReason,
}: {
  warnings: RegistryWarning[];
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="ngo-check"
      title={t('ngo.check.title')}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {warnings.map((w) => (
              <li key={`${w.message.vi}-${w.reasons.join()}`} data-testid="ngo-check-message">
                {w.message[lang]}
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('ngo.check.help')}
          </Typography.Paragraph>
          <Input
            aria-label={t('ngo.check.ackReason')}
            placeholder={t('ngo.check.ackReason')}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            data-testid="ngo-ack-reason"
          />
        </>
      }
    />
  );
}

/** The form's part of a warning: what the ledger says now, and the reason typed to acknowledge it. */
export function useFormWarning(inputs: CheckInput[]) {
  const warnings = useNgoCheck(inputs);
  const [reason, setReason] = useState('');
  const alert = <NgoCheckAlert warnings={warnings} reason={reason} onReason={setReason} />;
  return { warnings, reason, setReason, alert };
}

/**
 * After a save: the warning the form showed is acknowledged with the reason given, when one was. The record is saved
 * whatever happens here; a failure is said, not thrown.
 */
export async function acknowledgeAfterSave(
  subject: WarningSubject,
  id: string,
  warnings: RegistryWarning[],
  reason: string,
  onFailure: (text: string) => void,
  lang: string,
): Promise<void> {
  if (warnings.length === 0 || !reason.trim()) return;
  try {
    await call('ngo.acknowledge', { subject, id, reason: reason.trim() });
    await refreshAfter('ngo.acknowledge');
  } catch (error) {
    onFailure(errorText(error, lang));
  }
}

/** A warning as listed: what it is about, its day, why, and its acknowledgement when there is one. */
function WarningLine({ warning, onOpen }: { warning: RegistryWarning; onOpen?: (warning: RegistryWarning) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const ack = warning.acknowledged;
  return (
    <List.Item data-testid="ngo-warning">
      <div>
        <Tag color={ack ? 'default' : 'orange'}>{t(`ngo.subjects.${warning.subject}`)}</Tag>
        {onOpen ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(warning)}>
            {warning.label}
          </Button>
        ) : (
          <strong>{warning.label}</strong>
        )}{' '}
        <span className="muted">
          ({warning.donorName}, {showDate(warning.date)})
        </span>
        <div>{warning.message[lang]}</div>
        {ack && (
          <div className="muted" data-testid="ngo-warning-ack">
            {t('ngo.check.acknowledged', {
              reason: ack.reason,
              by: ack.by ?? '—',
              at: showDateTime(ack.at),
            })}
          </div>
        )}
      </div>
    </List.Item>
  );
}

/** Warnings as a list, acknowledged ones with why. */
export function WarningList({ warnings, testId }: { warnings: RegistryWarning[]; testId: string }) {
  return (
    <List
      size="small"
      bordered
      dataSource={warnings}
      renderItem={(w) => <WarningLine warning={w} />}
      data-testid={testId}
    />
  );
}

/** An item's warnings (its own, its stages' and its pledges'), acknowledged ones with why. */
export function ItemNgoWarnings({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const warnings = useLedger('ngo.warnings', { itemId, includeAcknowledged: true });
  const list = warnings.data ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ngo.itemWarnings')}
      </Typography.Title>
      <WarningList warnings={list} testId="item-ngo-warnings" />
    </>
  );
}

/**
 * The dashboard's list: the warnings nobody has acknowledged yet, each opening its item; the acknowledged ones too,
 * with why, when asked.
 */
export function RegistryWarningsCard({ onOpen }: { onOpen: (warning: RegistryWarning) => void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const warnings = useLedger('ngo.warnings', all ? { includeAcknowledged: true } : {}, { keepPrevious: true });
  const list = warnings.data ?? [];
  const waiting = list.filter((w) => !w.acknowledged).length;
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={
        <span>
          {t('ngo.dashboardWarnings')}{' '}
          <Tag color={waiting ? 'orange' : 'default'} data-testid="ngo-warnings-count">
            {waiting}
          </Tag>
        </span>
      }
      extra={
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="ngo-warnings-all">
          {t('ngo.showAcknowledged')}
        </Checkbox>
      }
      data-testid="ngo-warnings-card"
    >
      <List
        size="small"
        style={{ maxHeight: 260, overflowY: 'auto' }}
        locale={{ emptyText: t('ngo.noWarnings') }}
        dataSource={list}
        renderItem={(w) => <WarningLine warning={w} onOpen={onOpen} />}
      />
    </Card>
  );
}
