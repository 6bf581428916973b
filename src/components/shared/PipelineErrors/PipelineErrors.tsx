import type { CSSProperties, ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { darken, lighten, makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Link } from '@backstage/core-components';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { circleCIAppLinks } from '../../../domain/links';
import { pipelineErrors } from '../../../domain/pipelineErrors';
import type { PipelineErrorText } from '../../../domain/pipelineErrors';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

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

/** The error red, darkened or lightened until it reaches 4.5:1 on the page and table backgrounds. */
const useStyles = makeStyles(theme => ({
  line: {
    color:
      theme.palette.type === 'dark'
        ? lighten(theme.palette.error.main, 0.4)
        : darken(theme.palette.error.main, 0.2),
  },
}));

function ErrorLines(props: { errors: PipelineErrorText[] }): ReactElement {
  const classes = useStyles();
  const { t, tm } = useCircleCITranslation();
  return (
    <>
      {props.errors.map((error, i) => (
        <Typography
          key={i}
          variant="body2"
          component="div"
          className={classes.line}
          role="listitem"
          title={error.type || undefined}
          style={LINE}
        >
          {t('pipelineErrors.line', { label: <strong>{tm(error.label)}</strong>, message: tm(error.message) })}
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
  const { t } = useCircleCITranslation();
  const errors = pipelineErrors(pipeline);
  if (errors.length === 0) return null;
  const url = circleCIAppLinks.pipeline({ slug: projectSlug, pipelineNumber: pipeline.number });
  const name = t('pipelineErrors.listName', { number: String(pipeline.number) });
  if (variant === 'row') {
    return (
      <div data-testid="pipeline-errors">
        <div role="list" aria-label={name}>
          <ErrorLines errors={errors} />
        </div>
        <Link to={url}>{t('pipelineErrors.openPipeline', { number: String(pipeline.number) })}</Link>
      </div>
    );
  }
  return (
    <Alert severity="error" data-testid="pipeline-errors">
      <AlertTitle>
        {t('pipelineErrors.title', { number: String(pipeline.number), count: errors.length })}
      </AlertTitle>
      <div role="list" aria-label={name}>
        <ErrorLines errors={errors} />
      </div>
      <Link to={url}>{t('pipelineErrors.openPipeline', { number: String(pipeline.number) })}</Link>
    </Alert>
  );
}
