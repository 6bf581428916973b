import {
  circleCIAppLinks,
  type ProjectSlug,
  vcsHostOf,
} from '@circleci-backstage/plugin-circleci-common';

/**
 * Returns the URL when it is an absolute `http:` or `https:` URL, otherwise
 * undefined. Only such URLs may become links.
 * @internal
 */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Links to pages on app.circleci.com (from the common package). */
export { circleCIAppLinks };

/**
 * The URL of a commit on GitHub or Bitbucket, when the slug says which.
 * @internal
 */
export function commitUrl(options: {
  slug: ProjectSlug;
  revision: string;
}): string | undefined {
  const { slug, revision } = options;
  if (!/^[0-9a-f]{7,64}$/i.test(revision)) return undefined;
  const org = encodeURIComponent(slug.org);
  const repo = encodeURIComponent(slug.repo);
  switch (vcsHostOf(slug)) {
    case 'github':
      return `https://github.com/${org}/${repo}/commit/${revision}`;
    case 'bitbucket':
      return `https://bitbucket.org/${org}/${repo}/commits/${revision}`;
    default:
      return undefined;
  }
}
