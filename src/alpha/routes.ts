import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { circleCIRouteRef } from '../routes';

/** The plugin's routes in the new frontend system (the legacy refs, converted). */
export const alphaRoutes = convertLegacyRouteRefs({ root: circleCIRouteRef });
