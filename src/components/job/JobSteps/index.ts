export { JobSteps } from './JobSteps';
export type { JobStepsProps, StepLogRenderOptions } from './JobSteps';
