/*
 * The views the accessibility scan visits, as a user reaches them: the
 * tab's views (pipelines, workflow, job with its log, tests and artifacts,
 * commit, insights, the error and empty states) in either dev app, and in
 * the new-frontend-system app also the entity overview with the plugin's
 * three cards, the approval view (a workflow on hold for an approval), the
 * parallel job's container switcher, a step with a 200,000-line log, and
 * the action dialogs (confirm, trigger with parameters), which the scan
 * opens and scans where they are (a portal outside the page's content).
 *
 * A view is `{ view, path, ready(page), open?(page) }`: `ready` is a
 * locator that shows the view has its data; `open`, when given, acts on
 * the page and returns the selector of the area to scan (a dialog).
 * Elements are found by role and accessible name, not position.
 */
import { PLUGIN_AREA } from './a11y.mjs';

/** Where an entity's CI/CD tab is: `/rocket` in the legacy app, the catalog entity page's tab in the new one. */
export function tabOf({ legacy }) {
  return name => (legacy ? `/${name}` : `/catalog/default/component/${name}/ci-cd`);
}

/** The first match of `text` in the plugin's area. */
const text = t => page => page.locator(PLUGIN_AREA).getByText(t, { exact: false }).first();

/** The views of the tab, in both apps. */
function tabViews({ demo, commit, tab, legacy }) {
  const failing = demo.failingJob;
  const artifacts = demo.hostileArtifactsJob;
  const rocket = tab('rocket');
  return [
    { view: 'pipelines', path: rocket, ready: page => page.locator(`:is(${PLUGIN_AREA}) tr`).filter({ hasText: /#\d+/ }).first() },
    {
      view: 'workflow',
      path: `${rocket}/workflows/${failing.workflowId}`,
      ready: page => page.getByRole('link', { name: failing.jobName, exact: true }).first(),
    },
    { view: 'job steps + log', path: `${rocket}/jobs/${failing.jobNumber}`, ready: text(failing.failingLines[0]) },
    {
      view: 'job tests tab',
      path: `${rocket}/jobs/${failing.jobNumber}?tab=tests`,
      ready: page => page.getByRole('tabpanel').getByText('tests:', { exact: false }).first(),
    },
    {
      view: 'job artifacts tab',
      path: `${rocket}/jobs/${artifacts.jobNumber}?tab=artifacts`,
      ready: page => page.getByRole('tabpanel').getByText('Container 0', { exact: false }).first(),
    },
    ...(commit ? [{ view: 'commit', path: `${rocket}/commits/${commit.sha}`, ready: text(`#${commit.number}`) }] : []),
    {
      view: 'insights',
      path: `${rocket}/insights`,
      ready: page => page.locator(`:is(${PLUGIN_AREA}) [data-testid="insights-chart"] .recharts-scatter-symbol`).first(),
    },
    { view: 'empty project', path: tab('empty'), ready: text('No pipelines yet') },
    { view: 'malformed slug', path: tab('malformed'), ready: text('Invalid project slug') },
    { view: 'missing project', path: tab('missing'), ready: text('could not find project') },
    // The new app hides the tab of an entity without the annotation.
    ...(legacy ? [{ view: 'missing annotation', path: tab('no-annotation'), ready: text('Missing Annotation') }] : []),
  ];
}

/** Waits until an action control is enabled (the permission check has answered), then clicks it. */
async function clickWhenEnabled(control) {
  await control.waitFor({ timeout: 60_000 });
  const deadline = Date.now() + 30_000;
  while (await control.isDisabled()) {
    if (Date.now() > deadline) throw new Error('the control stays disabled');
    await control.page().waitForTimeout(200);
  }
  await control.click();
}

/** The dialog that opened, once shown; returns its selector for the scan. */
async function dialogShown(page) {
  await page.getByRole('dialog').first().waitFor({ state: 'visible', timeout: 30_000 });
  // Wait for the opening transition to end (axe reads the colours).
  await page.waitForTimeout(400);
  return '[role="dialog"]';
}

/** The workflow page's Cancel (or a list's "Cancel workflow <name>"). */
export const CANCEL_WORKFLOW = /^(Cancel|Cancel workflow .+)$/;

/** The views only the new-frontend-system app has, and the dialogs. */
function moreViews({ demo, tab }) {
  const rocket = tab('rocket');
  const approval = demo.approval;
  const parallel = demo.parallelJob;
  const huge = demo.hugeLogJob;
  return [
    {
      view: 'overview, 3 cards',
      path: '/catalog/default/component/rocket',
      ready: page => page.getByText('CI insights', { exact: true }).first(),
      async open(page) {
        for (const title of ['Latest pipeline', 'Recent pipelines', 'CI insights']) {
          await page.getByText(title, { exact: true }).first().waitFor({ timeout: 60_000 });
        }
        await page.getByTestId('circleci-pipeline-line').first().waitFor({ timeout: 60_000 });
        return PLUGIN_AREA;
      },
    },
    {
      view: 'approval (on hold)',
      path: `${rocket}/workflows/${approval.workflowId}`,
      ready: page => page.getByRole('button', { name: /^Approve\b/ }).first(),
    },
    {
      view: 'container switcher',
      path: `${rocket}/jobs/${parallel.jobNumber}`,
      ready: page => page.getByRole('group', { name: 'Containers' }).getByRole('button').first(),
    },
    {
      view: '200k-line log',
      path: `${rocket}/jobs/${huge.jobNumber}`,
      ready: page => page.locator(`[id="step-${huge.step}-header"]`),
      async open(page) {
        const header = page.locator(`[id="step-${huge.step}-header"]`);
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
        await page.getByTestId('step-log-viewer').getByText(/launch pad › scenario \d+/).first().waitFor({ timeout: 90_000 });
        return PLUGIN_AREA;
      },
    },
    {
      view: 'confirm dialog',
      path: `${rocket}/workflows/${approval.workflowId}`,
      ready: page => page.getByRole('button', { name: CANCEL_WORKFLOW }).first(),
      async open(page) {
        await clickWhenEnabled(page.getByRole('button', { name: CANCEL_WORKFLOW }).first());
        return dialogShown(page);
      },
    },
    {
      view: 'trigger dialog + parameters',
      path: rocket,
      ready: page => page.getByRole('button', { name: 'Trigger pipeline' }).first(),
      async open(page) {
        await clickWhenEnabled(page.getByRole('button', { name: 'Trigger pipeline' }).first());
        const dialog = page.getByRole('dialog');
        await dialog.waitFor({ timeout: 30_000 });
        await dialog.getByRole('button', { name: 'Add parameter' }).click();
        await dialog.getByRole('button', { name: 'Add parameter' }).click();
        await dialog.getByLabel('Parameter 1 name').fill('deploy_env');
        await dialog.getByLabel('Parameter 1 value').fill('staging');
        await dialog.getByLabel('Parameter 2 name').fill('dry_run');
        return dialogShown(page);
      },
    },
  ];
}

/** Every view to scan in the app under test (`legacy`), from the fake's demo facts and a commit to look up. */
export function scanViews({ demo, commit, legacy }) {
  const tab = tabOf({ legacy });
  return [...tabViews({ demo, commit, tab, legacy }), ...(legacy ? [] : moreViews({ demo, tab }))];
}
