import { ReactElement, ReactNode, useState } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { JobStep, StepAction } from '@circleci-backstage/plugin-circleci-common';
import { containerStatuses, defaultContainer } from '../../../domain/containers';
import { actionOf, firstFailedStep, stepDuration } from '../../../domain/steps';
import { stripControl } from '../../../domain/text';
import { StatusLabel } from '../../shared/StatusLabel';
import { ContainerSwitcher } from '../ContainerSwitcher';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * What {@link JobStepsProps.renderLog} receives.
 * @internal
 */
export interface StepLogRenderOptions {
  /** The step whose log is rendered. */
  step: JobStep;
  /** The step as it ran on the selected container. */
  action: StepAction;
  /** The index of the selected container. */
  containerIndex: number;
}

/**
 * Props of {@link JobSteps}.
 * @internal
 */
export interface JobStepsProps {
  /** The job's steps, each with its action on every container. */
  steps: JobStep[];
  /** The number of parallel containers of the job. */
  parallelism: number;
  /** The status of each container (the job's `parallel_runs`), when known. */
  containers?: Array<{ index: number; status: string }>;
  /** Renders the log of an opened step; called only while it is expanded. */
  renderLog: (options: StepLogRenderOptions) => ReactNode;
}

function StepRow(props: {
  step: JobStep;
  action: StepAction | undefined;
  expanded: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const { step, action, expanded, onToggle } = props;
  const { t, tm } = useCircleCITranslation();
  const name = stripControl(step.name);
  const id = `step-${action?.step ?? name}`;
  return (
    <Accordion
      expanded={expanded && action !== undefined}
      onChange={onToggle}
      disabled={action === undefined}
      TransitionProps={{ unmountOnExit: true }}
      data-testid="job-step"
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${id}-content`} id={`${id}-header`}>
        <Box display="flex" alignItems="center" width="100%" style={{ gap: 16 }}>
          <Box minWidth={120}>
            <StatusLabel status={action?.status ?? 'not_run'} />
          </Box>
          <Typography variant="body2" style={{ flex: 1, wordBreak: 'break-word' }}>
            {action?.background ? t('steps.nameBackground', { name }) : name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {action ? tm(stepDuration(action)) : ''}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${id}-content`} style={{ display: 'block' }}>
        {expanded && action ? props.children : null}
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The steps of a job, one expandable entry per step with its status and
 * duration on the selected container. Parallel jobs get a container
 * switcher showing each container's status; the first failed container is
 * selected, and its first failed step is expanded on arrival. A step's log
 * is rendered (and so loaded) only while the step is expanded.
 * @public
 */
export function JobSteps(props: JobStepsProps): ReactElement {
  const { steps, parallelism, renderLog } = props;
  const { t } = useCircleCITranslation();
  const statuses = containerStatuses({ steps, parallelism, containers: props.containers });
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const container = chosen ?? defaultContainer(statuses);
  // Steps the user opened or closed, per container; until then the first
  // failed step of the container is open.
  const [opened, setOpened] = useState<Record<number, number[]>>({});
  const openSteps = (c: number): number[] => {
    if (opened[c]) return opened[c];
    const failed = firstFailedStep(steps, c);
    return failed === undefined ? [] : [failed];
  };
  const toggle = (stepNumber: number) => {
    setOpened(prev => {
      const current = prev[container] ?? openSteps(container);
      const next = current.includes(stepNumber)
        ? current.filter(n => n !== stepNumber)
        : [...current, stepNumber];
      return { ...prev, [container]: next };
    });
  };

  if (steps.length === 0) {
    return <Typography variant="body2">{t('steps.none')}</Typography>;
  }
  const open = openSteps(container);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {statuses.length > 1 && (
        <ContainerSwitcher containers={statuses} selected={container} onSelect={setChosen} />
      )}
      <div role="list" aria-label={t('steps.listName', { container: String(container) })}>
        {steps.map((step, i) => {
          const action = actionOf(step, container);
          const stepNumber = action?.step ?? step.actions[0]?.step ?? -1 - i;
          const expanded = open.includes(stepNumber);
          return (
            <div role="listitem" key={`${container}:${stepNumber}:${i}`}>
              <StepRow step={step} action={action} expanded={expanded} onToggle={() => toggle(stepNumber)}>
                {expanded && action ? renderLog({ step, action, containerIndex: container }) : null}
              </StepRow>
            </div>
          );
        })}
      </div>
    </Box>
  );
}
