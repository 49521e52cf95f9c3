export { summarizerStage } from './summarizer.stage';
