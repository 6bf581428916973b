import { ReactElement, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import ReplayIcon from '@material-ui/icons/Replay';
import type { RerunWorkflowResult } from '@circleci-backstage/plugin-circleci-common';
import type { JobDetails } from '@circleci-backstage/plugin-circleci-common';
import { canCancelJob } from '../../../domain/actions';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stripControl } from '../../../domain/text';
import { afterJobCancel, afterRerun } from '../../../query/actionEffects';
import { useActionsConfig } from '../hooks/useActionsConfig';
import { useCircleCIAction } from '../hooks/useCircleCIAction';
import { useWorkflowJobs } from '../../../hooks/useWorkflowJobs';
import { useCircleCIPaths } from '../../../navigation';
import { ActionError } from '../ActionError';
import { ActionPermissionGate } from '../ActionPermissionGate';
import { ConfirmActionDialog } from '../ConfirmActionDialog';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link JobActions}.
 * @internal
 */
export interface JobActionsProps {
  /** The job acted on. */
  job: JobDetails;
  /** Its project. */
  projectSlug: ProjectSlug;
}

function Controls(props: JobActionsProps): ReactElement {
  const { job, projectSlug } = props;
  const project = projectSlug.slug;
  const workflowId = job.latest_workflow.id;
  const pipelineId = job.pipeline.id;
  const navigate = useNavigate();
  const paths = useCircleCIPaths();
  const { t } = useCircleCITranslation();
  const [confirming, setConfirming] = useState(false);
  // The job details have no job id; the workflow's job list has it (and is
  // usually in the cache already).
  const jobs = useWorkflowJobs({ workflowId });
  const jobId = jobs.value?.find(j => j.job_number === job.number)?.id;

  const rerun = useCircleCIAction<RerunWorkflowResult>({
    action: 'rerun-job',
    project,
    workflow: workflowId,
    run: (api, { entityRef }) => api.rerunWorkflow({ workflowId, jobIds: [jobId!], entityRef }),
    onDone: ({ queryClient }) => afterRerun({ queryClient, pipelineId }),
  });
  const cancel = useCircleCIAction<void>({
    action: 'cancel-job',
    project,
    workflow: workflowId,
    run: (api, { entityRef }) => api.cancelJob({ projectSlug, jobNumber: job.number, entityRef }),
    onDone: ({ queryClient }) =>
      afterJobCancel({ queryClient, projectSlug: project, jobNumber: job.number, workflowId, pipelineId }),
  });

  const newId = rerun.result?.workflowId;
  useEffect(() => {
    if (newId) navigate(paths.workflow({ workflowId: newId }));
  }, [newId, navigate, paths]);

  const busy = rerun.pending || cancel.pending;
  const cancelable = canCancelJob(job);
  const canceling = cancel.done && cancelable;
  const name = stripControl(job.name);
  return (
    <Box display="inline-flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      <ActionPermissionGate action="rerunWorkflow">
        {allowed => (
          <Button
            variant="outlined"
            size="small"
            startIcon={<ReplayIcon />}
            disabled={busy || !jobId || !allowed}
            onClick={rerun.start}
          >
            {rerun.pending ? t('actionButtons.rerunning') : t('actionButtons.rerunJob')}
          </Button>
        )}
      </ActionPermissionGate>
      {cancelable && !canceling && (
        <ActionPermissionGate action="cancelJob">
          {allowed => (
            <Button
              variant="outlined"
              size="small"
              startIcon={<CancelIcon />}
              disabled={busy || !allowed}
              onClick={() => setConfirming(true)}
            >
              {cancel.pending ? t('actionButtons.canceling') : t('actionButtons.cancelJob')}
            </Button>
          )}
        </ActionPermissionGate>
      )}
      {canceling && (
        <Typography variant="body2" role="status">
          {t('actionButtons.canceling')}
        </Typography>
      )}
      {rerun.done && !newId && (
        <Typography variant="body2" role="status">
          {t('actionButtons.rerunJobStarted')}
        </Typography>
      )}
      {rerun.error && (
        <ActionError error={rerun.error} action="rerun-job" project={project} onClose={rerun.reset} />
      )}
      {cancel.error && (
        <ActionError error={cancel.error} action="cancel-job" project={project} onClose={cancel.reset} />
      )}
      <ConfirmActionDialog
        open={confirming}
        title={t('actionButtons.confirmCancelJobTitle', { name })}
        description={t('actionButtons.confirmCancelJobDescription', {
          name,
          number: String(job.number),
          workflow: stripControl(job.latest_workflow.name),
          project,
        })}
        confirmLabel={t('actionButtons.cancelJob')}
        onClose={() => setConfirming(false)}
        onConfirm={cancel.start}
      />
    </Box>
  );
}

/**
 * "Rerun this job" (a new workflow that runs only this job) and "Cancel
 * job" for a running or queued job, which asks first. Renders nothing unless
 * the admin turned actions on; in backend mode each is disabled, saying why,
 * unless the permission framework lets the user operate workflows of the
 * page's entity.
 * @internal
 */
export function JobActions(props: JobActionsProps): ReactElement | null {
  const { enabled } = useActionsConfig();
  return enabled ? <Controls {...props} /> : null;
}
