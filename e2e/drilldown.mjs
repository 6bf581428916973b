/*
 * The drill-down walk of the e2e test: from an entity's CircleCI tab to the
 * failing line of a failed job's log, in three clicks (workflow, job, and
 * the failed step that opens by itself).
 */
import { join } from 'node:path';

/**
 * Walks tab → pipeline row → workflow → failed job → failing log line.
 * `job` is one of the fake's demo facts (`failingJob`, `standaloneFailingJob`).
 */
export async function walkToFailingLine({ page, app, entityPath, job, workflowName, screenshot, say }) {
  await page.goto(`${app}${entityPath}`, { waitUntil: 'domcontentloaded' });
  const row = page.getByRole('row').filter({ hasText: new RegExp(`#${job.pipelineNumber}\\b`) });
  await row.first().waitFor({ timeout: 90_000 });

  // Click 1: the workflow, inside the pipeline's row.
  await row.first().getByRole('link', { name: workflowName, exact: true }).first().click();
  await page.waitForURL(new RegExp(`/workflows/${job.workflowId}$`), { timeout: 30_000 });

  // Click 2: the failed job.
  const jobLink = page.getByRole('link', { name: job.jobName, exact: true }).first();
  await jobLink.waitFor({ timeout: 30_000 });
  await jobLink.click();
  await page.waitForURL(new RegExp(`/jobs/${job.jobNumber}(\\?.*)?$`), { timeout: 30_000 });

  // The failed step opens by itself; its failing line must be visible.
  for (const line of job.failingLines) {
    await page.getByText(line, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  say(`${entityPath}: reached "${job.failingLines.join('" and "')}" (${join(screenshot)})`);
}
