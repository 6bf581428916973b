import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { canApprove } from '../../../domain/actions';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stripControl } from '../../../domain/text';
import { afterWorkflowChange } from '../../../query/actionEffects';
import { useActionsConfig } from '../hooks/useActionsConfig';
import { useCircleCIAction } from '../hooks/useCircleCIAction';
import { ActionError } from '../ActionError';
import { ActionPermissionGate } from '../ActionPermissionGate';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ApproveButton}.
 * @internal
 */
export interface ApproveButtonProps {
  /** The approval job. */
  job: WorkflowJob;
  /** The workflow it belongs to. */
  workflowId: string;
  /** The workflow's pipeline. */
  pipelineId: string;
  /** The project. */
  projectSlug: ProjectSlug;
}

function Approve(props: ApproveButtonProps): ReactElement {
  const { job, workflowId, pipelineId, projectSlug } = props;
  const project = projectSlug.slug;
  const { t } = useCircleCITranslation();
  const approve = useCircleCIAction<void>({
    action: 'approve-job',
    project,
    workflow: workflowId,
    run: (api, { entityRef }) =>
      api.approveJob({ workflowId, approvalRequestId: job.approval_request_id!, entityRef }),
    // The workflow and its jobs are re-read; while the released jobs run,
    // the job list keeps polling itself.
    onDone: ({ queryClient }) => afterWorkflowChange({ queryClient, workflowId, pipelineId }),
  });
  let label: string = t('actionButtons.approve');
  if (approve.pending) label = t('actionButtons.approving');
  else if (approve.done) label = t('actionButtons.approved');
  return (
    <Box mt={1}>
      <ActionPermissionGate action="approveJob">
        {allowed => (
          <Button
            variant="contained"
            color="primary"
            size="small"
            aria-label={t('actionButtons.approveJob', { name: stripControl(job.name) })}
            disabled={approve.pending || approve.done || !allowed}
            onClick={approve.start}
          >
            {label}
          </Button>
        )}
      </ActionPermissionGate>
      {approve.error && (
        <Box mt={1}>
          <ActionError error={approve.error} action="approve-job" project={project} onClose={approve.reset} />
        </Box>
      )}
    </Box>
  );
}

/**
 * "Approve" on an approval job that waits. Renders nothing for other jobs,
 * or unless the admin turned approvals on (`circleci.actions.approve`,
 * which follows `circleci.actions.enabled`). In backend mode it is disabled,
 * saying why, unless the permission framework lets the user approve jobs of
 * the page's entity.
 * @internal
 */
export function ApproveButton(props: ApproveButtonProps): ReactElement | null {
  const { approve } = useActionsConfig();
  return approve && canApprove(props.job) ? <Approve {...props} /> : null;
}
