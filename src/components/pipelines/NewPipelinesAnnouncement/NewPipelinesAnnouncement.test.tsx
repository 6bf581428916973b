import { render as renderPlain, screen } from '@testing-library/react';
import { ReactElement, ReactNode } from 'react';
import { MockErrorApi, TestApiProvider, mockApis } from '@backstage/test-utils';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';

import { NewPipelinesAnnouncement } from './NewPipelinesAnnouncement';

/** The app's translation API (English defaults) and error API, which the texts need. */
function Apis(props: { children?: ReactNode }): ReactElement {
  return (
    <TestApiProvider apis={[[translationApiRef, mockApis.translation()], [errorApiRef, new MockErrorApi()]]}>
      {props.children}
    </TestApiProvider>
  );
}

const render = (ui: ReactElement) => renderPlain(ui, { wrapper: Apis });

const p = (n: number) => ({ id: `id-${n}`, number: n });

describe('NewPipelinesAnnouncement', () => {
  it('announces pipelines arriving after the first load once, politely', () => {
    const { rerender } = render(<NewPipelinesAnnouncement pipelines={[p(2), p(1)]} />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent(/^$/); // the first load is not news

    rerender(<NewPipelinesAnnouncement pipelines={[p(2), p(1)]} />);
    expect(region).toHaveTextContent(/^$/); // a poll without news

    rerender(<NewPipelinesAnnouncement pipelines={[p(3), p(2), p(1)]} />);
    expect(region).toHaveTextContent(/^New pipeline #3$/);
    rerender(<NewPipelinesAnnouncement pipelines={[p(3), p(2), p(1)]} />);
    expect(region).toHaveTextContent(/^New pipeline #3$/); // unchanged: not announced again

    rerender(<NewPipelinesAnnouncement pipelines={[p(5), p(4), p(3), p(2), p(1)]} />);
    expect(region).toHaveTextContent(/^2 new pipelines: #5, #4$/);
  });
});
