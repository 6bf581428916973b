
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { CircleCIStatus, normalizeStatus } from '../../domain/status';
import type { JobStep } from '../../api/types';
import { StatusLabel } from '../StatusLabel';

/**
 * One parallel container and its status.
 * @public
 */
export interface ContainerStatus {
  index: number;
  /** A CircleCI status string. */
  status: string;
}

/**
 * Props of {@link ContainerSwitcher}.
 * @public
 */
export interface ContainerSwitcherProps {
  containers: ContainerStatus[];
  /** The index of the selected container. */
  selected: number;
  onSelect: (index: number) => void;
}

const SEVERITY: CircleCIStatus[] = ['failed', 'running', 'canceled', 'queued', 'success'];

/**
 * The status of every container of a job: from the job's `parallel_runs`
 * when given, otherwise derived from the steps' actions (a failed action
 * fails its container, a running one keeps it running).
 * @public
 */
export function containerStatuses(options: {
  steps: JobStep[];
  parallelism: number;
  containers?: ContainerStatus[];
}): ContainerStatus[] {
  const { steps, containers } = options;
  const count = Math.max(1, options.parallelism, ...(containers ?? []).map(c => c.index + 1));
  return Array.from({ length: count }, (_, index) => {
    const known = containers?.find(c => c.index === index);
    if (known) return known;
    const seen = new Set(
      steps.flatMap(s => s.actions.filter(a => a.index === index).map(a => normalizeStatus(a.status))),
    );
    return { index, status: SEVERITY.find(s => seen.has(s)) ?? 'unknown' };
  });
}

/**
 * Buttons to choose one of a job's parallel containers, each showing the
 * container's status. Wraps onto several lines for many (16+) containers.
 * @public
 */
export function ContainerSwitcher(props: ContainerSwitcherProps) {
  const { containers, selected, onSelect } = props;
  return (
    <Box>
      <Typography variant="overline" component="div">
        Containers
      </Typography>
      <Box display="flex" flexWrap="wrap" role="group" aria-label="Containers" style={{ gap: 4 }}>
        {containers.map(c => {
          const status = normalizeStatus(c.status);
          const isSelected = c.index === selected;
          return (
            <Button
              key={c.index}
              size="small"
              variant={isSelected ? 'contained' : 'outlined'}
              color={isSelected ? 'primary' : 'default'}
              aria-pressed={isSelected}
              aria-label={`Container ${c.index}: ${status === 'unknown' ? c.status : status.replace('_', ' ')}`}
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
