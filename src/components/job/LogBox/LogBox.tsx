import { ReactElement, useCallback, useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import { LogViewer } from '@backstage/core-components';
import { useLocation } from 'react-router-dom';
import { lineOfHash } from '../../../domain/logLines';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useLogFollow } from '../hooks/useLogFollow';
import { LogViewerColors } from '../LogViewerColors';
import { type LogViewerLabels, repairLogViewerAria } from '../StepLog/repairLogViewerAria';

/** The height of the log box; the log viewer scrolls inside it. */
export const LOG_HEIGHT_PX = 480;

/**
 * Props of {@link LogBox}.
 * @internal
 */
export interface LogBoxProps {
  /** The log's text so far (complete lines; each text extends the last). */
  text: string;
  /** True while the text is still arriving (its first download). */
  streaming: boolean;
  /** True while the step runs: its log grows. */
  live: boolean;
}

/**
 * The core-components LogViewer in a box of fixed height, with its markup
 * repaired (see `repairLogViewerAria`). It follows the end of a growing log
 * only while the reader is at the bottom; once the reader scrolls up or
 * picks a line, "Jump to latest" (under the box) follows it again. A
 * `#line-N` link in the page's URL is scrolled to and selected once that
 * line has arrived.
 * @internal
 */
export function LogBox(props: LogBoxProps): ReactElement {
  const { live, streaming } = props;
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const ref = useCallback((el: HTMLDivElement | null) => setBox(el), []);
  const { t } = useCircleCITranslation();
  const { hash } = useLocation();
  // Read once: later selections rewrite the hash, and are not links to follow.
  const [target] = useState(() => lineOfHash(hash));
  const follow = useLogFollow({ box, text: props.text, streaming, live, target });
  const labels = useMemo<LogViewerLabels>(
    () => ({
      copy: t('stepLog.copyLines'),
      filter: t('stepLog.filterLines'),
      previous: t('stepLog.previousResult'),
      next: t('stepLog.nextResult'),
      line: number => t('stepLog.line', { number }),
    }),
    [t],
  );
  useEffect(() => (box ? repairLogViewerAria(box, labels) : undefined), [box, labels]);
  const jump = () => {
    follow.jumpToLatest();
    // The button goes away: the log keeps the focus.
    box?.focus();
  };
  return (
    <Box display="flex" flexDirection="column" width="100%" style={{ gap: 4 }}>
      <div
        ref={ref}
        tabIndex={-1}
        style={{ height: LOG_HEIGHT_PX, width: '100%', outline: 'none' }}
        data-testid="step-log-viewer"
        data-following={follow.following}
        data-behind={follow.behind}
      >
        {/* Each text extends the last, so the viewer parses only what was appended. */}
        <LogViewerColors>
          <LogViewer text={follow.text} />
        </LogViewerColors>
      </div>
      {!follow.following && (live || follow.behind) && (
        <Box display="flex" justifyContent="center">
          <Button
            size="small"
            variant="contained"
            color="primary"
            disableRipple
            startIcon={<ArrowDownwardIcon />}
            onClick={jump}
            data-testid="step-log-jump"
          >
            {t('stepLog.jumpToLatest')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
