/**
 * The current values of some fields, for what a dialog derives from them (the date a place picker checks units
 * against, the rate proposed for a date, the amount shown as quantity × unit value).
 *
 * `Form.useWatch` compares each change with the value of its last render: two changes between renders (the dialog
 * filling its fields, then a date typed at once) can leave it on the older value, so the place picker offered the
 * units of today's date while the field showed 02/09/2022, and a unit that did not exist then was picked. Here a
 * field that re-renders on every change of the form (`shouldUpdate`) hands its values over after each render.
 */
import { Form, type FormInstance } from 'antd';
import { useCallback, useLayoutEffect, useState, type ReactElement } from 'react';

function Mirror<V>({ values, onValues }: { values: V; onValues: (values: V) => void }) {
  const key = JSON.stringify(values);
  // Keyed on the text of the values: the same values again cause no render of the dialog.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the values' text, not on their identity
  useLayoutEffect(() => onValues(values), [key]);
  return null;
}

export function useLiveValues<V extends object, K extends keyof V & string>(
  form: FormInstance<V>,
  names: readonly K[],
): [Partial<Pick<V, K>>, ReactElement] {
  const [values, setValues] = useState<Partial<Pick<V, K>>>({});
  const onValues = useCallback((next: Partial<Pick<V, K>>) => setValues(next), []);
  const mirror = (
    <Form.Item noStyle shouldUpdate>
      {() => (
        <Mirror
          values={
            Object.fromEntries(names.map((name) => [name, (form as FormInstance).getFieldValue(name)])) as Partial<
              Pick<V, K>
            >
          }
          onValues={onValues}
        />
      )}
    </Form.Item>
  );
  return [values, mirror];
}
