import { parseProjectSlugs } from '@circleci-backstage/plugin-circleci-common';
import { projectOf } from './projects';

describe('projectOf', () => {
  const slugs = parseProjectSlugs('gh/acme/mono-api,gh/acme/mono-web');

  it('finds the named project', () => {
    expect(projectOf(slugs, 'gh/acme/mono-web').slug).toBe('gh/acme/mono-web');
  });

  it('falls back to the first project', () => {
    expect(projectOf(slugs, 'gh/acme/other').slug).toBe('gh/acme/mono-api');
    expect(projectOf(slugs, null).slug).toBe('gh/acme/mono-api');
    expect(projectOf(slugs, undefined).slug).toBe('gh/acme/mono-api');
  });
});
