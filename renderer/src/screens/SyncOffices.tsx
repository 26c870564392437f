/**
 * Đơn vị (Offices), on the Đồng bộ screen: this office's card and its code, another office's card accepted with the
 * code it reads aloud over the phone, and the offices this ledger knows (bundles are merged only from them).
 */
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../contract';
import { PlacePicker } from '../components/pickers';
import { useBusyWork } from '../components/useBusyWork';
import { saveFile } from '../download';
import { showDateTime } from '../format';
import { call, errorText, refreshAfter, showSaveError, useLedger } from '../queries';
import { type CardPreview, previewCard, proposedPlace, textAsBase64 } from './officeCards';

export function OfficesPanel() {
  const { t } = useTranslation();
  return (
    <div data-testid="offices">
      <Typography.Title level={5} className="section-title">
        {t('offices.title')}
      </Typography.Title>
      <p className="muted">{t('offices.hint')}</p>
      <Row gutter={12}>
        <Col span={10}>
          <OwnCard />
        </Col>
        <Col span={14}>
          <AcceptCard />
        </Col>
      </Row>
      <OfficesTable />
    </div>
  );
}

/** This office's card: its code, read aloud to the other office, and the file to send it. */
function OwnCard() {
  const { t } = useTranslation();
  const card = useLedger('offices.card', {});
  const { busy, run } = useBusyWork();
  const download = () =>
    run(async () => {
      const fresh = await call('offices.card', {});
      saveFile(fresh.fileName, textAsBase64(fresh.text));
    });
  return (
    <Card size="small" title={t('offices.ownTitle')}>
      <p className="muted">{t('offices.ownHint')}</p>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('offices.name')}>{card.data?.name}</Descriptions.Item>
        <Descriptions.Item label={t('offices.role')}>
          {card.data && t(`offices.roles.${card.data.role}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('offices.place')}>{card.data?.placeName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('offices.code')}>
          <Typography.Text strong code data-testid="own-office-code">
            {card.data?.code}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Button onClick={download} loading={busy} data-testid="office-card-download">
        {t('offices.download')}
      </Button>
    </Card>
  );
}

interface AcceptValues {
  officeCode?: string;
  role?: Office['role'];
  placeId?: string;
}

/** Another office's card: chosen, shown (name, role, place), its code typed as read aloud, accepted. */
function AcceptCard() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AcceptValues>();
  const [preview, setPreview] = useState<CardPreview | null>(null);
  const role = Form.useWatch('role', form);
  const { busy, run } = useBusyWork();

  const choose = async (file: File) => {
    const read = previewCard(await file.text());
    setPreview(read);
    if (!read) {
      message.error(t('offices.notACard'));
      return;
    }
    form.setFieldsValue({ officeCode: '', role: read.role, placeId: proposedPlace(read, read.role) });
  };

  const accept = (values: AcceptValues) =>
    run(async () => {
      if (!preview) return;
      try {
        const office = await call('offices.accept', {
          card: preview.text,
          officeCode: values.officeCode ?? '',
          role: values.role ?? preview.role,
          ...(values.role === 'district' ? { placeId: values.placeId ?? null } : {}),
        });
        message.success(t('offices.accepted', { name: office.name }));
        setPreview(null);
        form.resetFields();
        await refreshAfter('offices.accept');
      } catch (error) {
        showSaveError(form, error, i18n.language, ['officeCode', 'placeId', 'role'], (text) => message.error(text));
      }
    });

  return (
    <Card size="small" title={t('offices.acceptTitle')}>
      <div data-testid="office-card-drop">
        <Upload.Dragger
          accept=".aidoffice"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void choose(file);
            return false;
          }}
        >
          <p>{t('offices.drop')}</p>
        </Upload.Dragger>
      </div>
      {preview && (
        <div style={{ marginTop: 8 }} data-testid="office-card-preview">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('offices.name')}>{preview.name}</Descriptions.Item>
            <Descriptions.Item label={t('offices.role')}>{t(`offices.roles.${preview.role}`)}</Descriptions.Item>
            <Descriptions.Item label={t('offices.proposedPlace')}>
              {preview.placeName ?? t('common.none')}
            </Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" name="officeAccept" onFinish={(v) => void accept(v)}>
            <Form.Item
              name="officeCode"
              label={t('offices.codeLabel')}
              extra={t('offices.codeHint', { name: preview.name })}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input autoComplete="off" placeholder="XXXX-XXXX-XXXX" data-testid="office-code-input" />
            </Form.Item>
            <Form.Item name="role" label={t('offices.role')}>
              <Select
                options={(['province', 'district'] as const).map((r) => ({ value: r, label: t(`offices.roles.${r}`) }))}
                onChange={(next: Office['role']) => form.setFieldsValue({ placeId: proposedPlace(preview, next) })}
              />
            </Form.Item>
            {role === 'district' && (
              <Form.Item
                name="placeId"
                label={t('offices.place')}
                extra={t('offices.placeHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <PlacePicker />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="office-accept">
              {t('offices.accept')}
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}

/** The offices this ledger knows, with their codes; an office can be revoked (its bundles are then refused). */
function OfficesTable() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const offices = useLedger('offices.list', {});
  const revoke = async (office: Office) => {
    try {
      await call('offices.revoke', { siteId: office.siteId });
      message.success(t('offices.revokedDone', { name: office.name }));
      await refreshAfter('offices.revoke');
    } catch (error) {
      message.error(errorText(error, i18n.language));
    }
  };
  return (
    <Table
      size="small"
      rowKey="siteId"
      pagination={false}
      style={{ marginTop: 12 }}
      dataSource={offices.data ?? []}
      data-testid="office-list"
      locale={{ emptyText: <Empty description={t('offices.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      columns={[
        { title: t('offices.name'), dataIndex: 'name' },
        { title: t('offices.role'), dataIndex: 'role', render: (r: Office['role']) => t(`offices.roles.${r}`) },
        { title: t('offices.place'), dataIndex: 'placeName', render: (p: string | null) => p ?? t('common.none') },
        {
          title: t('offices.code'),
          dataIndex: 'code',
          render: (code: string | null) =>
            code ? <Typography.Text code>{code}</Typography.Text> : <Tag>{t('offices.legacy')}</Tag>,
        },
        {
          title: t('offices.acceptedAt'),
          dataIndex: 'acceptedAt',
          render: (at: string, o: Office) => `${showDateTime(at)}${o.acceptedBy ? ` · ${o.acceptedBy}` : ''}`,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, o: Office) =>
            o.revokedAt ? (
              <Tag color="red">{t('offices.revokedAt', { at: showDateTime(o.revokedAt) })}</Tag>
            ) : (
              <Space>
                <Popconfirm
                  title={t('offices.revokeConfirm', { name: o.name })}
                  okText={t('offices.revoke')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(o)}
                >
                  <Button size="small" danger data-testid="office-revoke">
                    {t('offices.revoke')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
