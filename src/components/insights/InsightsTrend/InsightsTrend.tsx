import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import RemoveIcon from '@material-ui/icons/Remove';
import { type TrendMetric, trendOf } from '../../../domain/insights';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { VisuallyHidden } from '../../shared/VisuallyHidden';

/**
 * Good news in the theme's success colour, bad news in its error colour,
 * neither in the secondary text colour. The direction is also told by an
 * arrow and by text (visually hidden), never by colour alone.
 */
const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' },
  good: { color: theme.palette.type === 'light' ? '#1b5e20' : theme.palette.success.light },
  // Dark: red 200, as error.light (red 300) is below 4.5:1 on the dark paper.
  bad: { color: theme.palette.type === 'light' ? '#b71c1c' : '#ef9a9a' },
  neutral: { color: theme.palette.text.secondary },
  icon: { fontSize: '1rem' },
}));

/**
 * Props of {@link InsightsTrend}.
 * @internal
 */
export interface InsightsTrendProps {
  /** Which figure the trend is about (tells whether up is good). */
  metric: TrendMetric;
  /** The change against the previous window as a ratio; nothing is shown without one. */
  ratio?: number | null;
}

/**
 * A trend against the previous window: an up or down arrow and the signed
 * change, coloured by whether it is good news (a rising duration is bad,
 * a rising success rate good), with the same said in text.
 * @internal
 */
export function InsightsTrend(props: InsightsTrendProps): ReactElement | null {
  const classes = useStyles();
  const { t } = useCircleCITranslation();
  const trend = trendOf({ metric: props.metric, ratio: props.ratio });
  if (!trend) return null;
  const { direction, verdict, change, textKey } = trend;
  const label = t(`insights.${textKey}`, { change });
  const Icon = { up: ArrowUpwardIcon, down: ArrowDownwardIcon, flat: RemoveIcon }[direction];
  return (
    <Typography
      component="span"
      variant="caption"
      className={`${classes.root} ${classes[verdict]}`}
      data-trend={`${direction}-${verdict}`}
      title={label}
    >
      <Icon className={classes.icon} aria-hidden />
      <span aria-hidden>{change}</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Typography>
  );
}
