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

// Feature folders in renderer/ import each other in one direction only, so no cycle can form
// (import/no-cycle would need eslint-plugin-import). `ui/` holds what several features share;
// `store/`, `grid/`, `api/` and `ui/` sit below every feature. `shell/` is the composition
// root: it may import every feature (App.tsx puts them on screen, Toolbar and StatusBar place
// their buttons), and nothing imports shell/. browse/ places mutations/ and export/ buttons
// in its table and drawer, so those two never import browse/ (or each other).
const rendererFolderImports = {
  store: ['browse', 'mutations', 'export', 'shell', 'forms', 'ui'],
  grid: ['browse', 'mutations', 'export', 'shell', 'forms', 'ui', 'store'],
  api: ['browse', 'mutations', 'export', 'shell', 'forms', 'ui', 'store'],
  ui: ['browse', 'mutations', 'export', 'shell', 'forms'],
  forms: ['browse', 'mutations', 'export', 'shell'],
  mutations: ['browse', 'export', 'shell'],
  export: ['browse', 'mutations', 'shell'],
  browse: ['shell'],
  shell: [],
};

/** A relative import that climbs out to one of `folders` (a sibling top-level folder). */
const climbsTo = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
});

const rendererTestImports = {
  paths: browserSafeImports.paths.filter((p) => p.name === 'electron'),
  patterns: browserSafeImports.patterns.filter((p) => p.group.includes('@aws-sdk/*')),
};

const rendererTestFiles = ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'];

function rendererFolderRules() {
  return Object.entries(rendererFolderImports)
    .filter(([, forbidden]) => forbidden.length > 0)
    .flatMap(([folder, forbidden]) => {
      const direction = climbsTo(
        forbidden,
        `renderer/${folder}/ may not import ${forbidden.join(', ')}: that would close an import cycle between feature folders. Shared pieces belong in renderer/ui/.`,
      );
      const files = [`renderer/${folder}/**/*.{ts,tsx}`];
      const withBase = (base) => ({
        'no-restricted-imports': [
          'error',
          { paths: base.paths, patterns: [...base.patterns, direction] },
        ],
      });
      return [
        { files, ignores: rendererTestFiles, rules: withBase(browserSafeImports) },
        {
          files: rendererTestFiles.map((glob) => glob.replace('renderer/', `renderer/${folder}/`)),
          rules: withBase(rendererTestImports),
        },
      ];
    });
}

// Main-process layering. electron/core is plain Node: it never imports electron or the hosts
// that serve it. Tests, benches and their test-support may start the sandbox, so they are
// excepted by path.
const noElectron = {
  paths: [{ name: 'electron', message: 'This layer is plain Node: it must not import electron.' }],
};
const electronTestFiles = ['**/*.test.ts', '**/*.bench.ts', '**/test-support/**', '**/bench/**'];

// electron/sandbox stands in for AWS, so it may import only electron/registry (the resource
// schemas it serves) and electron/http (plain-Node request plumbing); its tests may also use
// electron/test-support. Not shared/: the sandbox speaks AWS's wire protocols, not our
// contract. Rules are per folder depth, since `../` means "out of sandbox" only at the top.
function sandboxRules() {
  const allowed = { source: ['registry', 'http'], test: ['registry', 'http', 'test-support'] };
  return [0, 1, 2].flatMap((depth) => {
    const files = [`electron/sandbox/${'*/'.repeat(depth)}*.ts`];
    const out = '\\.\\./'.repeat(depth + 1);
    const rules = (folders) => ({
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            {
              regex: `^${out}(?!(${folders.join('|')})(/|$))`,
              message: `electron/sandbox may import only ${folders.map((f) => `electron/${f}`).join(', ')}.`,
            },
          ],
        },
      ],
    });
    return [
      { files, ignores: electronTestFiles, rules: rules(allowed.source) },
      {
        files: [
          [files[0], '**/*.test.ts'],
          [files[0], '**/test-support/**'],
        ],
        rules: rules(allowed.test),
      },
    ];
  });
}

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
  {
    files: ['electron/core/**/*.ts'],
    ignores: electronTestFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            { group: ['electron/*'], message: 'electron/core must not import electron.' },
            climbsTo(
              ['hosts', 'ipc', 'window', 'sandbox'],
              'electron/core is plain Node below the hosts: it must not import electron/hosts, ipc, window or sandbox.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/window/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            climbsTo(
              ['hosts'],
              'electron/window must not import electron/hosts; what both hosts need lives in electron/http.',
            ),
          ],
        },
      ],
    },
  },
  ...sandboxRules(),
  ...rendererFolderRules(),
);
