/*
 * The containers of the job page's tabs. Each loads its own data and
 * explains its own failure, so a failing tests or artifacts request leaves
 * the rest of the job view working.
 */

import { ReactElement } from 'react';
import { Progress } from '@backstage/core-components';
import { actionRunning } from '../../../domain/steps';
import type { JobDetails } from '@circleci-backstage/plugin-circleci-common';
import type { JobHookOptions } from '../../../query/jobQueries';
import { useJobArtifacts } from '../hooks/useJobArtifacts';
import { useJobSteps } from '../hooks/useJobSteps';
import { useJobTests } from '../hooks/useJobTests';
import { ErrorState } from '../../shared/ErrorState';
import { JobArtifacts } from '../JobArtifacts';
import { JobSteps } from '../JobSteps';
import { StepLog } from '../StepLog';
import { TestResults } from '../TestResults';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** What every section gets: the job and whether it is still running. */
export interface SectionProps extends JobHookOptions {
  /** The job's details. */
  job: JobDetails;
  /** The job is active (its view is polled). */
  live: boolean;
}

/** The steps of the job with their logs. */
export function StepsSection(props: SectionProps): ReactElement {
  const { projectSlug, jobNumber, job, live } = props;
  const steps = useJobSteps({ projectSlug, jobNumber, live });
  const { t } = useCircleCITranslation();
  if (steps.error && !steps.value) {
    return (
      <ErrorState error={steps.error} subject={t('job.stepsSubject', { number: String(jobNumber) })} onRetry={steps.refresh} />
    );
  }
  if (!steps.value) return <Progress />;
  return (
    <JobSteps
      steps={steps.value.steps}
      parallelism={Math.max(job.parallelism, steps.value.parallel)}
      containers={job.parallel_runs}
      renderLog={({ action, containerIndex }) => (
        <StepLog
          projectSlug={projectSlug}
          jobNumber={jobNumber}
          containerIndex={containerIndex}
          stepNumber={action.step}
          live={actionRunning(action)}
          hasOutput={action.has_output !== false}
          jobUrl={job.web_url}
        />
      )}
    />
  );
}

/** The job's test results. */
export function TestsSection(props: SectionProps): ReactElement {
  const { projectSlug, jobNumber, live } = props;
  const tests = useJobTests({ projectSlug, jobNumber, live });
  const { t } = useCircleCITranslation();
  if (tests.error && !tests.value) {
    return (
      <ErrorState error={tests.error} subject={t('job.testsSubject', { number: String(jobNumber) })} onRetry={tests.refresh} />
    );
  }
  if (!tests.value) return <Progress />;
  return <TestResults tests={tests.value.items} truncated={tests.value.truncated} />;
}

/** The job's artifacts. */
export function ArtifactsSection(props: SectionProps): ReactElement {
  const { projectSlug, jobNumber, live } = props;
  const artifacts = useJobArtifacts({ projectSlug, jobNumber, live });
  const { t } = useCircleCITranslation();
  if (artifacts.error && !artifacts.value) {
    return (
      <ErrorState
        error={artifacts.error}
        subject={t('job.artifactsSubject', { number: String(jobNumber) })}
        onRetry={artifacts.refresh}
      />
    );
  }
  if (!artifacts.value) return <Progress />;
  return <JobArtifacts artifacts={artifacts.value.items} truncated={artifacts.value.truncated} />;
}
