/**
 * Asked once, at the first start of a new ledger: which province the office serves. The ledger then holds that
 * province's official units, current and former (or the whole country's); nothing else can be recorded before.
 * The choice cannot be undone, so it is asked again in words before it is made, with "Chọn lại" in focus: Enter
 * after Enter never commits it. The language can be switched here, before anything else.
 */
import { Alert, Button, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import { confirmationText, provinceMatches, provinceOptions } from './provinceChoice';
import { tabMovesOn } from './pickers';

interface Values {
  province: string;
}

/**
 * Whether the ledger still asks for its province: it holds no unit yet (choosing one puts its units in). Told by the
 * ledger's counts, not by `places.setup`, which counts the units of all 34 provinces for the choice: that is read only
 * while the choice is shown.
 */
export function useNeedsProvince(): boolean | undefined {
  const info = useLedger('app.info', {});
  return info.data ? info.data.counts.places === 0 : undefined;
}

/** `onSwitchLanguage`: the app's language switch, which the dialog would otherwise hide. */
export function ProvinceModal({ onSwitchLanguage }: { onSwitchLanguage: () => void }) {
  const { t, i18n } = useTranslation();
  const setup = useLedger('places.setup', {});
  const choose = useLedgerMutation('places.choose');
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, ask);
  const [error, setError] = useState<string | null>(null);
  /** The province chosen, waiting for its confirmation. */
  const [asking, setAsking] = useState<string | null>(null);
  const open = Boolean(setup.data && !setup.data.province && !setup.data.hasPlaces);

  const options = useMemo(() => provinceOptions(setup.data?.provinces ?? [], t), [setup.data, t]);

  async function ask(values: Values) {
    setError(null);
    setAsking(values.province);
  }

  async function commit() {
    if (!asking) return;
    try {
      await choose.mutateAsync({ province: asking });
    } catch (failure) {
      setError(errorText(failure, i18n.language));
      setAsking(null);
    }
  }

  function chooseAgain() {
    setAsking(null);
    setTimeout(() => form.focusField('province'));
  }

  const footer = asking
    ? [
        <Button key="back" autoFocus onClick={chooseAgain} disabled={choose.isPending} data-testid="province-back">
          {t('province.back')}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          onClick={() => void commit()}
          loading={choose.isPending}
          data-testid="province-confirm"
        >
          {t('province.confirm')}
        </Button>,
      ]
    : [
        <Button key="choose" type="primary" onClick={() => form.submit()} data-testid="province-choose">
          {t('province.choose')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
          <span>{t('province.title')}</span>
          <Button size="small" onClick={onSwitchLanguage} data-testid="province-language">
            {t('app.switchLanguage')}
          </Button>
        </div>
      }
      footer={footer}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'province')}
    >
      <p>{t('province.explain')}</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      {asking && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={confirmationText(asking, options, t)}
          style={{ marginBottom: 12 }}
          data-testid="province-question"
        />
      )}
      {choose.isPending && <Alert type="info" showIcon title={t('province.installing')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" {...submit} name="province" hidden={Boolean(asking)}>
        <Form.Item
          name="province"
          label={t('province.label')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            // A former province finds the one it joined: "ha giang" offers "Tỉnh Tuyên Quang — gồm tỉnh Hà Giang cũ".
            showSearch={{ filterOption: provinceMatches }}
            placeholder={t('province.placeholder')}
            notFoundContent={t('common.noMatch')}
            onKeyDown={tabMovesOn}
            options={options.map((o) => ({
              value: o.value,
              label: o.label,
              title: o.detail,
              names: o.names,
              merged: o.merged,
              units: o.units,
            }))}
            optionRender={(option) => (
              <span>
                {option.label}
                {option.data.merged && <> — {option.data.merged}</>}
                <span className="muted"> · {option.data.units}</span>
              </span>
            )}
            data-testid="province-picker"
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
