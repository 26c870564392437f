/** Nhập Excel: the data-entry template for a district, and importing the files districts send, with a preview. */
import { Alert, App as AntApp, Button, Card, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../contract';
import { PlaceTreePicker } from '../components/pickers';
import { readAsBase64, saveFile } from '../download';
import { useBusyWork } from '../components/useBusyWork';
import { call, errorText, queryClient } from '../queries';
import { TEMPLATE_HEADERS_EN } from '../../../contract/labels';

export function Imports() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [placeId, setPlaceId] = useState<string | undefined>();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const { busy, run } = useBusyWork();

  async function template() {
    if (!placeId) return;
    try {
      const result = await call('imports.template', { placeId });
      saveFile(result.fileName, result.base64);
    } catch (error) {
      message.error(errorText(error, lang));
    }
  }

  const check = (chosen: File) =>
    run(async () => {
      setPreview(null);
      const input = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setFile(input);
      setPreview(await call('imports.preview', input));
    });

  const apply = () =>
    run(async () => {
      if (!file) return;
      const result = await call('imports.apply', file);
      if (result.errors.length) setPreview(result);
      else {
        message.success(t('imports.done', { added: result.added, skipped: result.skipped }));
        setPreview(null);
        setFile(null);
        await queryClient.invalidateQueries();
      }
    });

  return (
    <div className="screen narrow" data-testid="imports-screen">
      <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      <Card size="small" title={t('imports.templateTitle')} style={{ marginBottom: 12 }}>
        <Space>
          <PlaceTreePicker placeholder={t('imports.templatePlace')} style={{ width: 280 }} {...(placeId ? { value: placeId } : {})} onChange={setPlaceId} />
          <Button onClick={template} disabled={!placeId} data-testid="download-template">
            {t('imports.downloadTemplate')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('imports.fileTitle')}>
        <Upload.Dragger
          accept=".xlsx,.xls,.ods,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            void check(chosen);
            return false;
          }}
          data-testid="import-drop"
        >
          <p>{t('imports.drop')}</p>
          {file && <p className="muted">{file.fileName}</p>}
        </Upload.Dragger>
        {busy && <Spin tip={t('imports.checking')} style={{ margin: 16 }}><div style={{ height: 30 }} /></Spin>}
        {preview && preview.errors.length > 0 && (
          <>
            <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={t('imports.rejected', { count: preview.errors.length })} />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={preview.errors}
              data-testid="import-errors"
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('imports.column'),
                  dataIndex: 'column',
                  width: 200,
                  // The file's own header (Vietnamese), and in English what it means.
                  render: (column: string) => (lang === 'en' && TEMPLATE_HEADERS_EN[column] ? `${TEMPLATE_HEADERS_EN[column]} (${column})` : column),
                },
                { title: t('imports.message'), key: 'message', render: (_: unknown, issue: ImportResult['errors'][number]) => (lang === 'en' ? issue.messageEn : issue.message) },
              ]}
            />
          </>
        )}
        {preview && preview.errors.length === 0 && (
          <div style={{ marginTop: 12 }} data-testid="import-ready">
            <Alert type="success" showIcon title={t('imports.willAdd', { added: preview.added, skipped: preview.skipped })} />
            {preview.newDonors.length > 0 && <p className="muted">{t('imports.newDonors', { names: preview.newDonors.join(', ') })}</p>}
            {(preview.newItems?.length ?? 0) > 0 && <p className="muted" data-testid="import-new-items">{t('imports.newItems', { names: preview.newItems!.join('; ') })}</p>}
            <Button type="primary" onClick={apply} loading={busy} disabled={preview.added === 0} style={{ marginTop: 8 }} data-testid="import-apply">
              {t('imports.apply')}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
