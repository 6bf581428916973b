export interface Config {
  /** Configuration for the CircleCI plugin. */
  circleci?: {
    /**
     * The path of the Backstage proxy endpoint that forwards to
     * `https://circleci.com/api` and injects the `Circle-Token` header.
     * Defaults to `/circleci/api`.
     * @visibility frontend
     */
    proxyPath?: string;
  };
}
