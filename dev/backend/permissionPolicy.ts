/*
 * The dev backend's permission policy: the "owners may act" sample of
 * docs/permissions.md, as an admin would install it. The CircleCI
 * permissions (`circleci.workflow.operate`, `circleci.job.approve`,
 * `circleci.pipeline.trigger`, resource type `catalog-entity`) are allowed
 * on the entities the user (or a group of theirs) owns, decided by the
 * catalog's own `isEntityOwner` rule against the entity the user acts
 * through; everything else, catalog reads included, is allowed.
 *
 * With the demo entities (dev/demoEntities.ts) the guest owns every entity
 * but `bucket` (and the two benchmark entities that also name bucket's
 * project, and the live project's), so the guest may act on rocket's
 * project and not on bucket's.
 */
import { coreServices, createBackendModule, type UserInfoService } from '@backstage/backend-plugin-api';
import { catalogConditions, createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult, isResourcePermission, type PolicyDecision } from '@backstage/plugin-permission-common';
import type { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** Members of the group that owns an entity (or its owner) may act on its projects; nobody else. */
export class OwnersMayActPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const { permission } = request;
    if (isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY) && permission.name.startsWith('circleci.')) {
      // The user and the groups they belong to.
      const claims = user ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs : [];
      return createCatalogConditionalDecision(permission, catalogConditions.isEntityOwner({ claims }));
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link OwnersMayActPolicy} in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'circleci-dev-owners-may-act',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new OwnersMayActPolicy(userInfo));
      },
    });
  },
});
