/** Địa bàn: the administrative tree with validity periods and the old → new mapping of the 2025 reform. */
import { Button, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography, Alert } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_LEVELS, type Place, type PlaceLevel } from '../../../contract';
import { dateRule, DateInput } from '../components/DateInput';
import { DIALOG_LAYOUT } from '../components/dialog';
import { PlacePicker, searchByLabel, tabMovesOn, usePlaces } from '../components/pickers';
import { showDate } from '../format';
import { vocabulary } from '../i18n';
import { placeTree } from '../places';
import { showSaveError, useLedgerMutation } from '../queries';
import { focusFirstField } from '../components/focus';
import { useFormSubmit } from '../components/formSubmit';
import {
  foundPlaces,
  initialPlaceValues,
  placeInput,
  placeNames,
  type PlaceFormValues as Values,
  type PlaceRow as Row,
  placeRows,
  successorOptions as successorsOf,
  UNIT_TYPES,
} from './placeList';

/** Create or edit a unit: its name and type, level, parent, code, the period it is valid and what succeeded it. */
function PlaceFormModal({ open, place, onClose }: { open: boolean; place?: Place | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('places.create');
  const update = useLedgerMutation('places.update');
  const places = usePlaces();
  const [formError, setFormError] = useState<string | null>(null);
  const successorOptions = useMemo(() => successorsOf(places.data ?? [], place?.id), [places.data, place]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    form.setFieldsValue(initialPlaceValues(place));
  }, [open, place, form]);

  async function save(values: Values) {
    const input = placeInput(values);
    try {
      if (place) await update.mutateAsync({ id: place.id, ...input });
      else await create.mutateAsync(input);
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, Object.keys(input), setFormError);
    }
  }

  return (
    <Modal
      open={open}
      title={place ? t('places.editTitle') : t('places.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'name')}
    >
      <Form form={form} layout="vertical" {...submit} name="place">
        {formError && <Alert type="error" showIcon title={formError} role="alert" />}
        <PlaceFields successorOptions={successorOptions} />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

export function Places() {
  const { t } = useTranslation();
  const places = usePlaces();
  const [editing, setEditing] = useState<{ place?: Place } | null>(null);
  const [search, setSearch] = useState('');
  const tree = useMemo(() => placeRows(placeTree(places.data ?? [])), [places.data]);
  const names = useMemo(() => placeNames(places.data ?? []), [places.data]);
  const provinces = useMemo(() => tree.map((r) => r.id), [tree]);
  // A search lists the matching units, each with what it belongs to, instead of the tree.
  const found = useMemo(() => foundPlaces(search, places.data ?? [], names), [search, places.data, names]);

  return (
    <div className="screen" data-testid="places-screen">
      <Typography.Title level={3}>{t('places.title')}</Typography.Title>
      <Space className="toolbar">
        <Button type="primary" onClick={() => setEditing({})}>
          {t('places.add')}
        </Button>
        <Input.Search
          allowClear
          placeholder={t('places.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 320 }}
          data-testid="places-search"
        />
        <Typography.Text type="secondary">
          {t('places.count', { count: found ? found.length : (places.data ?? []).length })}
        </Typography.Text>
      </Space>
      <PlacesTable
        rows={found ?? tree}
        provinces={provinces}
        names={names}
        loading={places.isLoading}
        onEdit={(place) => setEditing({ place })}
      />
      <PlaceFormModal open={editing !== null} place={editing?.place} onClose={() => setEditing(null)} />
    </div>
  );
}

/** The unit's fields, in the order of its decision: name, type, level, parent, code, validity and successors. */
function PlaceFields({ successorOptions }: { successorOptions: { value: string; title: string }[] }) {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  return (
    <>
      <Form.Item
        name="name"
        label={t('places.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="unitType" label={t('places.unitType')}>
        <Select
          allowClear
          showSearch={searchByLabel}
          onKeyDown={tabMovesOn}
          notFoundContent={t('common.noMatch')}
          options={UNIT_TYPES.map((type) => ({ value: type, label: type }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t('places.level')} rules={[{ required: true }]}>
        <Select
          showSearch={searchByLabel}
          onKeyDown={tabMovesOn}
          notFoundContent={t('common.noMatch')}
          options={PLACE_LEVELS.map((l) => ({ value: l, label: words.placeLevel[l] }))}
        />
      </Form.Item>
      <Form.Item name="parentId" label={t('places.parent')}>
        <PlacePicker allowClear />
      </Form.Item>
      <Form.Item name="code" label={t('places.code')}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item
          name="validFrom"
          label={t('places.validFrom')}
          rules={[dateRule(t, false)]}
          validateTrigger={['onBlur', 'onChange']}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('places.validTo')}
          rules={[dateRule(t, false)]}
          validateTrigger={['onBlur', 'onChange']}
        >
          <DateInput />
        </Form.Item>
      </Space>
      <Form.Item name="successorIds" label={t('places.successors')}>
        <TreeSelect multiple treeData={successorOptions} showSearch={{ treeNodeFilterProp: 'title' }} allowClear />
      </Form.Item>
    </>
  );
}

/** The units: the tree (or a search's matches), former units marked, each with its successors, to edit. */
function PlacesTable({
  rows,
  provinces,
  names,
  loading,
  onEdit,
}: {
  rows: Row[];
  provinces: string[];
  names: Map<string, string>;
  loading: boolean;
  onEdit: (place: Row) => void;
}) {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  // Opened at first: the provinces, so today's communes and the former districts show; a national ledger stays short.
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      virtual
      scroll={{ y: Math.max(300, window.innerHeight - 260) }}
      expandable={{ expandedRowKeys: expanded ?? provinces, onExpandedRowsChange: setExpanded }}
      rowClassName={(place: Row) => (place.validTo ? 'former-unit' : '')}
      columns={[
        { title: t('places.name'), dataIndex: 'displayName', width: 320 },
        { title: t('places.level'), dataIndex: 'level', width: 110, render: (l: PlaceLevel) => words.placeLevel[l] },
        { title: t('places.code'), dataIndex: 'code', width: 80 },
        {
          title: t('places.validFrom'),
          dataIndex: 'validFrom',
          width: 110,
          render: (d: string | null) => showDate(d),
        },
        { title: t('places.validTo'), dataIndex: 'validTo', width: 110, render: (d: string | null) => showDate(d) },
        {
          title: t('places.successors'),
          dataIndex: 'successorIds',
          render: (ids: string[]) => ids.map((id) => <Tag key={id}>→ {names.get(id)}</Tag>),
        },
        {
          title: t('common.actions'),
          width: 90,
          render: (_, place: Row) => (
            <Button size="small" type="link" onClick={() => onEdit(place)}>
              {t('common.edit')}
            </Button>
          ),
        },
      ]}
    />
  );
}
