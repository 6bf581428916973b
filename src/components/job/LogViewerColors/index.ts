export { LogViewerColors } from './LogViewerColors';
