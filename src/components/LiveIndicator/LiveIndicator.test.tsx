import { render, screen } from '@testing-library/react';
import { LiveIndicator } from './LiveIndicator';

describe('LiveIndicator', () => {
  it('is a polite live region for its state only, not for the time of each poll', () => {
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    const { rerender } = render(<LiveIndicator live updatedAt={t0} />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent(/^Live$/);
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(/^Live · updated \d\d:\d\d:\d\d$/);

    // A poll: the visible time changes, what the live region says does not.
    rerender(<LiveIndicator live updatedAt={t0 + 10_000} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent(/^Live$/);

    // The state changes: the same region says so.
    rerender(<LiveIndicator live={false} updatedAt={t0 + 20_000} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent(/^Settled$/);
  });
});
