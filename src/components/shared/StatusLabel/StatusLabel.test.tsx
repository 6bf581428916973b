import { ReactElement, ReactNode } from 'react';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { MockErrorApi, TestApiProvider, mockApis } from '@backstage/test-utils';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { render as renderPlain, screen, isInaccessible } from '@testing-library/react';
import type { CircleCIStatus } from '../../../domain/status';
import { StatusLabel } from './StatusLabel';

/** The app's translation API (English defaults) and error API, which the texts need. */
function Apis(props: { children?: ReactNode }): ReactElement {
  return (
    <TestApiProvider apis={[[translationApiRef, mockApis.translation()], [errorApiRef, new MockErrorApi()]]}>
      {props.children}
    </TestApiProvider>
  );
}


/** Every status of the plugin's vocabulary, with the words a user must get. */
const LABELS: Record<CircleCIStatus, string> = {
  success: 'Success',
  failed: 'Failed',
  failing: 'Failing',
  running: 'Running',
  on_hold: 'On hold',
  queued: 'Queued',
  blocked: 'Blocked',
  canceled: 'Canceled',
  not_run: 'Not run',
  unauthorized: 'Unauthorized',
  unknown: 'Unknown',
};

/** Renders in Backstage's light theme (the status icons take their colours from it). */
function render(ui: ReactElement): void {
  renderPlain(<ThemeProvider theme={lightTheme}>{ui}</ThemeProvider>, { wrapper: Apis });
}

/** The accessible name StatusLabel gives a control it sits in. */
function nameInButton(status: Parameters<typeof StatusLabel>[0]['status']): HTMLElement {
  render(
    <button type="button">
      <StatusLabel status={status} />
    </button>,
  );
  return screen.getByRole('button');
}

describe('StatusLabel', () => {
  it.each(Object.entries(LABELS))('tells %s in words, not by colour alone', (status, label) => {
    const button = nameInButton(status);
    // The label is in the accessibility tree, and it is the whole name:
    // the coloured icon adds nothing to it.
    expect(button).toHaveAccessibleName(label);
    expect(isInaccessible(screen.getByText(label))).toBe(false);
    expect(button.querySelector('svg')).not.toBeNull();
  });

  it('names a status string it does not know, and a missing status', () => {
    expect(nameInButton('on_fire')).toHaveAccessibleName('Unknown (on_fire)');
    document.body.innerHTML = '';
    expect(nameInButton(null)).toHaveAccessibleName('Unknown');
  });

  it('keeps custom text accessible', () => {
    render(<StatusLabel status="failed">3 failed</StatusLabel>);
    expect(isInaccessible(screen.getByText('3 failed'))).toBe(false);
  });
});
