import { ReactElement, ReactNode } from 'react';
import { BasePathContext } from './BasePathContext';

/** Props of {@link CircleCIPathsProvider}. */
export interface CircleCIPathsProviderProps {
  /** The path the tab is mounted at. */
  base: string;
  children: ReactNode;
}

/** Provides the tab's mount path to the views below it. */
export function CircleCIPathsProvider(props: CircleCIPathsProviderProps): ReactElement {
  return <BasePathContext.Provider value={props.base}>{props.children}</BasePathContext.Provider>;
}
