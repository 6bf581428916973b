import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { safeHttpUrl } from '../../domain/links';
import type { Artifact } from '../../api/types';
import { groupArtifacts } from '../../domain/artifacts';
import { stripControl } from '../../domain/text';

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
  return (
    <ListItem dense disableGutters data-testid="artifact">
      {url ? (
        <Link to={url}>{path}</Link>
      ) : (
        <Typography variant="body2">
          {path}{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            (no link: not an http(s) URL)
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
  if (artifacts.length === 0) {
    return (
      <Typography variant="body2" data-testid="no-artifacts">
        This job has no artifacts. Jobs upload artifacts with the <code>store_artifacts</code> step.
      </Typography>
    );
  }
  const groups = groupArtifacts(artifacts);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {truncated && (
        <Typography variant="caption" color="textSecondary">
          Only the first {artifacts.length} artifacts are shown.
        </Typography>
      )}
      {groups.map(group => (
        <section key={group.node} aria-label={`Container ${group.node}`} data-testid="artifact-group">
          <Typography variant="subtitle2" component="h3">
            Container {group.node} ({group.items.length})
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
