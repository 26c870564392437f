/**
 * The mapping step: a list's columns as the import read them, and for each one it could not name, the field to read
 * it as (or none). Chosen once per layout: the ledger remembers it when the file is imported.
 */
import { Alert, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ColumnMapping, type ImportedFile, type ImportLayout } from '../../../contract/imports';
import { chooseField, columnFieldText, importFieldLabel } from './columnMapping';
import { searchByLabel, tabMovesOn } from './pickers';

interface Props {
  file: ImportedFile;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

export function ColumnMappingPanel({ file, mapping, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const options = [
    { value: 'ignore', label: t('imports.mapping.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: importFieldLabel(f, en) })),
  ];
  const chosenFor = (header: string) => mapping.find((m) => m.header === header)?.field;
  const choose = (header: string, field: string | undefined) => onChange(chooseField(mapping, header, field));
  const layout = file.layout as ImportLayout;
  return (
    <div style={{ marginTop: 12 }} data-testid="column-mapping">
      <Alert
        type="warning"
        showIcon
        title={t('imports.mapping.title', { file: file.fileName, row: layout.headerRow })}
        description={t('imports.mapping.help')}
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
            render: (_: unknown, c: ImportLayout['columns'][number]) =>
              c.field !== null && c.from !== 'chosen' ? (
                <span>
                  {columnFieldText(c, en, t)}{' '}
                  {c.from === 'remembered' && (
                    <Typography.Text type="secondary">({t('imports.mapping.remembered')})</Typography.Text>
                  )}
                </span>
              ) : (
                <Select
                  allowClear
                  aria-label={`${t('imports.mapping.field')}: ${c.header}`}
                  placeholder={t('imports.mapping.choose')}
                  style={{ width: 280 }}
                  value={chosenFor(c.header)}
                  options={options}
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  onChange={(field: string | undefined) => choose(c.header, field)}
                />
              ),
          },
        ]}
      />
    </div>
  );
}
