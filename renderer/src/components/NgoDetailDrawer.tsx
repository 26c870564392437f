/**
 * A foreign NGO: its profile (home country and registration, office, head), its certificates over time, contact
 * persons, activity plans and yearly reports received (on time or late, as the ledger judges), its warnings and the
 * history of every change, in words.
 */
import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityPlan, Certificate, NgoContact, NgoDetail, YearReport } from '../../../contract';
import { showDate } from '../format';
import { itemVocabulary } from '../i18n';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { CertificateFormModal, CertificateStatusModal } from './CertificateFormModal';
import { HistoryList } from './HistoryList';
import { ContactModal, PlanModal, ProfileModal, YearReportModal } from './NgoForms';
import { WarningList } from './NgoWarnings';
import { certificateStanding } from './ngoFacts';

type Dialog =
  | { kind: 'profile' }
  | { kind: 'certificate'; certificate?: Certificate }
  | { kind: 'contact'; contact?: NgoContact }
  | { kind: 'plan' }
  | { kind: 'report' };

export function NgoDetailDrawer({ donorId, onClose }: { donorId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const detail = useLedger('ngo.get', { id: donorId });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [statusOf, setStatusOf] = useState<Certificate | null>(null);
  const ngo = detail.data;
  const close = () => setDialog(null);

  return (
    <Drawer
      open
      onClose={onClose}
      size={960}
      title={ngo?.summary.name ?? t('ngo.detailTitle')}
      data-testid="ngo-detail"
      destroyOnHidden
    >
      {!ngo ? (
        detail.isError ? (
          <Typography.Text type="danger">{errorText(detail.error, lang)}</Typography.Text>
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Button type="primary" onClick={() => setDialog({ kind: 'certificate' })} data-testid="certificate-add">
              {t('ngo.addCertificate')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'profile' })} data-testid="ngo-profile-edit">
              {t('ngo.editProfile')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'contact' })} data-testid="contact-add">
              {t('ngo.addContact')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'plan' })} data-testid="plan-add">
              {t('ngo.addPlan')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'report' })} data-testid="report-add">
              {t('ngo.addReport')}
            </Button>
          </Space>
          <ProfileFacts ngo={ngo} />
          <Section title={t('ngo.certificates')}>
            <CertificatesTable
              certificates={ngo.certificates}
              onEdit={(certificate) => setDialog({ kind: 'certificate', certificate })}
              onStatus={setStatusOf}
            />
          </Section>
          <Section title={t('ngo.contacts')}>
            <ContactsTable contacts={ngo.contacts} onEdit={(contact) => setDialog({ kind: 'contact', contact })} />
          </Section>
          <Section title={t('ngo.plans')}>
            <PlansTable plans={ngo.plans} certificates={ngo.certificates} />
          </Section>
          <Section title={t('ngo.reports')}>
            <ReportsTable reports={ngo.reports} />
          </Section>
          {ngo.warnings.length > 0 && (
            <Section title={t('ngo.warnings')}>
              <WarningList warnings={ngo.warnings} testId="ngo-detail-warnings" />
            </Section>
          )}
          <Section title={t('ngo.history')}>
            <HistoryList history={ngo.history} currency="VND" />
          </Section>
          <ProfileModal open={dialog?.kind === 'profile'} donorId={donorId} profile={ngo.profile} onClose={close} />
          <CertificateFormModal
            open={dialog?.kind === 'certificate'}
            donorId={donorId}
            certificate={dialog?.kind === 'certificate' ? dialog.certificate : undefined}
            onClose={close}
          />
          <CertificateStatusModal certificate={statusOf} onClose={() => setStatusOf(null)} />
          <ContactModal
            open={dialog?.kind === 'contact'}
            donorId={donorId}
            contact={dialog?.kind === 'contact' ? dialog.contact : undefined}
            onClose={close}
          />
          <PlanModal open={dialog?.kind === 'plan'} donorId={donorId} certificates={ngo.certificates} onClose={close} />
          <YearReportModal open={dialog?.kind === 'report'} donorId={donorId} onClose={close} />
        </>
      )}
    </Drawer>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

/** Home country and registration, office and head. */
function ProfileFacts({ ngo }: { ngo: NgoDetail }) {
  const { t } = useTranslation();
  const p = ngo.profile;
  const dash = (v: string | null) => v ?? '—';
  return (
    <Descriptions size="small" bordered column={2} data-testid="ngo-profile">
      <Descriptions.Item label={t('ngo.homeCountry')}>{dash(p.homeCountry ?? ngo.summary.country)}</Descriptions.Item>
      <Descriptions.Item label={t('ngo.headName')}>{dash(p.headName)}</Descriptions.Item>
      <Descriptions.Item label={t('ngo.homeRegistration')}>{dash(p.homeRegistration)}</Descriptions.Item>
      <Descriptions.Item label={t('ngo.homeRegistrationUntil')}>
        {p.homeRegistrationUntil ? showDate(p.homeRegistrationUntil) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('ngo.officeAddress')} span={2}>
        {dash(p.officeAddress)}
      </Descriptions.Item>
      {p.notes && (
        <Descriptions.Item label={t('ngo.notes')} span={2}>
          {p.notes}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Asks why before deleting a certificate: the reason goes into the history. */
function DeleteCertificateButton({ certificate }: { certificate: Certificate }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const remove = useLedgerMutation('ngo.deleteCertificate');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = async () => {
    try {
      await remove.mutateAsync({ id: certificate.id, reason: reason.trim() });
      setOpen(false);
      message.success(t('common.deleted'));
    } catch (error) {
      message.error(errorText(error, i18n.language));
    }
  };
  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)}>
        {t('common.delete')}
      </Button>
      <Modal
        open={open}
        title={`${t('ngo.deleteCertificate')} ${certificate.number}`}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText={t('common.cancel')}
        confirmLoading={remove.isPending}
        onOk={confirm}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          placeholder={t('ngo.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={() => reason.trim() && void confirm()}
        />
      </Modal>
    </>
  );
}

function CertificatesTable({
  certificates,
  onEdit,
  onStatus,
}: {
  certificates: Certificate[];
  onEdit: (certificate: Certificate) => void;
  onStatus: (certificate: Certificate) => void;
}) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={certificates}
      data-testid="ngo-certificates"
      onRow={() => ({ 'data-testid': 'certificate-row' }) as never}
      columns={[
        {
          title: t('ngo.number'),
          dataIndex: 'number',
          render: (n: string, c: Certificate) => (
            <span>
              <strong>{n}</strong>
              <div className="muted">{t(`ngo.kinds.${c.kind}`)}</div>
              <div className="muted">{c.issuedBy}</div>
            </span>
          ),
        },
        {
          title: `${t('ngo.issuedOn')} – ${t('ngo.validUntil')}`,
          key: 'dates',
          width: 170,
          render: (_, c: Certificate) => `${showDate(c.issuedOn)} – ${showDate(c.validUntil)}`,
        },
        {
          title: t('ngo.status'),
          key: 'status',
          width: 150,
          render: (_, c: Certificate) => {
            const standing = certificateStanding(c, t);
            return (
              <span>
                <Tag color={standing.color} data-testid="certificate-status">
                  {standing.text}
                </Tag>
                {c.decisionNumber && (
                  <div className="muted">
                    {c.decisionNumber}
                    {c.decisionDate ? ` (${showDate(c.decisionDate)})` : ''}
                  </div>
                )}
              </span>
            );
          },
        },
        {
          title: t('ngo.provinces'),
          key: 'provinces',
          render: (_, c: Certificate) => (
            <span data-testid="certificate-provinces-text">{c.provinceNames.join(', ')}</span>
          ),
        },
        {
          title: t('ngo.fields'),
          key: 'fields',
          render: (_, c: Certificate) => (
            <span data-testid="certificate-fields-text">{c.fields.map(words.sectorName).join(', ')}</span>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 120,
          render: (_, c: Certificate) => (
            <Space direction="vertical" size={0}>
              <Button size="small" type="link" onClick={() => onEdit(c)} data-testid="certificate-edit">
                {t('common.edit')}
              </Button>
              <Button size="small" type="link" onClick={() => onStatus(c)} data-testid="certificate-status-change">
                {t('ngo.status')}…
              </Button>
              <DeleteCertificateButton certificate={c} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** A delete button that asks first, for the rows that need no reason (contacts, plans, reports). */
function DeleteRow({ onDelete }: { onDelete: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Popconfirm
      title={t('common.confirmDelete')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => onDelete().catch((error) => message.error(errorText(error, i18n.language)))}
    >
      <Button size="small" type="link" danger>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

function ContactsTable({ contacts, onEdit }: { contacts: NgoContact[]; onEdit: (contact: NgoContact) => void }) {
  const { t } = useTranslation();
  const remove = useLedgerMutation('ngo.deleteContact');
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={contacts}
      data-testid="ngo-contacts"
      columns={[
        { title: t('ngo.contactName'), dataIndex: 'name' },
        { title: t('ngo.role'), dataIndex: 'role' },
        { title: t('ngo.phone'), dataIndex: 'phone' },
        { title: t('ngo.email'), dataIndex: 'email' },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 130,
          render: (_, c: NgoContact) => (
            <Space size={0}>
              <Button size="small" type="link" onClick={() => onEdit(c)}>
                {t('common.edit')}
              </Button>
              <DeleteRow onDelete={() => remove.mutateAsync({ id: c.id })} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** On time or late, as the ledger judged it; nothing when it could not (no certificate named). */
function TimelinessTag({ onTime }: { onTime: boolean | null }) {
  const { t } = useTranslation();
  if (onTime === null) return <span className="muted">{t('ngo.noCertificateLinked')}</span>;
  return (
    <Tag color={onTime ? 'green' : 'red'} data-testid="ngo-timeliness">
      {onTime ? t('ngo.onTime') : t('ngo.late')}
    </Tag>
  );
}

function PlansTable({ plans, certificates }: { plans: ActivityPlan[]; certificates: Certificate[] }) {
  const { t } = useTranslation();
  const remove = useLedgerMutation('ngo.deletePlan');
  const numberOf = new Map(certificates.map((c) => [c.id, c.number]));
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={plans}
      data-testid="ngo-plans"
      columns={[
        { title: t('ngo.receivedOn'), dataIndex: 'receivedOn', width: 100, render: (d: string) => showDate(d) },
        {
          title: t('ngo.forCertificate'),
          dataIndex: 'certificateId',
          width: 130,
          render: (id: string | null) => (id ? (numberOf.get(id) ?? '—') : '—'),
        },
        {
          title: t('ngo.period'),
          key: 'period',
          width: 170,
          render: (_, p: ActivityPlan) =>
            p.periodFrom || p.periodTo ? `${showDate(p.periodFrom)} – ${showDate(p.periodTo)}` : '—',
        },
        { title: t('ngo.places'), dataIndex: 'placeNames', render: (names: string[]) => names.join(', ') },
        { title: t('ngo.summary'), dataIndex: 'summary' },
        {
          title: t('ngo.status'),
          dataIndex: 'onTime',
          width: 110,
          render: (onTime: boolean | null) => <TimelinessTag onTime={onTime} />,
        },
        {
          title: '',
          key: 'actions',
          width: 70,
          render: (_, p: ActivityPlan) => <DeleteRow onDelete={() => remove.mutateAsync({ id: p.id })} />,
        },
      ]}
    />
  );
}

function ReportsTable({ reports }: { reports: YearReport[] }) {
  const { t } = useTranslation();
  const remove = useLedgerMutation('ngo.deleteYearReport');
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={reports}
      data-testid="ngo-reports"
      columns={[
        { title: t('ngo.year'), dataIndex: 'year', width: 80 },
        { title: t('ngo.receivedOn'), dataIndex: 'receivedOn', width: 110, render: (d: string) => showDate(d) },
        {
          title: t('ngo.status'),
          dataIndex: 'onTime',
          width: 110,
          render: (onTime: boolean) => <TimelinessTag onTime={onTime} />,
        },
        { title: t('ngo.notes'), dataIndex: 'notes' },
        {
          title: '',
          key: 'actions',
          width: 70,
          render: (_, r: YearReport) => <DeleteRow onDelete={() => remove.mutateAsync({ id: r.id })} />,
        },
      ]}
    />
  );
}
