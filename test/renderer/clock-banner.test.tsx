// @vitest-environment jsdom
/** The warning above every screen when this machine's clock disagrees with the ledger, in both languages. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClockReading } from '../../contract';
import { ClockBanner } from '../../renderer/src/components/ClockBanner';
import { showDateTime } from '../../renderer/src/format';
import { initI18n } from '../../renderer/src/i18n';

afterEach(cleanup);

const i18n = initI18n('vi');

const behind: ClockReading = {
  state: 'behind',
  machineAt: '2025-03-01T08:00:00.000Z',
  newestChangeAt: '2026-03-01T08:00:00.000Z',
};

describe('the clock banner', () => {
  it("tells a machine set back what it saw and what to do, in the user's language", async () => {
    render(<ClockBanner clock={behind} />);
    const banner = screen.getByTestId('clock-banner');
    expect(banner.textContent).toContain('Đồng hồ máy này chậm hơn dữ liệu trong sổ');
    expect(banner.textContent).toContain(`Máy này chỉ ${showDateTime(behind.machineAt)}`);
    expect(banner.textContent).toContain(`thay đổi mới nhất trong sổ ghi ${showDateTime(behind.newestChangeAt!)}`);
    expect(banner.textContent).toContain('clock repair');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('clock-banner').textContent).toContain("This computer's clock is behind the ledger");
    expect(screen.getByTestId('clock-banner').textContent).toContain("If the computer's date is wrong, set it right");
    await act(() => i18n.changeLanguage('vi'));
  });

  it('tells a machine whose date is implausibly ahead, and says nothing when the clock agrees', () => {
    const { rerender } = render(
      <ClockBanner clock={{ state: 'ahead', machineAt: '2200-01-01T00:00:00.000Z', newestChangeAt: null }} />,
    );
    expect(screen.getByTestId('clock-banner').textContent).toContain('Ngày giờ của máy này có vẻ sai');
    expect(screen.getByTestId('clock-banner').textContent).toContain('sau năm 2100');
    rerender(<ClockBanner clock={{ ...behind, state: 'ok' }} />);
    expect(screen.queryByTestId('clock-banner')).toBeNull();
    rerender(<ClockBanner clock={undefined} />);
    expect(screen.queryByTestId('clock-banner')).toBeNull();
  });
});
