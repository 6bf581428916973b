/*
 * What the built-in columns' cells and headings need from the table that
 * shows them: the app's translations and the links inside the tab. The
 * table provides it once, so a column is plain data an app can build,
 * reorder or change without the plugin's internals.
 */
import { createContext, useContext } from 'react';
import type {
  CircleCITranslateMessage,
  CircleCITranslationFunction,
} from '../../../hooks/useCircleCITranslation';
import type { WorkflowLinkOptions } from './types';

/**
 * The table's translations and links, for the built-in columns.
 * @internal
 */
export interface PipelineColumnContextValue extends WorkflowLinkOptions {
  /** The plugin's translation function. */
  t: CircleCITranslationFunction;
  /** Translates the messages domain code returns (branch and tag names, durations). */
  tm: CircleCITranslateMessage;
  /** The link of a commit's view inside the tab; without it, SHAs link to the repository. */
  commitLink?: (options: { revision: string; branch?: string }) => string;
}

/** @internal */
export const PipelineColumnContext = createContext<PipelineColumnContextValue | undefined>(undefined);

/**
 * The table's translations and links. Throws outside the pipelines table:
 * the built-in columns render only there.
 * @internal
 */
export function usePipelineColumnContext(): PipelineColumnContextValue {
  const value = useContext(PipelineColumnContext);
  if (!value) {
    throw new Error('The CircleCI pipeline columns render only inside the CircleCI pipelines table');
  }
  return value;
}
