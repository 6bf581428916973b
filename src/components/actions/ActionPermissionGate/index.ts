export { ActionPermissionGate } from './ActionPermissionGate';
export type { ActionPermissionGateProps } from './ActionPermissionGate';
