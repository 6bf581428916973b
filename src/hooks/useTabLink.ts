import { useRouteRef } from '@backstage/core-plugin-api';
import { circleCIRouteRef } from '../routes';

/**
 * The URL of the entity's CI/CD tab, through the plugin's route ref (in the
 * new frontend system, through its converted ref); undefined where the tab
 * is not mounted, so a card can leave the link out.
 */
export function useTabLink(): string | undefined {
  try {
    // The route resolver throws after its own hooks have run when the ref
    // has no mount, so the hook order stays the same on every render.
    return useRouteRef(circleCIRouteRef)();
  } catch {
    return undefined;
  }
}
