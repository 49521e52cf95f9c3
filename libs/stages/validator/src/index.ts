export { validatorStage } from './validator.stage';
