import type { CSSProperties, ReactElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import LaunchIcon from '@material-ui/icons/Launch';
import { Link } from '@backstage/core-components';
import { describeError } from '../../../domain/errors';
import { circleCIAppLinks } from '../../../domain/links';
import { hasPipelineErrors } from '../../../domain/pipelineErrors';
import { latestWorkflowRuns } from '../../../domain/status';
import { statusText } from '../../../domain/statusLabels';
import { stripControl } from '../../../domain/text';
import { PipelineErrors } from '../../shared/PipelineErrors';
import { StatusLabel } from '../../shared/StatusLabel';
import { WorkflowActions } from '../../actions/WorkflowActions';
import type { PipelineRow, WorkflowLinkOptions } from './types';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

// Static inline styles: this renders inside the memoised table rows.
// A line wraps between its parts (status, name, links and actions), never inside one.
const WORKFLOW_LINE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: 8,
  whiteSpace: 'nowrap',
};

/** Props of {@link WorkflowsCell}. */
export interface WorkflowsCellProps extends WorkflowLinkOptions {
  /** The row whose workflows are shown. */
  row: PipelineRow;
}

function WorkflowList(props: WorkflowsCellProps) {
  const { row, workflowLink } = props;
  const { t, tm } = useCircleCITranslation();
  if (row.workflowsError) {
    return (
      <Typography variant="body2" color="error">
        {t('pipelines.workflowsUnavailable', {
          reason: tm(describeError(row.workflowsError).title),
        })}
      </Typography>
    );
  }
  if (!row.workflows) return <>{t('pipelines.loadingWorkflows')}</>;
  if (row.workflows.length === 0) return <>{t('pipelines.noWorkflows')}</>;
  const { current, earlier } = latestWorkflowRuns(row.workflows);
  return (
    <div>
      {current.map(wf => (
        <div key={wf.id} style={WORKFLOW_LINE}>
          <StatusLabel status={wf.status} />
          <Link to={workflowLink(wf)}>{stripControl(wf.name)}</Link>
          <Tooltip title={t('common.openOnCircleCI')}>
            <Link
              aria-label={t('pipelines.openWorkflowOnCircleCI', { name: stripControl(wf.name) })}
              to={circleCIAppLinks.workflow({
                slug: row.projectSlug,
                pipelineNumber: row.pipeline.number,
                workflowId: wf.id,
              })}
            >
              <LaunchIcon fontSize="inherit" />
            </Link>
          </Tooltip>
          <WorkflowActions workflow={wf} projectSlug={row.projectSlug} compact />
        </div>
      ))}
      {earlier.length > 0 && (
        <Typography variant="caption" component="div">
          {t('pipelines.earlierRuns')}{' '}
          {earlier.map((wf, i) => (
            <span key={wf.id}>
              {i > 0 && ', '}
              <Link to={workflowLink(wf)}>
                {t('pipelines.earlierRun', {
                  name: stripControl(wf.name),
                  status: tm(statusText(wf.status)),
                })}
              </Link>
            </span>
          ))}
        </Typography>
      )}
    </div>
  );
}

/**
 * Why the pipeline failed, when CircleCI says (a config error has no
 * workflows, and "No workflows" would not tell why), then its workflows.
 */
export function WorkflowsCell(props: WorkflowsCellProps): ReactElement {
  const { row } = props;
  if (!hasPipelineErrors(row.pipeline)) return <WorkflowList {...props} />;
  return (
    <>
      <PipelineErrors pipeline={row.pipeline} projectSlug={row.projectSlug} variant="row" />
      {row.workflows?.length === 0 ? null : <WorkflowList {...props} />}
    </>
  );
}
