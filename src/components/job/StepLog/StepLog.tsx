import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Link, LogViewer, Progress } from '@backstage/core-components';
import { describeError } from '../../../domain/errors';
import { safeHttpUrl } from '../../../domain/links';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stepLogFilename } from '../../../domain/steps';
import { useStepOutput } from '../hooks/useStepOutput';
import { downloadText } from './downloadText';
import { LogBox } from '../LogBox';
import { ErrorState } from '../../shared/ErrorState';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** The height of the log box; the log viewer scrolls inside it. */
export { LOG_HEIGHT_PX } from '../LogBox';

/**
 * Props of {@link StepLog}.
 * @internal
 */
export interface StepLogProps {
  /** The job's project. */
  projectSlug: string | ProjectSlug;
  /** The job's number in its project. */
  jobNumber: number;
  /** The parallel container whose log is shown. */
  containerIndex: number;
  /** The step's number (`step` of its action). */
  stepNumber: number;
  /** The step is running: its log is re-read about every 10 s. */
  live?: boolean;
  /** False when CircleCI says the step has no output; nothing is loaded then. */
  hasOutput?: boolean;
  /** The job on app.circleci.com, offered when the log cannot be loaded. */
  jobUrl?: string;
}

function OpenOnCircleCI(props: { jobUrl?: string }) {
  const url = safeHttpUrl(props.jobUrl);
  const { t } = useCircleCITranslation();
  if (!url) return null;
  return (
    <Typography variant="body2">
      {t('stepLog.maybeOnCircleCI', { link: <Link to={url}>{t('stepLog.openJob')}</Link> })}
    </Typography>
  );
}

function LogError(props: { error: Error; jobUrl?: string; onRetry: () => void }) {
  const { error, jobUrl, onRetry } = props;
  const { t } = useCircleCITranslation();
  const subject = t('stepLog.subject');
  const description = describeError(error, { subject });
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }} data-testid="step-log-error">
      {description.kind === 'not-found' ? (
        <Typography variant="body2" role="alert">
          {t('stepLog.notFound')}
        </Typography>
      ) : (
        <ErrorState error={error} subject={subject} onRetry={onRetry} />
      )}
      <OpenOnCircleCI jobUrl={jobUrl} />
    </Box>
  );
}

/**
 * An empty, hidden `LogViewer`, rendered while the request for the log is
 * in flight (the main thread is idle then): it makes React load the
 * viewer's lazy code, which would otherwise only start loading once the
 * first lines have arrived. It sits outside the log box and shows nothing.
 */
function PreloadLogViewer() {
  return (
    <Box display="none" aria-hidden="true">
      <LogViewer text="" />
    </Box>
  );
}

/**
 * The log of one step on one container: loaded when rendered (so render it
 * only for an opened step), re-read while the step runs, shown in
 * Backstage's virtualised `LogViewer` (ANSI colours, search, `#line-N`
 * links) in a box of fixed height (see `LogBox`: it follows a running
 * step's log only while the reader is at the bottom, and scrolls to the
 * line the URL links to), with a button that downloads the raw text. Only
 * SGR colour codes reach the viewer. A long log is shown while it downloads (its complete lines so far, with a hint that the rest is
 * loading; the download button waits for the whole text). When the log
 * cannot be loaded, says so and links to the job on app.circleci.com.
 * @internal
 */
export function StepLog(props: StepLogProps): ReactElement {
  const { projectSlug, jobNumber, containerIndex, stepNumber, jobUrl } = props;
  const live = props.live ?? false;
  const enabled = props.hasOutput !== false;
  const output = useStepOutput({
    projectSlug,
    jobNumber,
    containerIndex,
    stepNumber,
    enabled,
    live,
  });
  const { t, tm } = useCircleCITranslation();

  if (!enabled) {
    return <Typography variant="body2">{t('stepLog.noOutput')}</Typography>;
  }
  if (output.error && !output.value) {
    return <LogError error={output.error} jobUrl={jobUrl} onRetry={output.refresh} />;
  }
  if (!output.value) {
    return (
      <>
        <Progress />
        <PreloadLogViewer />
      </>
    );
  }
  const { raw, text } = output.value;
  if (raw === '') {
    return (
      <Typography variant="body2">
        {live ? t('stepLog.noOutputYet') : t('stepLog.noOutput')}
      </Typography>
    );
  }
  const filename = stepLogFilename({ jobNumber, stepNumber, containerIndex });
  return (
    <Box display="flex" flexDirection="column" width="100%" style={{ gap: 8 }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        {/* No ripple: MUI v4's ButtonBase can crash (a null ripple ref) when it
            gets keyboard focus right after it mounts, which React 18 makes
            possible here; the focus outline still shows. */}
        <Button
          size="small"
          disableRipple
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={() => downloadText({ text: raw, filename })}
          aria-label={t('stepLog.downloadAs', { filename })}
          disabled={output.streaming}
        >
          {t('stepLog.download')}
        </Button>
        {output.streaming && (
          <Typography
            variant="caption"
            color="textSecondary"
            role="status"
            data-testid="step-log-streaming"
          >
            {t('stepLog.loadingRest')}
          </Typography>
        )}
        {output.error && (
          <Typography variant="caption" color="error" role="status">
            {t('stepLog.refreshFailed', { reason: tm(describeError(output.error).title) })}
          </Typography>
        )}
      </Box>
      <LogBox text={text} streaming={output.streaming} live={live} />
    </Box>
  );
}
