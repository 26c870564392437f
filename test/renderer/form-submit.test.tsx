// @vitest-environment jsdom
/**
 * A dialog's save is never dropped when a field is validated again while the submission's own validation is still
 * under way (Enter pressed while the form is busy), and a second Enter during a save does not save twice.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Form, Input } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { useFormSubmit } from '../../renderer/src/components/formSubmit';

afterEach(cleanup);

// jsdom has no media queries; antd's form grid asks for them.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

/** A validator that answers only when told to: the submission's validation is "under way" until then. */
function pendingValidator() {
  const waiting: (() => void)[] = [];
  return {
    rule: { validator: () => new Promise<void>((resolve) => waiting.push(resolve)) },
    answerAll: () =>
      waiting.splice(0).forEach((resolve) => {
        resolve();
      }),
  };
}

function Dialog({
  guarded,
  onSave,
  slowRule,
}: {
  guarded: boolean;
  onSave: (values: { amount?: string; reason?: string }) => Promise<void>;
  slowRule: object;
}) {
  const [form] = Form.useForm<{ amount?: string; reason?: string }>();
  const submit = useFormSubmit(form, onSave);
  return (
    <Form form={form} {...(guarded ? submit : { onFinish: onSave })}>
      <Form.Item name="amount" rules={[slowRule]}>
        <Input aria-label="amount" />
      </Form.Item>
      <Form.Item name="reason">
        <Input aria-label="reason" />
      </Form.Item>
      <button type="submit">save</button>
    </Form>
  );
}

async function settle() {
  for (let i = 0; i < 10; i++) await act(() => Promise.resolve());
}

async function enterWhileBusy(guarded: boolean) {
  const saved: unknown[] = [];
  const slow = pendingValidator();
  render(<Dialog guarded={guarded} slowRule={slow.rule} onSave={async (values) => void saved.push(values)} />);
  fireEvent.change(screen.getByLabelText('amount'), { target: { value: '880.000.000' } });
  fireEvent.change(screen.getByLabelText('reason'), { target: { value: 'Tăng sau khảo sát' } });
  await act(async () => slow.answerAll());
  // Enter: the submission validates the form; before that validation answers, the amount field is validated again
  // (as when the money field tidies what was typed).
  fireEvent.submit(screen.getByText('save').closest('form')!);
  await settle();
  fireEvent.change(screen.getByLabelText('amount'), { target: { value: '880.000.000 ' } });
  await settle();
  for (let i = 0; i < 5; i++) {
    await act(async () => slow.answerAll());
    await settle();
  }
  return saved;
}

describe('saving a dialog', () => {
  it('is dropped by the form library when a field is validated again meanwhile (what the guard is for)', async () => {
    expect(await enterWhileBusy(false)).toEqual([]);
  });

  it('still saves, with the newest values, when a field is validated again meanwhile', async () => {
    expect(await enterWhileBusy(true)).toEqual([{ amount: '880.000.000 ', reason: 'Tăng sau khảo sát' }]);
  });

  it('saves once when Enter is pressed again while the save is under way', async () => {
    const calls: unknown[] = [];
    let finish = () => {};
    render(
      <Dialog
        guarded
        slowRule={{}}
        onSave={(values) => {
          calls.push(values);
          return new Promise<void>((resolve) => (finish = resolve));
        }}
      />,
    );
    fireEvent.change(screen.getByLabelText('reason'), { target: { value: 'x' } });
    const form = screen.getByText('save').closest('form')!;
    fireEvent.submit(form);
    await settle();
    fireEvent.submit(form);
    await settle();
    expect(calls).toHaveLength(1);
    await act(async () => finish());
    fireEvent.submit(form);
    await settle();
    expect(calls).toHaveLength(2);
  });
});
