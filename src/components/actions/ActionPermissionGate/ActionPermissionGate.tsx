import { ReactElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import type { ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { useActionPermission } from '../hooks/useActionPermission';
import { useCircleCIBackendMode } from '../hooks/useCircleCIBackendMode';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ActionPermissionGate}.
 * @internal
 */
export interface ActionPermissionGateProps {
  /** The action the control sends: it decides the permission asked. */
  action: ActionEndpointName;
  /** The control's own tooltip (e.g. of an icon button), shown while nothing says otherwise. */
  title?: string;
  /** Renders the control; `allowed` false renders it disabled. */
  children: (allowed: boolean) => ReactElement;
}

function WithTooltip(props: { title?: string; children: ReactElement }): ReactElement {
  if (!props.title) return props.children;
  // The span lets a disabled button show its tooltip.
  return (
    <Tooltip title={props.title}>
      <span>{props.children}</span>
    </Tooltip>
  );
}

function Asked(props: ActionPermissionGateProps): ReactElement {
  const { tm } = useCircleCITranslation();
  const permission = useActionPermission({ action: props.action });
  // While the answer loads: disabled, with the control's own tooltip only.
  const title = permission.state === 'denied' ? tm(permission.reason) : props.title;
  return <WithTooltip title={title}>{props.children(permission.state === 'allowed')}</WithTooltip>;
}

/**
 * One action control, asked of the permission framework before it can be
 * used: enabled when the user may do the action on the page's entity,
 * disabled while the answer loads, and disabled with a tooltip that says why
 * when they may not, so a click never meets a 403. Only in backend mode
 * (`circleci.backend.enabled`): in proxy mode no server would enforce the
 * answer, so the control is rendered as it is, enabled.
 * @internal
 */
export function ActionPermissionGate(props: ActionPermissionGateProps): ReactElement {
  const backend = useCircleCIBackendMode();
  if (backend) return <Asked {...props} />;
  return <WithTooltip title={props.title}>{props.children(true)}</WithTooltip>;
}
