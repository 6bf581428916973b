export { JobSteps, actionFailed } from './JobSteps';
export type { JobStepsProps, StepLogRenderOptions } from './JobSteps';
