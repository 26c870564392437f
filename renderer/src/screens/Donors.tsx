/**
 * Nhà tài trợ: list, accent-insensitive search, create, edit, merge a donor recorded twice into the other,
 * delete (confirmed; refused while pledges refer to it).
 */
import { App as AntApp, Button, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor } from '../../../contract';
import { DonorFormModal } from '../components/DonorFormModal';
import { DonorMergeModal } from '../components/DonorMergeModal';
import { useSearchTarget } from '../components/searchTarget';
import { vocabulary } from '../i18n';
import { errorText, useLedger, useLedgerMutation } from '../queries';

export function Donors() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const donors = useLedger('donors.list', text.trim() ? { text } : {}, { keepPrevious: true });
  const [editing, setEditing] = useState<{ donor?: Donor } | null>(null);
  const [merging, setMerging] = useState<Donor | null>(null);
  // A donor opened from the search: the list narrowed to its name, its row marked.
  const [foundId, setFoundId] = useState<string | null>(null);
  useSearchTarget('donor', (donor) => {
    setText(donor.name);
    setFoundId(donor.id);
  });

  return (
    <div className="screen" data-testid="donors-screen">
      <Typography.Title level={3}>{t('donors.title')}</Typography.Title>
      <Space className="toolbar">
        <Input.Search
          allowClear
          placeholder={t('common.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 300 }}
        />
        <Button type="primary" onClick={() => setEditing({})}>
          {t('donors.add')}
        </Button>
      </Space>
      {donors.isError && (
        <Typography.Text type="danger">
          {t('common.loadFailed', { message: errorText(donors.error, lang) })}
        </Typography.Text>
      )}
      <DonorsTable
        donors={donors.data ?? []}
        loading={donors.isLoading}
        foundId={foundId}
        onEdit={(donor) => setEditing({ donor })}
        onMerge={setMerging}
      />
      <DonorFormModal open={editing !== null} donor={editing?.donor} onClose={() => setEditing(null)} />
      <DonorMergeModal
        donor={merging}
        onClose={() => setMerging(null)}
        onMerged={(into) => message.success(t('donorMerge.done', { name: into.name }))}
      />
    </div>
  );
}

/** The donors, each with its other names and pledge count, to edit, merge into another, or delete (once confirmed). */
function DonorsTable({
  donors,
  loading,
  foundId,
  onEdit,
  onMerge,
}: {
  donors: Donor[];
  loading: boolean;
  foundId: string | null;
  onEdit: (donor: Donor) => void;
  onMerge: (donor: Donor) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  const { message } = AntApp.useApp();
  const remove = useLedgerMutation('donors.delete');
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={donors}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={(donor: Donor) =>
        ({
          'data-found': donor.id === foundId ? 'true' : undefined,
          style: donor.id === foundId ? { outline: '2px solid #1d4ed8', outlineOffset: -2 } : undefined,
        }) as never
      }
      columns={[
        { title: t('donorForm.name'), dataIndex: 'name' },
        {
          title: t('donors.aliases'),
          dataIndex: 'aliases',
          render: (aliases: string[]) => (
            <span className="muted" data-testid="donor-aliases">
              {aliases.join('; ')}
            </span>
          ),
        },
        { title: t('donorForm.shortName'), dataIndex: 'shortName' },
        { title: t('donorForm.country'), dataIndex: 'country' },
        { title: t('donorForm.kind'), dataIndex: 'kind', render: (k: Donor['kind']) => words.donorKind[k] },
        { title: t('donors.pledgeCount'), dataIndex: 'pledgeCount', className: 'num' },
        {
          title: t('common.actions'),
          render: (_, donor: Donor) => (
            <Space size="small">
              <Button size="small" type="link" onClick={() => onEdit(donor)}>
                {t('common.edit')}
              </Button>
              <Button size="small" type="link" onClick={() => onMerge(donor)} data-testid="donor-merge">
                {t('donors.merge')}
              </Button>
              <Popconfirm
                title={t('common.confirmDelete')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync({ id: donor.id });
                    message.success(t('common.deleted'));
                  } catch (error) {
                    message.error(errorText(error, lang));
                  }
                }}
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
