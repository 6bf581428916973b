import type { CSSProperties, ReactElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import LaunchIcon from '@material-ui/icons/Launch';
import { Link } from '@backstage/core-components';
import { describeError } from '../../domain/errors';
import { circleCIAppLinks } from '../../domain/links';
import { hasPipelineErrors } from '../../domain/pipelineErrors';
import { latestWorkflowRuns } from '../../domain/status';
import { statusText } from '../../domain/statusLabels';
import { stripControl } from '../../domain/text';
import { PipelineErrors } from '../PipelineErrors';
import { StatusLabel } from '../StatusLabel';
import { WorkflowActions } from '../WorkflowActions';
import type { PipelineRow, WorkflowLinkOptions } from './types';

// Static inline styles: this renders inside the memoised table rows.
const WORKFLOW_LINE: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' };

/** Props of {@link WorkflowsCell}. */
export interface WorkflowsCellProps extends WorkflowLinkOptions {
  /** The row whose workflows are shown. */
  row: PipelineRow;
}

function WorkflowList(props: WorkflowsCellProps) {
  const { row, workflowLink } = props;
  if (row.workflowsError) {
    return (
      <Typography variant="body2" color="error">
        Workflows unavailable: {describeError(row.workflowsError).title}
      </Typography>
    );
  }
  if (!row.workflows) return <>Loading workflows…</>;
  if (row.workflows.length === 0) return <>No workflows</>;
  const { current, earlier } = latestWorkflowRuns(row.workflows);
  return (
    <div>
      {current.map(wf => (
        <div key={wf.id} style={WORKFLOW_LINE}>
          <StatusLabel status={wf.status} />
          <Link to={workflowLink(wf)}>{stripControl(wf.name)}</Link>
          <Tooltip title="Open on CircleCI">
            <Link
              aria-label={`Open workflow ${stripControl(wf.name)} on CircleCI`}
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
          Earlier runs:{' '}
          {earlier.map((wf, i) => (
            <span key={wf.id}>
              {i > 0 && ', '}
              <Link to={workflowLink(wf)}>
                {stripControl(wf.name)} ({statusText(wf.status)})
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
