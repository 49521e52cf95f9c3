// Compiles TypeScript on load with swc (decorator metadata for NestJS, tsconfig path aliases for @sift/*).
const path = require('node:path');

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
