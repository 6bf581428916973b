import '@testing-library/jest-dom';
import { setMaxListeners } from 'node:events';

// Up to WORKFLOW_CONCURRENCY (12) requests share one AbortSignal; Node warns
// from 11 listeners on, browsers never do.
setMaxListeners(32);
