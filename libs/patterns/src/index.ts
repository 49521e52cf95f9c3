export { groupPatterns, type GroupPatternsInput } from './group-patterns.util';
export { normalizePagePath } from './page-path.util';
export {
  baseSeverity,
  calibrateSeverity,
  patternSeverity,
  RARE_CRITICAL_RATIO,
  SEVERITY_BY_FLAG,
  WIDESPREAD_MEDIUM_RATIO,
} from './pattern-severity.util';
