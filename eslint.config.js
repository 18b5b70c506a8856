// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Layering (VS Code style): renderer/ and shared/ run in the browser and must never reach
// Node, Electron or AWS directly. Everything they need comes through the shared contract.
const browserSafeImports = {
  paths: [
    {
      name: 'electron',
      message: 'renderer/ and shared/ must not import electron; use the api module.',
    },
    ...builtinModules.map((name) => ({ name, message: 'Node built-ins are main-process only.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are main-process only.' },
    {
      group: ['@aws-sdk/*', '@smithy/*', 'aws-sdk'],
      message: 'AWS SDK code lives in electron/core only.',
    },
    {
      group: ['**/electron/**', '!electron'],
      message: 'Import the shared contract, not main-process code.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['electron/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', browserSafeImports],
    },
  },
  {
    // Renderer tests run in Node (vitest): they may read fixtures and the registry snapshot
    // with Node built-ins and reuse main-process helpers. Electron and the AWS SDK stay out.
    files: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserSafeImports.paths.filter((p) => p.name === 'electron'),
          patterns: browserSafeImports.patterns.filter((p) => p.group.includes('@aws-sdk/*')),
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...browserSafeImports,
          patterns: [
            ...browserSafeImports.patterns,
            { group: ['**/renderer/**'], message: 'shared/ must not depend on the renderer.' },
          ],
        },
      ],
    },
  },
);
