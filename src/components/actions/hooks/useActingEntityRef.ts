import { useMemo } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';

/**
 * The catalog entity the user acts through: the entity of the page, as an
 * entity ref (`component:default/rocket`). Actions name it to the backend
 * plugin, which authorizes them against it; the controls ask the permission
 * framework about it.
 */
export function useActingEntityRef(): string {
  const { entity } = useEntity();
  return useMemo(() => stringifyEntityRef(entity), [entity]);
}
