import { createContext } from 'react';

/** Where the tab is mounted; the tab's links are built below it. */
export const BasePathContext = createContext<string>('');
