import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { safeHttpUrl } from '../../../domain/links';
import type { Artifact } from '@circleci-backstage/plugin-circleci-common';
import { groupArtifacts } from '../../../domain/artifacts';
import { stripControl } from '../../../domain/text';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link JobArtifacts}.
 * @internal
 */
export interface JobArtifactsProps {
  /** The job's artifacts, as loaded. */
  artifacts: Artifact[];
  /** True when CircleCI had more artifacts than were loaded. */
  truncated?: boolean;
}

function ArtifactItem(props: { artifact: Artifact }) {
  const path = stripControl(props.artifact.path);
  const url = safeHttpUrl(props.artifact.url);
  const { t } = useCircleCITranslation();
  return (
    <ListItem dense disableGutters data-testid="artifact">
      {url ? (
        <Link to={url}>{path}</Link>
      ) : (
        <Typography variant="body2">
          {path}{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            {t('artifacts.noLink')}
          </Typography>
        </Typography>
      )}
    </ListItem>
  );
}

/**
 * The artifacts of a job grouped by container, each with its path. Only
 * `http:` and `https:` URLs become links; anything else is shown as text.
 * @internal
 */
export function JobArtifacts(props: JobArtifactsProps): ReactElement {
  const { artifacts, truncated } = props;
  const { t } = useCircleCITranslation();
  if (artifacts.length === 0) {
    return (
      <Typography variant="body2" data-testid="no-artifacts">
        {t('artifacts.none', { step: <code>store_artifacts</code> })}
      </Typography>
    );
  }
  const groups = groupArtifacts(artifacts);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {truncated && (
        <Typography variant="caption" color="textSecondary">
          {t('artifacts.truncated', { count: artifacts.length })}
        </Typography>
      )}
      {groups.map(group => (
        <section key={group.node} aria-label={t('artifacts.container', { node: String(group.node) })} data-testid="artifact-group">
          <Typography variant="subtitle2" component="h3">
            {t('artifacts.containerCount', { node: String(group.node), count: group.items.length })}
          </Typography>
          <List dense disablePadding>
            {group.items.map((artifact, i) => (
              <ArtifactItem key={`${artifact.path}:${i}`} artifact={artifact} />
            ))}
          </List>
        </section>
      ))}
    </Box>
  );
}
