import { render as renderPlain, screen } from '@testing-library/react';
import { ReactElement, ReactNode } from 'react';
import { MockErrorApi, TestApiProvider, mockApis } from '@backstage/test-utils';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';

import { LiveIndicator } from './LiveIndicator';

/** The app's translation API (English defaults) and error API, which the texts need. */
function Apis(props: { children?: ReactNode }): ReactElement {
  return (
    <TestApiProvider apis={[[translationApiRef, mockApis.translation()], [errorApiRef, new MockErrorApi()]]}>
      {props.children}
    </TestApiProvider>
  );
}

const render = (ui: ReactElement) => renderPlain(ui, { wrapper: Apis });

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
