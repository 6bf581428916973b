import { ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { CircleCIPathsProvider, useCircleCIPaths } from '.';

function pathsAt(base: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CircleCIPathsProvider base={base}>{children}</CircleCIPathsProvider>
  );
  return renderHook(() => useCircleCIPaths(), { wrapper }).result.current;
}

describe('useCircleCIPaths', () => {
  it('builds the tab links below where the tab is mounted', () => {
    const paths = pathsAt('/catalog/default/component/rocket/circleci/');
    expect(paths.pipelines()).toBe('/catalog/default/component/rocket/circleci/');
    expect(paths.workflow({ workflowId: 'a/b' })).toBe('/catalog/default/component/rocket/circleci/workflows/a%2Fb');
    expect(paths.job({ jobNumber: 7 })).toBe('/catalog/default/component/rocket/circleci/jobs/7');
  });

  it('keeps the project in links for a monorepo', () => {
    const paths = pathsAt('/tab');
    expect(paths.job({ jobNumber: 7, projectSlug: 'gh/acme/mono-web' })).toBe(
      '/tab/jobs/7?project=gh%2Facme%2Fmono-web',
    );
    expect(paths.pipelines({ projectSlug: 'gh/acme/mono-web' })).toBe('/tab/?project=gh%2Facme%2Fmono-web');
  });

  it('links from the root without a provider', () => {
    const { result } = renderHook(() => useCircleCIPaths());
    expect(result.current.workflow({ workflowId: 'w' })).toBe('/workflows/w');
  });
});
