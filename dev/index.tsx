/*
 * The plugin's dev app (`npm start`, served on http://localhost:3000 by
 * `backstage-cli package start`). Each page renders the CircleCI tab for one
 * demo catalog entity; `/` forwards to the busy project, or to the live
 * project when the dev backend runs in live mode.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import type { Entity } from '@backstage/catalog-model';
import {
  Content,
  Header,
  HeaderLabel,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { signalsPlugin } from '@backstage/plugin-signals';
import { EntityProvider, useEntity } from '@backstage/plugin-catalog-react';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import BrokenImageIcon from '@material-ui/icons/BrokenImage';
import CloudIcon from '@material-ui/icons/Cloud';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import InboxIcon from '@material-ui/icons/Inbox';
import LabelOffIcon from '@material-ui/icons/LabelOff';
import RocketIcon from '@material-ui/icons/FlightTakeoff';
import StorageIcon from '@material-ui/icons/Storage';
import WifiIcon from '@material-ui/icons/Wifi';
import {
  CIRCLECI_ANNOTATION,
  EntityCircleCIContent,
  circleCIPlugin,
} from '../src';
import { demoEntityNamed, liveEntity } from './demoEntities';

/**
 * Sign in as guest without the sign-in screen: the dev app's sign-in page
 * restores the last provider from this key, and the dev backend has the
 * guest provider, so this yields a real Backstage user token.
 */
const SIGN_IN_PROVIDER_KEY = '@backstage/core:SignInPage:provider';
if (!window.localStorage.getItem(SIGN_IN_PROVIDER_KEY)) {
  window.localStorage.setItem(SIGN_IN_PROVIDER_KEY, 'guest');
}

/**
 * The CircleCI tab of one entity, as an entity page would show it. A plain
 * function rather than a component: the routable EntityCircleCIContent must
 * appear directly in the page's element tree for the app to discover it.
 */
function entityPage(entity: Entity) {
  return (
    <EntityProvider entity={entity}>
      <EntityPageLayout>
        <EntityCircleCIContent />
      </EntityPageLayout>
    </EntityProvider>
  );
}

function EntityPageLayout(props: { children: ReactNode }) {
  const { entity } = useEntity();
  const slug = entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  return (
    <Page themeId="service">
      <Header
        title={entity.metadata.name}
        subtitle={entity.metadata.description}
        type="Component"
      >
        <HeaderLabel label={CIRCLECI_ANNOTATION} value={slug ?? '(none)'} />
      </Header>
      <Content>{props.children}</Content>
    </Page>
  );
}

type DevSettings = { live: boolean; projectSlug: string | null };

/** Asks the dev backend whether it proxies to the real CircleCI. */
function useDevSettings(): { settings?: DevSettings; error?: Error } {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<{ settings?: DevSettings; error?: Error }>(
    {},
  );
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const baseUrl = await discoveryApi.getBaseUrl('devsettings');
      const response = await fetchApi.fetch(`${baseUrl}/settings`);
      if (!response.ok) {
        throw new Error(`dev backend answered ${response.status}`);
      }
      return (await response.json()) as DevSettings;
    })().then(
      settings => !cancelled && setState({ settings }),
      error => !cancelled && setState({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [discoveryApi, fetchApi]);
  return state;
}

/** `/`: the live project in live mode, else the busy demo project. */
function Home() {
  const { settings, error } = useDevSettings();
  if (!settings && !error) return <Progress />;
  return <Navigate replace to={settings?.live ? '/live' : '/rocket'} />;
}

/**
 * `/live`: provides the entity for the project named by
 * CIRCLECI_PROJECT_SLUG (live mode) to its children.
 */
function LiveEntityProvider(props: { children: ReactNode }) {
  const { settings, error } = useDevSettings();
  if (!settings && !error) return <Progress />;
  if (!settings?.live || !settings.projectSlug) {
    return (
      <Page themeId="service">
        <Header title="Live CircleCI project" />
        <Content>
          <WarningPanel title="Live mode is off">
            Start the dev setup with CIRCLECI_PROJECT_SLUG and
            CIRCLECI_AUTH_TOKEN set to see a real CircleCI project here
            {error ? ` (${error.message})` : ''}.
          </WarningPanel>
        </Content>
      </Page>
    );
  }
  const entity = liveEntity(settings.projectSlug);
  return <EntityProvider entity={entity}>{props.children}</EntityProvider>;
}

// The demo entities, the same objects the dev backend's catalog serves
// (dev/demoEntities.ts), so every ref this app sends is one the catalog
// holds. They are rendered from here, not read from the catalog: a page
// opens without a catalog round trip (the benchmark times these pages).
const demos = [
  { path: '/rocket', title: 'Busy project', icon: RocketIcon, entity: 'rocket' },
  { path: '/circleci-project', title: 'CircleCI project', icon: CloudIcon, entity: 'standalone' },
  { path: '/bitbucket', title: 'Bitbucket project', icon: StorageIcon, entity: 'bucket' },
  { path: '/monorepo', title: 'Monorepo', icon: AccountTreeIcon, entity: 'mono' },
  { path: '/monorepo-api', title: 'Monorepo component', icon: AccountTreeIcon, entity: 'monorepo-api' },
  { path: '/empty', title: 'No pipelines', icon: InboxIcon, entity: 'empty' },
  { path: '/malformed', title: 'Malformed slug', icon: BrokenImageIcon, entity: 'malformed' },
  { path: '/missing', title: 'Unknown project', icon: HelpOutlineIcon, entity: 'missing' },
  // The benchmark's scaling suite (bench/scaling.mjs): many pages, 2 and 5 projects.
  { path: '/monorepo-project', title: 'One monorepo project', icon: AccountTreeIcon, entity: 'monorepo' },
  { path: '/projects-2', title: 'Two projects', icon: AccountTreeIcon, entity: 'projects-2' },
  { path: '/projects-5', title: 'Five projects', icon: AccountTreeIcon, entity: 'projects-5' },
  { path: '/no-annotation', title: 'No annotation', icon: LabelOffIcon, entity: 'plain' },
];

const app = createDevApp()
  .registerPlugin(circleCIPlugin)
  .registerPlugin(signalsPlugin)
  // First page added at `/`, so the dev app does not redirect `/` itself.
  .addPage({ path: '/', element: <Home /> });

for (const demo of demos) {
  app.addPage({
    path: demo.path,
    title: demo.title,
    icon: demo.icon,
    element: entityPage(demoEntityNamed(demo.entity)),
  });
}

app
  .addPage({
    path: '/live',
    title: 'Live project',
    icon: WifiIcon,
    element: (
      <LiveEntityProvider>
        <EntityPageLayout>
          <EntityCircleCIContent />
        </EntityPageLayout>
      </LiveEntityProvider>
    ),
  })
  .render();
