import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Breadcrumbs, Link } from '@backstage/core-components';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * One crumb: a link, or plain text for the current view.
 * @internal
 */
export interface Crumb {
  /** The crumb's text. */
  label: string;
  /** Where it leads; plain text without. */
  to?: string;
}

/**
 * Props of {@link TabBreadcrumbs}.
 * @internal
 */
export interface TabBreadcrumbsProps {
  /** The crumbs, from the tab's start to the current view. */
  crumbs: Crumb[];
}

/**
 * The core-components breadcrumbs draw their links in the secondary text
 * colour, which is 4.47:1 on the light page background (4.5:1 is needed):
 * a darker grey in the light theme, the secondary text colour otherwise.
 */
const useStyles = makeStyles(theme => ({
  root: {
    '&&': {
      color: theme.palette.type === 'light' ? theme.palette.grey[700] : theme.palette.text.secondary,
    },
  },
}));

/**
 * Breadcrumbs that lead back from a drill-down view.
 * @internal
 */
export function TabBreadcrumbs(props: TabBreadcrumbsProps): ReactElement {
  const classes = useStyles();
  const { t } = useCircleCITranslation();
  return (
    <Breadcrumbs aria-label={t('common.breadcrumb')} className={classes.root}>
      {props.crumbs.map((c, i) =>
        c.to ? (
          <Link key={i} to={c.to}>
            {c.label}
          </Link>
        ) : (
          <Typography key={i} color="textPrimary">
            {c.label}
          </Typography>
        ),
      )}
    </Breadcrumbs>
  );
}
