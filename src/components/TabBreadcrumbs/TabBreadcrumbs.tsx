import Typography from '@material-ui/core/Typography';
import { Breadcrumbs, Link } from '@backstage/core-components';

/**
 * One crumb: a link, or plain text for the current view.
 * @public
 */
export interface Crumb {
  label: string;
  to?: string;
}

/**
 * Breadcrumbs that lead back from a drill-down view.
 * @public
 */
export function TabBreadcrumbs(props: { crumbs: Crumb[] }) {
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
