/*
 * The plugin's dev app in the new frontend system (`npm start`): the
 * catalog plugin's pages over the dev backend's real catalog (the demo
 * entities, dev/demoEntities.ts), with the plugin's
 * `/alpha` entry installed as an app would install it. The cards are
 * enabled in app-config.yaml (`app.extensions`), as a user would.
 */
// The dev app is an app: it loads the design system's styles, as a host app does.
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
// Signals (`signalApiRef`): open tabs update when CircleCI reports a completion.
import signalsPlugin from '@backstage/plugin-signals/alpha';
import circleCIPlugin from '../../src/alpha';
import { devPlugin } from './devPlugin';

/**
 * Sign in as guest without the sign-in screen: the sign-in page restores
 * the last provider from this key, and the dev backend has the guest
 * provider, so this yields a real Backstage user token.
 */
const SIGN_IN_PROVIDER_KEY = '@backstage/core:SignInPage:provider';
if (!window.localStorage.getItem(SIGN_IN_PROVIDER_KEY)) {
  window.localStorage.setItem(SIGN_IN_PROVIDER_KEY, 'guest');
}

const app = createApp({
  features: [catalogPlugin, signalsPlugin, circleCIPlugin, devPlugin],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
