/**
 * The mapping step: a list's columns as the import read them, and for each one the field to read it as (or none) —
 * asked of the columns it could not name, and open to change for those it named itself. Chosen once per layout: the
 * ledger remembers it when the file is imported.
 */
import { Alert, Button, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ColumnMapping, type ImportedFile, type ImportLayout } from '../../../contract/imports';
import { chooseField, columnFieldText, couldText, importFieldLabel, needsMapping, shownField } from './columnMapping';
import { searchByLabel, tabMovesOn } from './pickers';

interface Props {
  file: ImportedFile;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** A file's columns to map: open when some need it, else behind a button that opens them for a change. */
export function ColumnMappingPanel({ file, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!needsMapping(file) && !opened)
    return (
      <div style={{ marginTop: 8 }}>
        <Button size="small" data-testid="column-remap" onClick={() => setOpened(true)}>
          {t('imports.remap.open', { file: file.fileName })}
        </Button>
      </div>
    );
  return <MappingTable file={file} mapping={mapping} onChange={onChange} />;
}

function MappingTable({ file, mapping, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const options = [
    { value: 'ignore', label: t('imports.mapping.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: importFieldLabel(f, en) })),
  ];
  const choose = (header: string, field: string | undefined) => onChange(chooseField(mapping, header, field));
  const layout = file.layout as ImportLayout;
  return (
    <div style={{ marginTop: 12 }} data-testid="column-mapping">
      <Alert
        type={needsMapping(file) ? 'warning' : 'info'}
        showIcon
        title={t('imports.mapping.title', { file: file.fileName, row: layout.headerRow })}
        description={t(needsMapping(file) ? 'imports.mapping.help' : 'imports.remap.help')}
      />
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={layout.columns}
        columns={[
          { title: t('imports.mapping.header'), dataIndex: 'header', width: 200 },
          {
            title: t('imports.mapping.samples'),
            dataIndex: 'samples',
            render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text>,
          },
          {
            title: t('imports.mapping.field'),
            width: 300,
            render: (_: unknown, c: ImportLayout['columns'][number]) => (
              <>
                <Select
                  allowClear={c.from === 'chosen'}
                  aria-label={`${t('imports.mapping.field')}: ${c.header}`}
                  placeholder={columnFieldText(c, en, t) ?? t('imports.mapping.choose')}
                  style={{ width: 280 }}
                  value={shownField(c, mapping)}
                  options={options}
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  onChange={(field: string | undefined) => choose(c.header, field)}
                />
                {c.from === 'remembered' && (
                  <Typography.Text type="secondary"> ({t('imports.mapping.remembered')})</Typography.Text>
                )}
                {c.field === null && c.could?.length ? (
                  <div>
                    <Typography.Text type="secondary">
                      {t('imports.remap.could', { fields: couldText(c.could, en) })}
                    </Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
