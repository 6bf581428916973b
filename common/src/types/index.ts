/*
 * The plain types of CircleCI's responses, in two files.
 */
export * from './pipelines';
export * from './jobs';
