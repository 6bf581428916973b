export { TriggerPipeline } from './TriggerPipeline';
export type { TriggerPipelineProps } from './TriggerPipeline';
