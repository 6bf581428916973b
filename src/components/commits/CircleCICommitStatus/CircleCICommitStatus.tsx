import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { shortRevision } from '@circleci-backstage/plugin-circleci-common';
import { describeError } from '../../../domain/errors';
import {
  CircleCICommitStatusOptions,
  useCircleCICommitStatus,
} from '../hooks/useCircleCICommitStatus';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { StatusLabel } from '../../shared/StatusLabel';

/**
 * Props of {@link CircleCICommitStatus}: the commit, and optionally its
 * project (otherwise the projects of the entity in context).
 * @public
 */
export type CircleCICommitStatusProps = CircleCICommitStatusOptions;

/**
 * The combined CircleCI status of one commit's builds, linked to the
 * commit's view in the entity's CircleCI tab where that tab is mounted. A
 * deploy or release page can show it next to a deploy. See
 * {@link useCircleCICommitStatus} for what it requests.
 * @public
 */
export function CircleCICommitStatus(props: CircleCICommitStatusProps): ReactElement {
  const { t, tm } = useCircleCITranslation();
  const state = useCircleCICommitStatus(props);
  let body: ReactElement;
  if (state.error) {
    body = <>{t('commitStatus.unavailable', { reason: tm(describeError(state.error).title) })}</>;
  } else if (state.loading) {
    body = <>{t('commitStatus.searching')}</>;
  } else if (!state.status) {
    body = <>{t('commitStatus.none', { count: state.pipelinesScanned })}</>;
  } else {
    body = (
      <>
        <StatusLabel status={state.status} />
        {state.pipelineCount > 1 ? ` · ${t('commitStatus.builds', { count: state.pipelineCount })}` : ''}
      </>
    );
  }
  return (
    <Typography variant="body2" component="span" data-testid="circleci-commit-status">
      {state.link ? (
        <Link to={state.link} title={t('commitStatus.open', { sha: shortRevision(props.sha) })}>
          {body}
        </Link>
      ) : (
        body
      )}
    </Typography>
  );
}
