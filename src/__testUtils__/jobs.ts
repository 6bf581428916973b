/*
 * Finds jobs of the fake's demo data for the job view tests.
 */
import type { FakeCircleCI } from '../../dev/fake-circleci';
import { parseProjectSlug, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';

/** A job of the demo data, by project slug, pipeline number and job name. */
export function demoJobNumber(options: {
  fake: FakeCircleCI;
  projectSlug: string;
  pipelineNumber: number;
  jobName: string;
}): number {
  const { fake, projectSlug, pipelineNumber, jobName } = options;
  const [vcs, org, repo] = projectSlug.split('/');
  const project = fake.state.findProject({ vcs, org, repo });
  const pipeline = project?.pipelines.find(p => p.number === pipelineNumber);
  const workflow = pipeline?.workflows[pipeline.workflows.length - 1];
  const job = workflow?.jobs.find(j => j.name === jobName);
  if (job?.number === undefined) {
    throw new Error(`No job ${jobName} in pipeline ${pipelineNumber} of ${projectSlug}`);
  }
  return job.number;
}

/** The parsed slug of the demo's busy project. */
export function rocketSlug(fake: FakeCircleCI): ProjectSlug {
  return parseProjectSlug(fake.demo.slugs.rocket);
}
