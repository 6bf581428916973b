import type { CSSProperties, ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Link } from '@backstage/core-components';
import type { Pipeline } from '../../api/types';
import { circleCIAppLinks } from '../../domain/links';
import { pipelineErrors } from '../../domain/pipelineErrors';
import type { PipelineErrorText } from '../../domain/pipelineErrors';
import type { ProjectSlug } from '../../domain/slug';

/**
 * Props of {@link PipelineErrors}.
 * @internal
 */
export interface PipelineErrorsProps {
  /** The pipeline; nothing is shown when it has no errors. */
  pipeline: Pick<Pipeline, 'number' | 'state' | 'errors'>;
  /** The pipeline's project, for the link to app.circleci.com. */
  projectSlug: ProjectSlug;
  /**
   * `row`: compact lines for a table cell; `banner` (the default): an
   * alert for the top of a view.
   */
  variant?: 'row' | 'banner';
}

// Static styles: the row variant renders inside the memoised table rows.
const LINE: CSSProperties = { whiteSpace: 'normal' };

function ErrorLines(props: { errors: PipelineErrorText[] }): ReactElement {
  return (
    <>
      {props.errors.map((error, i) => (
        <Typography
          key={i}
          variant="body2"
          component="div"
          color="error"
          role="listitem"
          title={error.type || undefined}
          style={LINE}
        >
          <strong>{error.label}:</strong> {error.message}
        </Typography>
      ))}
    </>
  );
}

/**
 * Why a pipeline failed, as CircleCI says: each of its `errors` with its
 * type (a config error reads "Config error: …"), and a link to the
 * pipeline on app.circleci.com. Renders nothing for a pipeline without
 * errors.
 * @internal
 */
export function PipelineErrors(props: PipelineErrorsProps): ReactElement | null {
  const { pipeline, projectSlug, variant = 'banner' } = props;
  const errors = pipelineErrors(pipeline);
  if (errors.length === 0) return null;
  const url = circleCIAppLinks.pipeline({ slug: projectSlug, pipelineNumber: pipeline.number });
  const name = `Errors of pipeline #${pipeline.number}`;
  if (variant === 'row') {
    return (
      <div data-testid="pipeline-errors">
        <div role="list" aria-label={name}>
          <ErrorLines errors={errors} />
        </div>
        <Link to={url} aria-label={`Open pipeline #${pipeline.number} on CircleCI`}>
          Open on CircleCI
        </Link>
      </div>
    );
  }
  return (
    <Alert severity="error" data-testid="pipeline-errors">
      <AlertTitle>
        Pipeline #{pipeline.number} has {errors.length === 1 ? 'an error' : `${errors.length} errors`}
      </AlertTitle>
      <div role="list" aria-label={name}>
        <ErrorLines errors={errors} />
      </div>
      <Link to={url}>Open pipeline #{pipeline.number} on CircleCI</Link>
    </Alert>
  );
}
