import {
  InvalidProjectSlugError,
  parseProjectSlug,
  parseProjectSlugs,
  toV1SlugPath,
  toV2SlugPath,
} from './slug';

const ORG_ID = '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b';
const PROJECT_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

describe('parseProjectSlug', () => {
  it.each([
    ['github/acme/rocket', 'github', 'github/acme/rocket'],
    ['gh/acme/rocket', 'github', 'gh/acme/rocket'],
    ['bitbucket/acme/bucket', 'bitbucket', 'bitbucket/acme/bucket'],
    ['bb/acme/bucket', 'bitbucket', 'bb/acme/bucket'],
    [`circleci/${ORG_ID}/${PROJECT_ID}`, 'circleci', `circleci/${ORG_ID}/${PROJECT_ID}`],
    ['gh/Acme-Corp/my_repo.js', 'github', 'gh/Acme-Corp/my_repo.js'],
    ['  gh/acme/rocket  ', 'github', 'gh/acme/rocket'],
  ])('accepts %j', (input, v1Provider, v2Path) => {
    const slug = parseProjectSlug(input);
    expect(toV2SlugPath(slug)).toBe(v2Path);
    expect(toV1SlugPath(slug)).toBe(`${v1Provider}/${slug.org}/${slug.repo}`);
  });

  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['acme/rocket', /but it has 2 segments/],
    ['rocket', /it has 1 segment\b/],
    ['gh/acme/rocket/extra', /it has 4 segments/],
    ['gh/acme/rocket/', /it has 4 segments/],
    ['gitlab/acme/rocket', /the provider is "gitlab"/],
    ['GH/acme/rocket', /the provider is "GH"/],
    ['gh//rocket', /the organisation is empty/],
    ['gh/acme/', /the repository is empty/],
    ['gh/../rocket', /the organisation is "\.\."/],
    ['gh/acme/.', /the repository is "\."/],
    ['gh/acme/%2e%2e', /contains "%"/],
    ['gh/acme%2Fother/rocket', /contains "%"/],
    ['gh/acme/rock et', /contains " "/],
    ['gh/acme/rocket?x=1', /contains "\?"/],
    ['gh/acme/rocket#frag', /contains "#"/],
    ['gh/acme/rocket&x', /contains "&"/],
    ['gh/acme\\evil/rocket', /contains "\\\\"/],
    ['gh/acmé/rocket', /contains "é"/],
    ['gh/acme/rocket\u0000', /contains "\\u0000"/],
    ['circleci/acme/rocket', /UUIDs/],
    [`circleci/${ORG_ID}/rocket`, /UUIDs/],
  ])('rejects %j with a clear message', (input, problem) => {
    let error: unknown;
    try {
      parseProjectSlug(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidProjectSlugError);
    const message = (error as Error).message;
    expect(message).toMatch(/expected "provider\/org\/repo"/);
    expect(message).toMatch(problem);
  });

  it('never turns a two-segment slug into a guess', () => {
    expect(() => parseProjectSlug('org/repo')).toThrow(/2 segments/);
  });
});

describe('parseProjectSlugs', () => {
  it('parses a comma-separated list for a monorepo, dropping duplicates', () => {
    const slugs = parseProjectSlugs('gh/acme/mono-api, gh/acme/mono-web,gh/acme/mono-api');
    expect(slugs.map(s => s.slug)).toEqual(['gh/acme/mono-api', 'gh/acme/mono-web']);
  });

  it.each([
    [undefined, /the annotation is empty/],
    ['', /the annotation is empty/],
    [' , ', /the annotation is empty/],
    ['gh/acme/a,,gh/acme/b', /empty entry/],
    ['gh/acme/a,acme/b', /"acme\/b".*2 segments/],
  ])('rejects %j', (input, problem) => {
    expect(() => parseProjectSlugs(input)).toThrow(problem);
  });

  it('URL-encodes nothing it did not need to, and maps v1.1 providers', () => {
    const [bb] = parseProjectSlugs('bb/acme/bucket');
    expect(toV2SlugPath(bb)).toBe('bb/acme/bucket');
    expect(toV1SlugPath(bb)).toBe('bitbucket/acme/bucket');
  });
});
