// Offline packaging smoke test (`npm run test:package`). Run `npm run build` first.
//
// Packages the built app with electron-builder's JS API and electron-builder.yml for a linux `dir`
// target, against a stub Electron distribution (the real binary cannot be downloaded here), into
// a temp dir. Then checks what a user would get: the files inside app.asar, the resources folder,
// the renamed executable and the fuses electron-builder flipped in it. The stub carries a fuse
// wire of its own, so the real @electron/fuses step runs instead of being switched off.
//
// Usage: node electron/tools/package-smoke.mjs [--project-dir DIR] [--keep]
//   --project-dir  package another checkout (default: this repo); it needs dist/ and node_modules/
//   --keep         keep the temp dir (stub Electron and the unpacked app) and print its path
import { extractFile, getRawHeader } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import yaml from 'js-yaml';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const startedAt = performance.now();
const { values: args } = parseArgs({
  options: {
    'project-dir': { type: 'string', default: resolve(import.meta.dirname, '../..') },
    keep: { type: 'boolean', default: false },
  },
});
const projectDir = resolve(args['project-dir']);

/** @type {string[]} */
const failures = [];
/** @param {string} message */
const fail = (message) => {
  failures.push(message);
};

/** @param {string} path */
const exists = (path) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** @param {string} path @returns {Promise<Record<string, unknown>>} */
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

/** Files the app cannot start without; they must be in dist/ before and in app.asar after. */
const REQUIRED = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  'dist/registry/cloudformation-resource-schemas.tgz',
  'dist/registry/region-availability.json.gz',
  'package.json',
];

/** Whatever matches one of these must not ship. */
const FORBIDDEN = [
  { label: 'node_modules files', pattern: /(^|\/)node_modules(\/|$)/ },
  { label: 'test/spec files', pattern: /\.(test|spec)\.[^/]+$/ },
  { label: 'source maps', pattern: /\.map$/ },
  { label: '.env files', pattern: /(^|\/)\.env/ },
  { label: 'fixtures', pattern: /(^|\/)(__)?fixtures(\/|$)/ },
  { label: 'e2e files', pattern: /(^|\/)e2e(\/|$)/ },
  { label: 'TypeScript sources', pattern: /\.(ts|tsx|mts|cts)$/ },
];

/** Everything in app.asar must come from the `files` list of electron-builder.yml. */
const ALLOWED =
  /^(dist\/electron\/[^/]+\.cjs|dist\/renderer\/.+|dist\/registry\/[^/]+|package\.json)$/;

/**
 * Fuses the shipped binary must carry (ARCHITECTURE.md §4), in @electron/fuses' V1 wire order.
 * `expected: undefined` means electron-builder.yml leaves the fuse at Electron's default.
 */
const FUSES = [
  { name: 'runAsNode', expected: false },
  { name: 'enableCookieEncryption', expected: true },
  { name: 'enableNodeOptionsEnvironmentVariable', expected: false },
  { name: 'enableNodeCliInspectArguments', expected: false },
  { name: 'enableEmbeddedAsarIntegrityValidation', expected: true },
  { name: 'onlyLoadAppFromAsar', expected: true },
  { name: 'loadBrowserProcessSpecificV8Snapshot', expected: undefined },
  { name: 'grantFileProtocolExtraPrivileges', expected: false },
];

// @electron/fuses finds the wire after this sentinel: a version byte (1), a length byte, then one
// byte per fuse ('0' off, '1' on). The stub starts from Electron's defaults, so every fuse that
// electron-builder.yml sets has to be flipped by the packaging for the checks to pass.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

// --- electron-builder.yml and package.json ------------------------------------------------------

function checkConfig(/** @type {unknown} */ loaded, /** @type {Record<string, unknown>} */ pkg) {
  if (typeof loaded !== 'object' || loaded === null) {
    fail('electron-builder.yml is not a YAML mapping');
    return;
  }
  const config = /** @type {Record<string, unknown>} */ (loaded);
  const fuses = config.electronFuses;
  if (typeof fuses !== 'object' || fuses === null) {
    fail('electron-builder.yml: electronFuses is missing');
  } else {
    const declared = /** @type {Record<string, unknown>} */ (fuses);
    for (const { name, expected } of FUSES) {
      if (expected !== undefined && declared[name] !== expected) {
        fail(`electron-builder.yml: electronFuses.${name} must be ${String(expected)}`);
      }
    }
  }
  if (config.asar !== true) fail('electron-builder.yml: asar must be true');
  if (pkg.build !== undefined) {
    fail('package.json has a `build` field; electron-builder config lives in electron-builder.yml');
  }
}

// --- Stub Electron distribution -----------------------------------------------------------------

/**
 * electron-builder copies an unpacked distribution as is, then renames `electron` to the
 * executable name: that file is all it needs. The rest mirrors the real zip's layout.
 * @param {string} dir
 * @param {string} electronVersion
 */
async function writeStubElectron(dir, electronVersion) {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'));
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub Electron binary (package-smoke)" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), binary);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), `${electronVersion}\n`);
  await writeFile(join(dir, 'LICENSE'), 'stub Electron LICENSE\n');
  await writeFile(join(dir, 'locales/en-US.pak'), '');
}

// --- Network guard -------------------------------------------------------------------------------

/**
 * electron-builder runs in this process. Every TCP connection (http, https, fetch) goes through
 * Socket#connect: record it and fail it at once, so a download attempt neither hangs nor passes.
 * @returns {{ attempts: string[], restore: () => void }}
 */
function blockNetwork() {
  /** @type {string[]} */
  const attempts = [];
  const realConnect = Socket.prototype.connect;
  /** @this {Socket} @param {...unknown} connectArgs */
  function guardedConnect(...connectArgs) {
    const first = Array.isArray(connectArgs[0])
      ? /** @type {unknown[]} */ (connectArgs[0])[0]
      : connectArgs[0];
    const options =
      typeof first === 'object' && first !== null
        ? /** @type {{ path?: unknown, host?: unknown, port?: unknown }} */ (first)
        : { port: first, host: connectArgs[1] };
    if (typeof options.path === 'string') {
      return Reflect.apply(realConnect, this, connectArgs); // local IPC, not the network
    }
    attempts.push(`${String(options.host ?? 'localhost')}:${String(options.port)}`);
    process.nextTick(() => this.destroy(new Error('package-smoke: network access is blocked')));
    return this;
  }
  Socket.prototype.connect = /** @type {typeof Socket.prototype.connect} */ (guardedConnect);
  return {
    attempts,
    restore: () => {
      Socket.prototype.connect = realConnect;
    },
  };
}

// --- Checks on the packaged app -----------------------------------------------------------------

/**
 * @typedef {{ files?: Record<string, AsarNode>, size?: number }} AsarNode
 * @param {AsarNode} node
 * @param {string} prefix
 * @returns {{ path: string, size: number }[]}
 */
const walkAsar = (node, prefix) =>
  Object.entries(node.files ?? {}).flatMap(([name, child]) =>
    child.files !== undefined
      ? walkAsar(child, `${prefix}${name}/`)
      : [{ path: `${prefix}${name}`, size: child.size ?? 0 }],
  );

/**
 * @param {string} appOutDir
 * @returns {Promise<string>} summary of app.asar
 */
async function checkPackagedApp(appOutDir) {
  const resourcesDir = join(appOutDir, 'resources');
  const resources = (await readdir(resourcesDir)).sort();
  if (resources.join(',') !== 'app.asar') {
    fail(`resources/ must hold only app.asar, found: ${resources.join(', ') || 'nothing'}`);
  }
  if (!(await exists(join(appOutDir, 'cloudshelf')))) fail('executable `cloudshelf` is missing');
  if (await exists(join(appOutDir, 'electron'))) fail('the `electron` executable was not renamed');

  const binary = await readFile(join(appOutDir, 'cloudshelf')).catch(() => Buffer.alloc(0));
  const sentinelAt = binary.indexOf(FUSE_SENTINEL);
  if (sentinelAt === -1) {
    fail('no fuse wire in the packaged executable');
  } else {
    const wireAt = sentinelAt + FUSE_SENTINEL.length + 2;
    FUSES.forEach(({ name, expected }, index) => {
      const state = binary[wireAt + index] ?? 0;
      const want =
        expected === undefined ? DEFAULT_WIRE.charCodeAt(index) : expected ? FUSE_ON : FUSE_OFF;
      if (state !== want) {
        const show = (/** @type {number} */ byte) => String.fromCharCode(byte);
        fail(`fuse ${name} is '${show(state)}' in the packaged executable, want '${show(want)}'`);
      }
    });
  }

  const asarPath = join(resourcesDir, 'app.asar');
  if (!(await exists(asarPath))) {
    fail('resources/app.asar is missing (asar: true?)');
    return 'no app.asar';
  }
  const files = walkAsar(/** @type {AsarNode} */ (getRawHeader(asarPath).header), '');
  const paths = new Set(files.map((file) => file.path));
  for (const file of REQUIRED) if (!paths.has(file)) fail(`app.asar lacks ${file}`);
  /** @type {Map<string, string[]>} problem -> offending paths */
  const offenders = new Map();
  for (const { path } of files) {
    const hit = FORBIDDEN.find(({ pattern }) => pattern.test(path));
    const problem = hit ? hit.label : 'files outside the files list';
    if (hit || !ALLOWED.test(path)) {
      offenders.set(problem, [...(offenders.get(problem) ?? []), path]);
    }
  }
  for (const [problem, list] of offenders) {
    const examples = list.slice(0, 4).join(', ') + (list.length > 4 ? ', …' : '');
    fail(`app.asar holds ${list.length} ${problem}: ${examples}`);
  }
  // node_modules do not ship, so a bundle may only require Node built-ins and electron.
  const builtins = new Set([...builtinModules, 'electron']);
  for (const path of paths) {
    if (!path.endsWith('.cjs')) continue;
    const source = extractFile(asarPath, path).toString('utf8');
    // A `require(` right after a quote or `[` is text inside a string, not a call: ajv keeps
    // such strings for its standalone code generator, and the AWS SDK's error messages say
    // "register the package by calling [require(…)]".
    const bare = [...source.matchAll(/(?<!['"`[])\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)]
      .map((match) => match[1] ?? '')
      .filter((id) => !builtins.has(id.replace(/^node:/, '')));
    if (bare.length > 0) {
      fail(`${path} requires ${[...new Set(bare)].join(', ')}, which app.asar does not hold`);
    }
  }
  if (paths.has('package.json')) {
    /** @type {{ main?: unknown }} */
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
    if (packaged.main !== REQUIRED[0]) {
      fail(`packaged package.json has main ${String(packaged.main)}, want ${REQUIRED[0]}`);
    }
  }
  const { size } = await stat(asarPath);
  return `${files.length} files in app.asar, ${(size / 1024).toFixed(1)} KiB`;
}

// --- Main ----------------------------------------------------------------------------------------

/** @returns {Promise<string>} summary of app.asar */
async function packageAndCheck() {
  const pkg = await readJson(join(projectDir, 'package.json'));
  checkConfig(yaml.load(await readFile(join(projectDir, 'electron-builder.yml'), 'utf8')), pkg);

  const missing = [];
  for (const file of REQUIRED) if (!(await exists(join(projectDir, file)))) missing.push(file);
  if (missing.length > 0) {
    fail(`${missing.join(', ')} missing in ${projectDir}: run \`npm run build\` first`);
    return 'not packaged';
  }

  const electronPkg = await readJson(join(projectDir, 'node_modules/electron/package.json'));
  const electronVersion = String(electronPkg.version);
  const workDir = await mkdtemp(join(tmpdir(), 'cloudshelf-package-smoke-'));
  const stubDir = join(workDir, 'electron-dist');
  const outDir = join(workDir, 'release');
  try {
    await writeStubElectron(stubDir, electronVersion);
    process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    process.env.ELECTRON_BUILDER_OFFLINE = 'true';
    console.log(
      `package-smoke: packaging ${projectDir} for linux dir x64, Electron ${electronVersion} stub`,
    );
    console.log(
      'package-smoke: fuses: flipped by electron-builder in the stub binary (a synthetic fuse wire, not a real Electron binary)',
    );
    const network = blockNetwork();
    let packaged = false;
    try {
      await build({
        projectDir,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        // Merged over electron-builder.yml, which electron-builder still loads from projectDir.
        config: { electronDist: stubDir, electronVersion, directories: { output: outDir } },
      });
      packaged = true;
    } catch (error) {
      fail(`electron-builder failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      network.restore();
    }
    if (network.attempts.length > 0) {
      fail(`electron-builder tried to reach the network: ${network.attempts.join(', ')}`);
    }
    return packaged ? await checkPackagedApp(join(outDir, 'linux-unpacked')) : 'not packaged';
  } finally {
    if (args.keep) console.log(`package-smoke: kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

const summary = await packageAndCheck();
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
if (failures.length > 0) {
  const shown = 25;
  console.error(`package-smoke: FAIL: ${failures.length} problem(s) (${summary}; ${seconds}s)`);
  for (const message of failures.slice(0, shown)) console.error(`  ✗ ${message}`);
  if (failures.length > shown) console.error(`  … and ${failures.length - shown} more`);
  process.exit(1);
}
console.log(
  `package-smoke: OK: ${summary}; required files present, no excluded file shipped, ${FUSES.length} fuses as configured (${seconds}s)`,
);
