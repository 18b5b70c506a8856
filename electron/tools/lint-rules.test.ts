import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Each layering rule in eslint.config.js, proved by linting a small file that breaks it, so a
// rule that stops matching (a renamed folder, a mistyped glob) fails here instead of in silence.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: path.join(root, 'eslint.config.js'),
  // The snippets are not on disk, so type-aware rules cannot run; the import rules need no types.
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const imports = (from: string): string => `import { x } from '${from}';\nexport const y = x;\n`;

describe('main-process layering', () => {
  it.each([
    ['electron/core/aws/profiles-x.ts', 'electron'],
    ['electron/core/aws/profiles-x.ts', '../../hosts/handlers'],
    ['electron/core/inventory/x.ts', '../../ipc/handle'],
    ['electron/core/x.ts', '../window/security'],
    ['electron/core/catalog/x.ts', '../../sandbox/index'],
  ])('refuses %s importing %s', async (file, from) => {
    expect(await restrictedImports(file, imports(from))).toHaveLength(1);
  });

  it('lets core tests, benches and test-support start the sandbox', async () => {
    expect(await restrictedImports('electron/core/x.test.ts', imports('../sandbox/index'))).toEqual(
      [],
    );
    expect(
      await restrictedImports(
        'electron/core/inventory/scan.bench.ts',
        imports('../../sandbox/index'),
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'electron/core/inventory/test-support/x.ts',
        imports('../../../sandbox/index'),
      ),
    ).toEqual([]);
  });

  it.each([
    ['electron/sandbox/server.ts', '../hosts/request-body'],
    ['electron/sandbox/main.ts', '../core/aws/session'],
    ['electron/sandbox/cloudcontrol/x.ts', '../../hosts/web/server'],
    ['electron/sandbox/cloudcontrol/x.ts', '../../../shared/contract'],
    ['electron/sandbox/x.ts', 'electron'],
    ['electron/sandbox/server.ts', '../test-support/raw-http'],
  ])('refuses sandbox file %s importing %s', async (file, from) => {
    expect(await restrictedImports(file, imports(from))).toHaveLength(1);
  });

  it('lets the sandbox import itself, electron/registry and electron/http', async () => {
    for (const [file, from] of [
      ['electron/sandbox/server.ts', '../http/request-body'],
      ['electron/sandbox/cloudcontrol/x.ts', '../../registry/resource-schema'],
      ['electron/sandbox/cloudcontrol/x.ts', '../schema/type-model'],
      ['electron/sandbox/server.test.ts', '../test-support/raw-http'],
    ] as const) {
      expect(await restrictedImports(file, imports(from))).toEqual([]);
    }
  });

  it('refuses electron/window importing electron/hosts', async () => {
    expect(
      await restrictedImports(
        'electron/window/app-protocol.ts',
        imports('../hosts/renderer-assets'),
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'electron/window/app-protocol.ts',
        imports('../http/renderer-assets'),
      ),
    ).toEqual([]);
  });
});

describe('renderer feature folders import in one direction', () => {
  it.each([
    ['renderer/mutations/DeleteDialog.tsx', '../browse/screen-state'],
    ['renderer/mutations/x.tsx', '../shell/TextWithCode'],
    ['renderer/mutations/x.tsx', '../export/ExportButton'],
    ['renderer/export/export-plan.ts', '../browse/screen-state'],
    ['renderer/export/ExportDialog.tsx', '../mutations/Modal'],
    ['renderer/browse/table/x.tsx', '../../shell/TextWithCode'],
    ['renderer/store/follow-requests.ts', '../mutations/patch'],
    ['renderer/store/x.ts', '../ui/Modal'],
    ['renderer/ui/x.tsx', '../browse/table/dom-ids'],
    ['renderer/forms/x.tsx', '../mutations/Modal'],
    ['renderer/mutations/x.test.tsx', '../browse/screen-state'],
  ])('refuses %s importing %s', async (file, from) => {
    expect(await restrictedImports(file, imports(from))).toHaveLength(1);
  });

  it('lets features use ui/, store/ and grid/, and shell compose the features', async () => {
    for (const [file, from] of [
      ['renderer/export/ExportDialog.tsx', '../ui/Modal'],
      ['renderer/mutations/x.tsx', '../store/browse-context'],
      ['renderer/browse/table/TableToolbar.tsx', '../../mutations/DeleteSelectedButton'],
      ['renderer/browse/table/TableToolbar.tsx', '../../export/ExportButton'],
      ['renderer/shell/App.tsx', '../browse/BrowseScreen'],
      ['renderer/shell/App.tsx', '../mutations/MutationDialogs'],
      ['renderer/store/x.ts', './browse'],
    ] as const) {
      expect(await restrictedImports(file, imports(from))).toEqual([]);
    }
  });

  it('keeps the browser-safe rule in feature folders', async () => {
    expect(await restrictedImports('renderer/browse/x.ts', imports('node:fs'))).toHaveLength(1);
    expect(await restrictedImports('renderer/browse/x.test.ts', imports('node:fs'))).toEqual([]);
  });
});
