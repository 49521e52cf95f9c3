export { batchLabelsSchema, type BatchLabels } from './labels.schema';
export { PROBLEMS, PROBLEM_IDS, type ProblemDefinition, type ProblemId } from './problem-catalogue';
