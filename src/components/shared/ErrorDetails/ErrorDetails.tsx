import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ErrorDetails}.
 * @internal
 */
export interface ErrorDetailsProps {
  /** The technical detail, as the parser or the server gave it (untranslated). */
  detail?: string;
}

/**
 * The technical detail of a failure behind a closed "Details" disclosure,
 * as core-components' `ResponseErrorPanel` does: the sentence above it
 * says what happened; this is for whoever reports or debugs it.
 * @internal
 */
export function ErrorDetails(props: ErrorDetailsProps): ReactElement | null {
  const { t } = useCircleCITranslation();
  if (!props.detail) return null;
  return (
    <details data-testid="error-details">
      <summary>
        <Typography variant="body2" component="span">
          {t('common.details')}
        </Typography>
      </summary>
      <Typography variant="body2" component="pre" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {props.detail}
      </Typography>
    </details>
  );
}
