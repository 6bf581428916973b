/*
 * The benchmark's peer app: the classic CircleCI plugin (@circleci/backstage-plugin
 * 0.1.1, vendored in bench/peer/circleci-classic/, built from the copy that
 * bench/peer/build.mjs writes to bench/peer/.build/) in the same shell as
 * our legacy dev app (dev/index.tsx): createDevApp from @backstage/dev-utils,
 * guest sign-in, one page per demo entity with the same header, and the
 * plugin's EntityCircleCIContent as the page's content.
 *
 * The only difference in wiring: the plugin's API is created with its own
 * `proxyPath` option, pointing at the proxy endpoint the classic README
 * configures (bench/peer/app-config.peer.yaml), since ours already uses its
 * default path `/circleci/api`.
 */
import type { ReactNode } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { Content, Header, HeaderLabel, Page } from '@backstage/core-components';
import { createApiFactory, discoveryApiRef } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider, useEntity } from '@backstage/plugin-catalog-react';
import LabelOffIcon from '@material-ui/icons/LabelOff';
import RocketIcon from '@material-ui/icons/FlightTakeoff';
import StorageIcon from '@material-ui/icons/Storage';
import { demoEntity } from '../../../dev/demoEntities';
// The patched copy (bench/peer/build.mjs); not type-checked (tsconfig excludes bench/peer).
import {
  CIRCLECI_ANNOTATION,
  CircleCIApi,
  EntityCircleCIContent,
  circleCIApiRef,
  circleCIPlugin,
} from '../.build/src';

/** The proxy endpoint of bench/peer/app-config.peer.yaml. */
const PEER_PROXY_PATH = '/circleci-classic/api';

const SIGN_IN_PROVIDER_KEY = '@backstage/core:SignInPage:provider';
if (!window.localStorage.getItem(SIGN_IN_PROVIDER_KEY)) {
  window.localStorage.setItem(SIGN_IN_PROVIDER_KEY, 'guest');
}

function EntityPageLayout(props: { children: ReactNode }) {
  const { entity } = useEntity();
  const slug = entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  return (
    <Page themeId="service">
      <Header title={entity.metadata.name} subtitle={entity.metadata.description} type="Component">
        <HeaderLabel label={CIRCLECI_ANNOTATION} value={slug ?? '(none)'} />
      </Header>
      <Content>{props.children}</Content>
    </Page>
  );
}

function entityPage(entity: Entity) {
  return (
    <EntityProvider entity={entity}>
      <EntityPageLayout>
        <EntityCircleCIContent />
      </EntityPageLayout>
    </EntityProvider>
  );
}

const demos = [
  {
    path: '/rocket',
    title: 'Busy project',
    icon: RocketIcon,
    entity: demoEntity('rocket', 'Busy GitHub project', 'gh/acme/rocket'),
  },
  {
    path: '/bitbucket',
    title: 'Bitbucket project',
    icon: StorageIcon,
    entity: demoEntity('bucket', 'Bitbucket project', 'bb/acme/bucket'),
  },
  {
    path: '/no-annotation',
    title: 'No annotation',
    icon: LabelOffIcon,
    entity: demoEntity('plain', 'Entity without the annotation'),
  },
];

const app = createDevApp()
  .registerPlugin(circleCIPlugin)
  .registerApi(
    createApiFactory({
      api: circleCIApiRef,
      deps: { discoveryApi: discoveryApiRef },
      factory: ({ discoveryApi }) => new CircleCIApi({ discoveryApi, proxyPath: PEER_PROXY_PATH }),
    }),
  );
for (const demo of demos) {
  app.addPage({ path: demo.path, title: demo.title, icon: demo.icon, element: entityPage(demo.entity) });
}
app.render();
