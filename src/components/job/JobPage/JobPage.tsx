import { ReactElement, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { InfoCard, Progress } from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { useJob } from '../hooks/useJob';
import { usePipeline } from '../../../hooks/usePipeline';
import { useCircleCISignals } from '../../../hooks/useCircleCISignals';
import { stripControl } from '../../../domain/text';
import { ErrorState } from '../../shared/ErrorState';
import { JobActions } from '../../actions/JobActions';
import { JobHeader } from '../JobHeader';
import { useCircleCIPaths } from '../../../navigation';
import { PipelineErrors } from '../../shared/PipelineErrors';
import { Crumb, TabBreadcrumbs } from '../../shared/TabBreadcrumbs';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { ArtifactsSection, SectionProps, StepsSection, TestsSection } from './sections';

/**
 * Props of {@link JobPage}.
 * @internal
 */
export interface JobPageProps {
  /** The job's project. */
  projectSlug: ProjectSlug;
  /** The job's number in its project. */
  jobNumber: number;
  /** The entity's projects; with more than one, links keep the project. */
  slugs: ProjectSlug[];
  /** A slot for actions (rerun, cancel) in the header. */
  actions?: ReactNode;
}

const TABS = [
  { value: 'steps', label: 'job.stepsTab', Section: StepsSection },
  { value: 'tests', label: 'job.testsTab', Section: TestsSection },
  { value: 'artifacts', label: 'job.artifactsTab', Section: ArtifactsSection },
] as const;

type TabValue = (typeof TABS)[number]['value'];

/** The selected tab, kept in the `tab` query parameter so it can be linked. */
function useTab(): [TabValue, (tab: TabValue) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab = TABS.find(t => t.value === raw)?.value ?? 'steps';
  const setTab = (next: TabValue) => {
    const updated = new URLSearchParams(params);
    if (next === 'steps') updated.delete('tab');
    else updated.set('tab', next);
    setParams(updated, { replace: true });
  };
  return [tab, setTab];
}

/**
 * One job: breadcrumbs back to its workflow, its details (status,
 * duration, executor, resource class, parallelism, branch and commit, a
 * link to CircleCI), and tabs with its steps and logs, its test results
 * and its artifacts. Polled while the job runs. Each tab loads and fails
 * on its own, so a failing tests or artifacts request does not take down
 * the job view.
 * @internal
 */
export function JobPage(props: JobPageProps): ReactElement {
  const { projectSlug, jobNumber, slugs, actions } = props;
  const paths = useCircleCIPaths();
  const { t } = useCircleCITranslation();
  const [tab, setTab] = useTab();
  useCircleCISignals({ projectSlugs: [projectSlug] });
  const job = useJob({ projectSlug, jobNumber });
  const j = job.value;
  const pipeline = usePipeline({ pipelineId: j?.pipeline.id });
  const monorepo = slugs.length > 1;
  const p = pipeline.value;

  const title = j
    ? t('job.title', { name: stripControl(j.name), number: String(jobNumber) })
    : t('job.titleUnnamed', { number: String(jobNumber) });
  const crumbs: Crumb[] = [
    {
      label: t('pipelines.title'),
      to: paths.pipelines({ projectSlug: monorepo ? projectSlug.slug : undefined }),
    },
    j
      ? {
          label: t('job.workflowCrumb', { name: stripControl(j.latest_workflow.name) }),
          to: paths.workflow({ workflowId: j.latest_workflow.id }),
        }
      : { label: t('job.workflowCrumbUnnamed') },
    { label: title },
  ];

  if (job.error && !j) {
    return (
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        <TabBreadcrumbs crumbs={crumbs} />
        <ErrorState error={job.error} subject={t('job.subject', { number: String(jobNumber), project: projectSlug.slug })} onRetry={job.refresh} />
      </Box>
    );
  }
  if (!j) return <Progress />;

  const section: SectionProps = { projectSlug, jobNumber, job: j, live: job.live };
  const current = TABS.find(x => x.value === tab) ?? TABS[0];
  const Section = current.Section;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <TabBreadcrumbs crumbs={crumbs} />
      {p && <PipelineErrors pipeline={p} projectSlug={projectSlug} />}
      <InfoCard
        title={title}
        subheader={
          <JobHeader
            job={j}
            pipeline={pipeline.value}
            slug={projectSlug}
            live={job.live}
            updatedAt={job.updatedAt}
            actions={
              <>
                <JobActions job={j} projectSlug={projectSlug} />
                {actions}
              </>
            }
          />
        }
      >
        <Tabs
          value={tab}
          onChange={(_e, value: TabValue) => setTab(value)}
          indicatorColor="primary"
          textColor="primary"
          aria-label={t('job.sections')}
        >
          {TABS.map(x => (
            <Tab
              key={x.value}
              value={x.value}
              label={t(x.label)}
              id={`job-tab-${x.value}`}
              aria-controls={`job-tabpanel-${x.value}`}
            />
          ))}
        </Tabs>
        <Box pt={2} role="tabpanel" id={`job-tabpanel-${tab}`} aria-labelledby={`job-tab-${tab}`}>
          <Section {...section} />
        </Box>
      </InfoCard>
    </Box>
  );
}
