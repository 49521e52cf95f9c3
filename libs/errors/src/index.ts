export * from './sift.error';
export * from './error-classification.util';
export * from './capped-text.util';
