import { ReactElement, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import ArrowDropDownIcon from '@material-ui/icons/ArrowDropDown';
import CancelIcon from '@material-ui/icons/Cancel';
import ReplayIcon from '@material-ui/icons/Replay';
import type { RerunWorkflowResult } from '@circleci-backstage/plugin-circleci-common';
import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import {
  canCancelWorkflow,
  canRerunFromFailed,
  rerunNeedsConfirmation,
  type CircleCIAction,
} from '../../../domain/actions';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stripControl } from '../../../domain/text';
import { afterRerun, afterWorkflowChange } from '../../../query/actionEffects';
import { useActionsConfig } from '../hooks/useActionsConfig';
import { useCircleCIAction } from '../hooks/useCircleCIAction';
import { useCircleCIPaths } from '../../../navigation';
import { ActionError } from '../ActionError';
import { ActionPermissionGate } from '../ActionPermissionGate';
import { ConfirmActionDialog } from '../ConfirmActionDialog';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link WorkflowActions}.
 * @internal
 */
export interface WorkflowActionsProps {
  /** The workflow acted on. */
  workflow: Workflow;
  /** Its project. */
  projectSlug: ProjectSlug;
  /**
   * Small icon buttons for a row of the pipelines list, which shows the
   * new run itself; otherwise header buttons, and a rerun opens the new
   * workflow.
   */
  compact?: boolean;
}

type Pending = { kind: 'rerun'; fromFailed: boolean } | { kind: 'cancel' };

function Controls(props: WorkflowActionsProps): ReactElement {
  const { workflow: wf, projectSlug, compact = false } = props;
  const navigate = useNavigate();
  const paths = useCircleCIPaths();
  const { t } = useCircleCITranslation();
  const name = stripControl(wf.name);
  const project = projectSlug.slug;
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [confirm, setConfirm] = useState<Pending | undefined>();
  const [rerunAsked, setRerunAsked] = useState(false);
  const fromFailed = useRef(false);

  const rerun = useCircleCIAction<RerunWorkflowResult>({
    action: 'rerun-workflow',
    project,
    workflow: wf.id,
    run: (api, { entityRef }) => api.rerunWorkflow({ workflowId: wf.id, fromFailed: fromFailed.current, entityRef }),
    onDone: ({ queryClient }) => afterRerun({ queryClient, pipelineId: wf.pipeline_id }),
  });
  const cancel = useCircleCIAction<void>({
    action: 'cancel-workflow',
    project,
    workflow: wf.id,
    run: (api, { entityRef }) => api.cancelWorkflow({ workflowId: wf.id, entityRef }),
    onDone: ({ queryClient }) =>
      afterWorkflowChange({ queryClient, workflowId: wf.id, pipelineId: wf.pipeline_id }),
  });

  // A rerun with the new workflow's id opens it (header only); without one
  // (older CircleCI answers "Accepted.") the lists refresh instead.
  const newId = rerun.result?.workflowId;
  useEffect(() => {
    if (!compact && newId) navigate(paths.workflow({ workflowId: newId }));
  }, [compact, newId, navigate, paths]);

  const busy = rerun.pending || cancel.pending;
  const cancelable = canCancelWorkflow(wf);
  const canceling = cancel.done && cancelable;
  const send = (p: Pending) => {
    if (p.kind === 'cancel') cancel.start();
    else {
      fromFailed.current = p.fromFailed;
      setRerunAsked(p.fromFailed);
      rerun.start();
    }
  };
  const ask = (p: Pending) => {
    setMenu(null);
    if (busy) return;
    const needsConfirm = p.kind === 'cancel' || (!p.fromFailed && rerunNeedsConfirmation(wf));
    if (needsConfirm) setConfirm(p);
    else send(p);
  };
  const rerunAction: CircleCIAction = rerunAsked ? 'rerun-workflow-from-failed' : 'rerun-workflow';

  const rerunButton = (
    <ActionPermissionGate action="rerunWorkflow" title={compact ? t('actionButtons.rerun') : undefined}>
      {allowed =>
        compact ? (
          <IconButton
            size="small"
            aria-label={t('actionButtons.rerunWorkflow', { name })}
            aria-haspopup="menu"
            disabled={busy || !allowed}
            onClick={e => setMenu(e.currentTarget)}
          >
            <ReplayIcon fontSize="small" />
          </IconButton>
        ) : (
          <Button
            variant="outlined"
            size="small"
            aria-haspopup="menu"
            disabled={busy || !allowed}
            startIcon={<ReplayIcon />}
            endIcon={<ArrowDropDownIcon />}
            onClick={e => setMenu(e.currentTarget)}
          >
            {rerun.pending ? t('actionButtons.rerunning') : t('actionButtons.rerun')}
          </Button>
        )
      }
    </ActionPermissionGate>
  );
  const cancelButton = cancelable && !canceling && (
    <ActionPermissionGate action="cancelWorkflow" title={compact ? t('actionButtons.cancel') : undefined}>
      {allowed =>
        compact ? (
          <IconButton
            size="small"
            aria-label={t('actionButtons.cancelWorkflow', { name })}
            disabled={busy || !allowed}
            onClick={() => ask({ kind: 'cancel' })}
          >
            <CancelIcon fontSize="small" />
          </IconButton>
        ) : (
          <Button
            variant="outlined"
            size="small"
            disabled={busy || !allowed}
            startIcon={<CancelIcon />}
            onClick={() => ask({ kind: 'cancel' })}
          >
            {cancel.pending ? t('actionButtons.canceling') : t('actionButtons.cancel')}
          </Button>
        )
      }
    </ActionPermissionGate>
  );

  const confirmation =
    confirm?.kind === 'cancel'
      ? {
          title: t('actionButtons.confirmCancelWorkflowTitle', { name }),
          description: t('actionButtons.confirmCancelWorkflowDescription', { name, project }),
          confirmLabel: t('actionButtons.confirmCancelWorkflowLabel'),
        }
      : {
          title: t('actionButtons.confirmRerunTitle', { name }),
          description: t('actionButtons.confirmRerunDescription', { name, project }),
          confirmLabel: t('actionButtons.rerunFromStart'),
        };

  return (
    <Box display="inline-flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      {rerunButton}
      <Menu anchorEl={menu} keepMounted={false} open={Boolean(menu)} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => ask({ kind: 'rerun', fromFailed: false })}>
          {t('actionButtons.rerunFromStart')}
        </MenuItem>
        {canRerunFromFailed(wf) && (
          <MenuItem onClick={() => ask({ kind: 'rerun', fromFailed: true })}>
            {t('actionButtons.rerunFromFailed')}
          </MenuItem>
        )}
      </Menu>
      {cancelButton}
      {canceling && (
        <Typography variant="body2" role="status">
          {t('actionButtons.canceling')}
        </Typography>
      )}
      {rerun.done && !newId && (
        <Typography variant="body2" role="status">
          {t('actionButtons.rerunStartedUnder', { number: String(wf.pipeline_number) })}
        </Typography>
      )}
      {rerun.error && (
        <ActionError error={rerun.error} action={rerunAction} project={project} onClose={rerun.reset} />
      )}
      {cancel.error && (
        <ActionError error={cancel.error} action="cancel-workflow" project={project} onClose={cancel.reset} />
      )}
      <ConfirmActionDialog
        open={Boolean(confirm)}
        {...confirmation}
        onClose={() => setConfirm(undefined)}
        onConfirm={() => confirm && send(confirm)}
      />
    </Box>
  );
}

/**
 * Rerun (from start, or from failed when something failed) and cancel (for
 * running or waiting work) of one workflow. Cancel, and a rerun from the
 * start of running work, ask first. Renders nothing unless the admin turned
 * actions on (`circleci.actions.enabled`); in backend mode each control is
 * disabled, saying why, unless the permission framework lets the user
 * operate workflows of the page's entity.
 * @internal
 */
export function WorkflowActions(props: WorkflowActionsProps): ReactElement | null {
  const { enabled } = useActionsConfig();
  return enabled ? <Controls {...props} /> : null;
}
