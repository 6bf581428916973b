import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { Breadcrumbs, Link } from '@backstage/core-components';

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
 * Breadcrumbs that lead back from a drill-down view.
 * @internal
 */
export function TabBreadcrumbs(props: TabBreadcrumbsProps): ReactElement {
  return (
    <Breadcrumbs aria-label="breadcrumb">
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
