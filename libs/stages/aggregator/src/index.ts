export { aggregatorStage } from './aggregator.stage';
