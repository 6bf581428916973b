/*
 * What a failure means for a person (`describeError`), and why a project
 * slug cannot be read. Part of `circleCITranslationRef` (src/translation.ts).
 */

/** Error descriptions and the slug parser's problems. */
export const errorsMessages = {
  errors: {
    defaultSubject: 'this resource',
    backstageAuthTitle: 'Not signed in to Backstage',
    backstageAuthMessage:
      'The Backstage proxy refused the request because it carried no valid Backstage credentials. Sign in again, or check the proxy endpoint\'s "credentials" setting.',
    unauthorizedTitle: 'CircleCI token missing or invalid',
    unauthorizedMessage:
      "CircleCI rejected the proxy's Circle-Token. Set CIRCLECI_AUTH_TOKEN to a personal API token for the Backstage backend, and check that proxy.endpoints['/circleci/api'].headers sets Circle-Token to ${CIRCLECI_AUTH_TOKEN}.",
    forbiddenTitle: 'Access denied',
    forbiddenMessage:
      "The CircleCI token has no access to {{subject}}, or the Backstage proxy does not allow this method (see allowedMethods of proxy.endpoints['/circleci/api']).",
    notFoundTitle: 'Not found',
    notFoundMessage:
      "CircleCI could not find {{subject}}. Check the circleci.com/project-slug annotation, and that the token's user can see the project.",
    rateLimitedTitle: 'Rate limited',
    rateLimitedMessageAt: "CircleCI's rate limit was reached: retry at {{time}}.",
    rateLimitedMessage: "CircleCI's rate limit was reached: retry in a minute.",
    unavailableUntilTitle: 'Try again later',
    unavailableUntilMessage:
      'CircleCI cannot be asked right now (it is rate-limiting, or briefly unavailable) and no earlier answer is kept: retry at {{time}}.',
    staleNotice: 'CircleCI is rate-limiting; showing data from {{time}}',
    serverTitle: 'CircleCI is unavailable',
    serverMessage: 'CircleCI or the proxy answered HTTP {{status}}. This is usually temporary: try again in a moment.',
    serverMessageNamed:
      'CircleCI or the proxy answered HTTP {{status}} {{statusText}}. This is usually temporary: try again in a moment.',
    badRequestTitle: 'Request failed (HTTP {{status}})',
    badRequestMessage: 'CircleCI or the proxy refused the request for {{subject}} (HTTP {{status}}).',
    invalidSlugTitle: 'Invalid project slug',
    legacyProxyTitle: 'Legacy proxy target',
    legacyProxyMessage:
      "The Backstage proxy for CircleCI points at the legacy API v1.1. In app-config.yaml, set proxy.endpoints['/circleci/api'].target to https://circleci.com/api (without /v1.1).",
    backendMissingTitle: 'CircleCI backend plugin not installed',
    backendMissingMessage:
      "circleci.backend.enabled is true, but the Backstage backend has no CircleCI plugin at /api/circleci. Install @circleci-backstage/plugin-circleci-backend in the backend (backend.add(import('@circleci-backstage/plugin-circleci-backend'))), or set circleci.backend.enabled to false to use the proxy endpoint.",
    malformedTitle: 'Unreadable response',
    malformedMessage: "CircleCI's answer for {{subject}} could not be read (request {{request}}).",
    malformedHtmlMessage:
      "CircleCI's answer for {{subject}} was a web page, not data (request {{request}}). A sign-in page of a corporate proxy may be in the way.",
    timeoutTitle: 'Timed out',
    timeoutMessage: 'CircleCI did not answer within {{seconds}} s (request {{request}}).',
    abortedTitle: 'Cancelled',
    abortedMessage: 'The request was cancelled.',
    networkTitle: 'Network error',
    networkMessage: 'Could not reach the Backstage proxy for CircleCI. Check your network connection, then try again.',
    invalidCommitTitle: '"{{value}}" is not a commit SHA',
    invalidJobTitle: 'Invalid job number',
    invalidWorkflowsTitle: 'Invalid workflows annotation',
    noProjectTitle: 'No CircleCI project',
    noProjectMessage: 'Give the projectSlug, or annotate the entity with circleci.com/project-slug.',
    unknownTitle: 'Something went wrong',
    unknownMessage: 'The plugin met an error it does not know; its details say more.',
  },
  /** Why a project slug cannot be read; `expected` says what it must look like. */
  slug: {
    expected:
      'Write it as "provider/org/repo" with provider one of github, gh, bitbucket, bb, or as "circleci/ORG_ID/PROJECT_ID" with UUIDs.',
    empty: 'The project slug is empty.',
    annotationEmpty: 'The circleci.com/project-slug annotation is empty.',
    emptyEntry: 'The circleci.com/project-slug annotation {{found}} has an empty entry.',
    segments: 'The project slug {{found}} does not have three parts separated by "/".',
    provider: 'The project slug {{found}} names the provider {{provider}}, which the plugin does not know.',
    orgEmpty: 'The organisation of the project slug {{found}} is empty.',
    repoEmpty: 'The repository of the project slug {{found}} is empty.',
    orgDots: 'The organisation of the project slug {{found}} is {{value}}, which is not allowed.',
    repoDots: 'The repository of the project slug {{found}} is {{value}}, which is not allowed.',
    orgCharacter:
      'The organisation {{value}} of the project slug {{found}} contains {{character}}; only letters, digits, ".", "_" and "-" are allowed.',
    repoCharacter:
      'The repository {{value}} of the project slug {{found}} contains {{character}}; only letters, digits, ".", "_" and "-" are allowed.',
    notUuid: 'The project slug {{found}} is a "circleci" slug, whose organisation and project must be UUIDs.',
  },
} as const;
