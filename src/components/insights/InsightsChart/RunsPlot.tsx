/*
 * The recharts part of the chart. Only InsightsChart imports it, with a
 * dynamic import, so recharts is in the insights chunk alone.
 */
import { ReactElement } from 'react';
import { useTheme } from '@material-ui/core/styles';
import { CartesianGrid, Cell, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunPoint } from '../../../domain/insightsRuns';

/** Props of {@link RunsPlot}. */
export interface RunsPlotProps {
  /** The runs to plot. */
  points: RunPoint[];
  /** Opens a run. */
  onOpen: (point: RunPoint) => void;
  /** Axis labels. */
  labels: { duration: string };
}

const tick = (ms: number): string =>
  new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit' }).format(ms);

/** Duration over time, one point per run, coloured by its status. */
export default function RunsPlot(props: RunsPlotProps): ReactElement {
  const { points, onOpen, labels } = props;
  const theme = useTheme();
  const colour = {
    success: theme.palette.success.main,
    failed: theme.palette.error.main,
    other: theme.palette.grey[500],
  };
  return (
    <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 640, height: 220 }}>
      {/* Hidden from assistive technology (the table beside it is the accessible form), so not focusable either. */}
      {/* The right margin holds half of the last time label; the axis padding keeps the first and last points whole. */}
      <ScatterChart margin={{ top: 8, right: 40, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickFormatter={tick}
          scale="time"
          padding={{ left: 8, right: 8 }}
        />
        <YAxis dataKey="minutes" type="number" unit=" min" name={labels.duration} />
        <Tooltip labelFormatter={() => ''} formatter={(v: unknown) => [`${v} min`, labels.duration]} />
        <Scatter
          data={points}
          cursor="pointer"
          onClick={(entry: { payload?: RunPoint }) => entry.payload && onOpen(entry.payload)}
          isAnimationActive={false}
        >
          {points.map(p => (
            <Cell key={p.id} fill={colour[p.group]} />
          ))}
        </Scatter>
      </ScatterChart>
    </ResponsiveContainer>
  );
}
