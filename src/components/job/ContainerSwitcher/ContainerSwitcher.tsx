import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { containerLabel } from '../../../domain/containers';
import type { ContainerStatus } from '../../../domain/containers';
import { StatusLabel } from '../../shared/StatusLabel';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ContainerSwitcher}.
 * @internal
 */
export interface ContainerSwitcherProps {
  /** Every container of the job, with its status. */
  containers: ContainerStatus[];
  /** The index of the selected container. */
  selected: number;
  /** Called with the index of the container the user chose. */
  onSelect: (index: number) => void;
}

/**
 * Buttons to choose one of a job's parallel containers, each showing the
 * container's status. Wraps onto several lines for many (16+) containers.
 * @internal
 */
export function ContainerSwitcher(props: ContainerSwitcherProps): ReactElement {
  const { containers, selected, onSelect } = props;
  const { t, tm } = useCircleCITranslation();
  return (
    <Box>
      <Typography variant="overline" component="div">
        {t('common.containers')}
      </Typography>
      <Box display="flex" flexWrap="wrap" role="group" aria-label={t('common.containers')} style={{ gap: 4 }}>
        {containers.map(c => {
          const isSelected = c.index === selected;
          return (
            <Button
              key={c.index}
              size="small"
              variant={isSelected ? 'contained' : 'outlined'}
              color={isSelected ? 'primary' : 'default'}
              aria-pressed={isSelected}
              aria-label={tm(containerLabel(c))}
              onClick={() => onSelect(c.index)}
              style={{ textTransform: 'none', minWidth: 64 }}
            >
              <StatusLabel status={c.status}>{c.index}</StatusLabel>
            </Button>
          );
        })}
      </Box>
    </Box>
  );
}
