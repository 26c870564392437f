/**
 * Tổ chức PCPNN: the foreign NGOs, each with the certificate in force today (else its latest), the provinces and fields
 * it permits and its unconsidered warnings; searchable, each row opening the NGO (click, or Enter; ↑ ↓ move between
 * rows). The department's register imported from its workbooks, and exported as the register of a period.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NgoSummary } from '../../../contract';
import { NgoDetailDrawer } from '../components/NgoDetailDrawer';
import { NgoExportModal } from '../components/NgoExportModal';
import { NgoImportModal } from '../components/NgoImportModal';
import { certificateStanding } from '../components/ngoFacts';
import { showDate } from '../format';
import { itemVocabulary } from '../i18n';
import { errorText, useLedger } from '../queries';

export function Ngos() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [text, setText] = useState('');
  const ngos = useLedger('ngo.list', text.trim() ? { text } : {}, { keepPrevious: true });
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'import' | 'export' | null>(null);

  return (
    <div className="screen" data-testid="ngos-screen">
      <Typography.Title level={3}>{t('ngo.title')}</Typography.Title>
      <Space className="toolbar">
        <Input.Search
          allowClear
          placeholder={t('ngo.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 340 }}
          data-testid="ngo-search"
        />
        <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="ngo-import-open">
          {t('ngoIo.import')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => setDialog('export')} data-testid="ngo-export-open">
          {t('ngoIo.export')}
        </Button>
      </Space>
      {ngos.isError && (
        <Typography.Text type="danger">
          {t('common.loadFailed', { message: errorText(ngos.error, lang) })}
        </Typography.Text>
      )}
      <NgoTable ngos={ngos.data ?? []} loading={ngos.isLoading} onOpen={setOpenId} />
      {openId !== null && <NgoDetailDrawer donorId={openId} onClose={() => setOpenId(null)} />}
      {dialog === 'import' && <NgoImportModal onClose={() => setDialog(null)} />}
      {dialog === 'export' && <NgoExportModal onClose={() => setDialog(null)} />}
    </div>
  );
}

/** ↑ and ↓ move the cursor to the row above or below. */
function moveRow(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const row = event.currentTarget;
  const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
  if (next?.tabIndex === 0) {
    event.preventDefault();
    next.focus();
  }
}

function NgoTable({
  ngos,
  loading,
  onOpen,
}: {
  ngos: NgoSummary[];
  loading: boolean;
  onOpen: (donorId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  return (
    <Table
      rowKey="donorId"
      size="small"
      data-testid="ngo-table"
      loading={loading}
      dataSource={ngos}
      locale={{ emptyText: t('ngo.noNgos') }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={(ngo: NgoSummary) =>
        ({
          onClick: () => onOpen(ngo.donorId),
          onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
            if (e.key === 'Enter') onOpen(ngo.donorId);
            else moveRow(e);
          },
          tabIndex: 0,
          'data-testid': 'ngo-row',
        }) as never
      }
      columns={[
        {
          title: t('ngo.name'),
          dataIndex: 'name',
          width: 230,
          render: (name: string, ngo: NgoSummary) => (
            <span className="cell-wrap">
              {name}
              {ngo.shortName && <span className="muted"> ({ngo.shortName})</span>}
            </span>
          ),
        },
        { title: t('ngo.country'), dataIndex: 'country', width: 110 },
        {
          title: `${t('ngo.number')} / ${t('ngo.kind')}`,
          key: 'number',
          width: 190,
          render: (_, ngo: NgoSummary) =>
            ngo.certificate ? (
              <span>
                {ngo.certificate.number}
                <div className="muted">{t(`ngo.kinds.${ngo.certificate.kind}`)}</div>
              </span>
            ) : (
              <span className="muted">{t('ngo.none')}</span>
            ),
        },
        {
          title: t('ngo.validUntil'),
          key: 'validUntil',
          width: 105,
          render: (_, ngo: NgoSummary) => showDate(ngo.certificate?.validUntil),
        },
        {
          title: t('ngo.status'),
          key: 'status',
          width: 120,
          render: (_, ngo: NgoSummary) => {
            if (!ngo.certificate) return null;
            const standing = certificateStanding(ngo.certificate, t);
            return (
              <Tag color={standing.color} data-testid="ngo-status">
                {standing.text}
              </Tag>
            );
          },
        },
        {
          title: t('ngo.provinces'),
          key: 'provinces',
          render: (_, ngo: NgoSummary) => (
            <span className="cell-wrap">{ngo.certificate?.provinceNames.join(', ')}</span>
          ),
        },
        {
          title: t('ngo.fields'),
          key: 'fields',
          render: (_, ngo: NgoSummary) => (
            <span className="cell-wrap">{ngo.certificate?.fields.map(words.sectorName).join(', ')}</span>
          ),
        },
        {
          title: t('ngo.warnings'),
          dataIndex: 'warningCount',
          width: 80,
          className: 'num',
          render: (count: number) =>
            count > 0 ? (
              <Tag color="orange" data-testid="ngo-warning-count">
                {count}
              </Tag>
            ) : (
              <span className="muted">0</span>
            ),
        },
      ]}
    />
  );
}
