export { ingestStage } from './ingest.stage';
