const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

/**
 * Which projects may import which. `testLayers` are added to what every layer may use: test code may use
 * the test harness (a real Redis, the Kafka mock) whatever layer it tests.
 */
function moduleBoundaries(testLayers) {
  const allow = (...layers) => [...layers, ...testLayers];
  return {
    enforceBuildableLibDependency: false,
    banTransitiveDependencies: true,
    allow: [],
    depConstraints: [
      // Apps never import apps; they assemble libs.
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
      // Layers: contracts stand alone; core capabilities build on contracts; the service kit on both.
      { sourceTag: 'layer:contracts', onlyDependOnLibsWithTags: allow() },
      { sourceTag: 'layer:core', onlyDependOnLibsWithTags: allow('layer:contracts', 'layer:core') },
      {
        sourceTag: 'layer:platform',
        onlyDependOnLibsWithTags: allow('layer:contracts', 'layer:core', 'layer:platform'),
      },
      { sourceTag: 'layer:testing', onlyDependOnLibsWithTags: ['layer:contracts', 'layer:core'] },
      // A stage never imports another stage: stages talk only through topics and the store.
      {
        sourceTag: 'layer:stage',
        onlyDependOnLibsWithTags: allow('layer:contracts', 'layer:core', 'layer:platform'),
      },
    ],
  };
}

module.exports = [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/.nx', '**/coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries([])],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.test-util.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(['layer:testing'])] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The demo shop's browser scripts: classic scripts (not modules), run in Chromium.
    files: ['tools/fixture-factory/shop/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
        crypto: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
        navigator: 'readonly',
        performance: 'readonly',
        URLSearchParams: 'readonly',
        Event: 'readonly',
        CustomEvent: 'readonly',
        HTMLElement: 'readonly',
        Element: 'readonly',
        Node: 'readonly',
      },
    },
  },
  prettier,
];
