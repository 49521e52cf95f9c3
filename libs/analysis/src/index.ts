export { analyzeSessionOffline, OFFLINE_MODEL, OFFLINE_PROMPT_VERSION } from './analyze-session-offline.util';
export type { AnalyzeSessionOfflineInput, OfflineSignal } from './analysis.types';
export { parseElementsChain, type ChainElement } from './elements-chain.util';
export { nameElement, targetOfEvent, type ElementTarget } from './element-name.util';
export { ERROR_CLICK_WINDOW_MS } from './exception-detector.util';
export { RAGE_CLICK_MIN_CLICKS, RAGE_CLICK_WINDOW_MS } from './rage-click-detector.util';
export { SUCCESS_EVENTS, SUCCESS_PATH_PATTERN } from './session-outcome.util';
export { pageName } from './page-name.util';
export { exceptionOf, type ExceptionFacts } from './event-kind.util';
