/**
 * A date field that keeps what was typed. Its value is the text (dd/mm/yyyy); `dateRule` checks it, naming what is
 * wrong, and the form reads it with `readDayText` when it saves. Nothing is replaced behind the user's back: a
 * calendar control that resets an impossible date to the last good one (or to today) is how a pledge came to be saved
 * with a date nobody typed. The calendar beside it is for the mouse; Tab passes it by.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { forwardRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText, readDayText, readMonthText } from '../../../contract/dates';

export { dateRule, dayProblem, isoDay, isoMonth, monthProblem, monthRule } from '../dates';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'size' | 'prefix'> {
  value?: string;
  status?: 'error' | 'warning' | undefined;
  onChange?: (text: string) => void;
  /** Days (dd/mm/yyyy, the default) or months (mm/yyyy). */
  picker?: 'date' | 'month';
}

export const DateInput = forwardRef<HTMLInputElement, Props>(function DateInput(
  { value, onChange, picker = 'date', ...rest },
  _ref,
) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const current = picker === 'date' ? readDayText(value) : readMonthText(value);
  const shown =
    'iso' in current ? dayjs(current.iso) : 'yearMonth' in current ? dayjs(`${current.yearMonth}-01`) : dayjs();
  return (
    <Input
      {...rest}
      value={value ?? ''}
      placeholder={picker === 'date' ? t('form.datePlaceholder') : t('form.monthPlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => onChange?.(e.target.value)}
      suffix={
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          placement="bottomRight"
          content={
            <div style={{ width: 300 }}>
              <Calendar
                fullscreen={false}
                mode={picker === 'date' ? 'month' : 'year'}
                value={shown}
                onSelect={(date, info) => {
                  if (info.source !== (picker === 'date' ? 'date' : 'month')) return;
                  onChange?.(picker === 'date' ? dayText(date.format('YYYY-MM-DD')) : dayText(date.format('YYYY-MM')));
                  setOpen(false);
                }}
              />
            </div>
          }
        >
          <Button
            type="text"
            size="small"
            tabIndex={-1}
            icon={<CalendarOutlined />}
            aria-label={t('form.openCalendar')}
            className="date-input-calendar"
          />
        </Popover>
      }
    />
  );
});
