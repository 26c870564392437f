/**
 * The warning shown above every screen when this machine's clock disagrees with the ledger (`app.info`'s `clock`, read
 * against the newest change in the file): what was seen, and what to do.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockReading } from '../../../contract';
import { showDateTime } from '../format';

export function ClockBanner({ clock }: { clock: ClockReading | undefined }) {
  const { t } = useTranslation();
  if (!clock || clock.state === 'ok') return null;
  const times = {
    machine: showDateTime(clock.machineAt),
    newest: clock.newestChangeAt ? showDateTime(clock.newestChangeAt) : '',
  };
  const [title, description] =
    clock.state === 'behind'
      ? [t('clock.behindTitle'), t('clock.behind', times)]
      : [t('clock.aheadTitle'), t('clock.ahead', times)];
  return (
    <Alert
      type="warning"
      showIcon
      closable
      role="alert"
      data-testid="clock-banner"
      style={{ marginBottom: 12 }}
      title={title}
      description={description}
    />
  );
}
