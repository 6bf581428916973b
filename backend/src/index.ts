/**
 * The CircleCI backend plugin for Backstage: CircleCI's API below
 * `/api/circleci` with the token on the server, one shared cache, and the
 * pipelines tab's first page in one request.
 *
 * @packageDocumentation
 */
import { circleciPlugin } from './plugin';

export default circleciPlugin;
