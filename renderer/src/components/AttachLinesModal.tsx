/** Lines of no item, to put into an aid item: searched, of its donor unless every donor's are asked for, by keyboard. */
import { App as AntApp, Empty, Input, type InputRef, Modal, Space, Spin, Switch, Table, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidItem } from '../../../contract/items';
import { money, showDate } from '../format';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { attachableLines, attachLinesInput, chosenOffered, moveActive, toggleChosen } from './attachLines';
import { DIALOG_LAYOUT } from './dialog';

export function AttachLinesModal({ item, open, onClose }: { item: AidItem; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [everyDonor, setEveryDonor] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const searchBox = useRef<InputRef>(null);
  const lines = useLedger('pledges.list', attachLinesInput(item.donorId, everyDonor), { enabled: open });
  const offered = lines.data?.rows ?? [];
  const shown = useMemo(
    () => attachableLines(offered, search, everyDonor ? null : item.donorId),
    [offered, search, everyDonor, item.donorId],
  );
  const toAttach = chosenOffered(chosen, offered);
  const attach = useLedgerMutation('items.attach');

  // biome-ignore lint/correctness/useExhaustiveDependencies: each opening starts afresh, on the item's own donor
  useEffect(() => {
    setChosen([]);
    setSearch('');
    setEveryDonor(false);
    setActive(-1);
  }, [open]);
  // The active row follows the list as it narrows, and is kept in view.
  useEffect(() => setActive((a) => Math.min(a, shown.length - 1)), [shown.length]);
  useEffect(() => {
    const row = shown[active];
    if (row)
      document
        .querySelector(`[data-testid="attach-lines"] [data-row-key="${row.id}"]`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  async function save() {
    if (toAttach.length === 0 || attach.isPending) return;
    try {
      const { moved } = await attach.mutateAsync({ itemId: item.id, pledgeIds: toAttach });
      message.success(t('items.attachDone', { count: moved }));
      onClose();
    } catch (error) {
      message.error(errorText(error, lang));
    }
  }

  // Typing searches; the arrows move through the lines, Space checks the one reached (a space typed before any arrow
  // is part of the search), Enter attaches what is checked.
  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(moveActive(active, event.key === 'ArrowDown' ? 1 : -1, shown.length));
    } else if (event.key === ' ' && active >= 0 && shown[active]) {
      event.preventDefault();
      setChosen(toggleChosen(chosen, shown[active].id));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key.length === 1) setActive(-1);
  }

  return (
    <Modal
      open={open}
      width={900}
      title={t('items.attachTitle')}
      onCancel={onClose}
      okText={toAttach.length > 0 ? t('items.attachCount', { count: toAttach.length }) : t('items.attach')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: toAttach.length === 0, 'data-testid': 'attach-ok' } as never}
      confirmLoading={attach.isPending}
      onOk={save}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={(opened) => opened && searchBox.current?.focus()}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Input
            ref={searchBox}
            autoFocus
            style={{ width: 440 }}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setActive(-1);
            }}
            onKeyDown={onSearchKey}
            placeholder={t('items.attachSearch')}
            aria-label={t('items.attachSearch')}
            data-testid="attach-search"
          />
          <Space>
            <Switch size="small" checked={everyDonor} onChange={setEveryDonor} data-testid="attach-every-donor" />
            <span>{t('items.attachEveryDonor')}</span>
          </Space>
        </Space>
        <Typography.Text type="secondary">
          {everyDonor ? t('items.attachOfEveryDonor') : t('items.attachOfDonor', { donor: item.donorName })}
          {' · '}
          {t('items.attachKeys')}
        </Typography.Text>
        {lines.isLoading ? (
          <Spin />
        ) : offered.length === 0 ? (
          <Empty
            description={everyDonor ? t('items.attachNone') : t('items.attachNoneOfDonor', { donor: item.donorName })}
          />
        ) : (
          <Table
            rowKey="id"
            size="small"
            data-testid="attach-lines"
            pagination={false}
            scroll={{ y: 360 }}
            locale={{ emptyText: t('common.noMatch') }}
            onRow={(row, index) => ({
              'aria-current': index === active,
              'data-active': index === active ? 'true' : undefined,
              style: index === active ? { outline: '2px solid #1677ff', outlineOffset: -2 } : undefined,
              onClick: (event) => {
                // The checkbox checks its row itself.
                if ((event.target as HTMLElement).closest('.ant-table-selection-column')) return;
                setActive(index ?? -1);
                setChosen(toggleChosen(chosen, row.id));
                searchBox.current?.focus();
              },
            })}
            rowSelection={{
              selectedRowKeys: toAttach,
              preserveSelectedRowKeys: true,
              onChange: (keys) => setChosen(keys as string[]),
            }}
            dataSource={shown}
            columns={[
              {
                title: t('pledges.columns.pledgeDate'),
                dataIndex: 'pledgeDate',
                width: 100,
                render: (d: string) => showDate(d),
              },
              { title: t('pledges.columns.donor'), dataIndex: 'donorName' },
              { title: t('pledges.columns.description'), dataIndex: 'description' },
              { title: t('pledges.columns.place'), dataIndex: 'placeName' },
              {
                title: t('pledges.columns.vndEquivalent'),
                dataIndex: 'vndEquivalent',
                className: 'num',
                render: (v: number) => money(v, 'VND', lang),
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
