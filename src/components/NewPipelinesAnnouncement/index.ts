export { NewPipelinesAnnouncement } from './NewPipelinesAnnouncement';
