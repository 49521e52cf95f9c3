export * from './report-keys.util';
export * from './report-meta.schema';
export * from './report-registry';
export * from './report-deadlines.util';
export * from './summary-store';
export * from './pattern-chunk.schema';
export * from './report-message.util';
