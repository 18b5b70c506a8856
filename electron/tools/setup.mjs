// `npm run setup`: one command from a fresh clone to a machine that can build, run and test
// Cloudshelf, with or without internet. Plain Node with no dependencies: it runs before
// node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const say = (line) => console.log(`setup: ${line}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function quiet(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`setup: Node ${process.versions.node} is too old; install Node 20.19 or newer.`);
  process.exit(1);
}

// 1. Packages. The Electron binary is fetched separately below, so an offline machine
//    still gets every package from the registry.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
say('installing packages…');
const installArgs = existsSync(`${root}/package-lock.json`) ? ['ci'] : ['install'];
if (
  !run(npm, [...installArgs, '--no-audit', '--no-fund'], {
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  })
) {
  console.error('setup: npm could not install the packages; see the npm output above.');
  process.exit(1);
}

// 2. The Electron binary: downloaded from GitHub, which only machines with internet reach.
let electronReady = false;
if (process.env.CLOUDSHELF_SKIP_ELECTRON === '1') {
  say('skipping the Electron binary (CLOUDSHELF_SKIP_ELECTRON=1).');
} else {
  const electron = quiet(process.execPath, ['node_modules/electron/install.js']);
  electronReady = electron.ok;
}

// 3. A Chromium for the end-to-end tests: Debian's package where apt exists, else
//    Playwright's own build (which needs internet).
const chromiumCandidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];
let chromium = chromiumCandidates.find((path) => path && existsSync(path));

// Debian packages, where apt exists: as root directly, else through passwordless sudo.
const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
let aptUpdated = false;
function aptInstall(pkg) {
  const [cmd, ...rest] = [...(process.getuid?.() === 0 ? [] : ['sudo', '-n']), 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) aptUpdated = run(cmd, [...rest, 'update', '-qq'], { env });
  return aptUpdated && run(cmd, [...rest, 'install', '-y', '-qq', pkg], { env });
}

if (!chromium && canApt) {
  say('installing Debian’s chromium for the end-to-end tests…');
  if (aptInstall('chromium')) chromium = '/usr/bin/chromium';
}

// 4. The AWS CLI, optional: the sandbox's CLI conformance suite uses it (v1 or v2, with its
//    own config and none of the developer's AWS files or variables) and skips without it.
//    An `aws` that is on PATH but does not run (a stale pyenv shim, say) counts as none.
function awsCliVersion() {
  const probe = quiet('aws', ['--version']);
  return probe.ok && /^aws-cli\//.test(probe.output.trim())
    ? probe.output.trim().split(/\s/)[0]
    : undefined;
}
let awsCli = awsCliVersion();
if (!awsCli && canApt) {
  say('installing Debian’s awscli for the sandbox’s CLI tests…');
  if (aptInstall('awscli')) awsCli = awsCliVersion();
}

let playwrightChromium = false;
if (!chromium) {
  say('no system Chromium; trying Playwright’s own Chromium build…');
  playwrightChromium = run(npm, ['exec', '--', 'playwright', 'install', 'chromium']);
}

say('done.');
say(
  electronReady
    ? 'Electron binary installed: `npm start` opens the desktop window.'
    : 'the Electron binary could not be downloaded (no internet?): the desktop window needs it, ' +
        'but browser mode (`npm run web`) and `npm test` work without it.',
);
say(
  awsCli
    ? `AWS CLI found (${awsCli}): the sandbox is also tested through it.`
    : 'no AWS CLI: the sandbox’s CLI tests will be skipped (the SDK tests still run).',
);
if (chromium) say(`end-to-end tests will use ${chromium}.`);
else if (playwrightChromium) say('end-to-end tests will use Playwright’s Chromium.');
else {
  console.error(
    'setup: no Chromium for the end-to-end tests. Install one (Debian: `apt-get install chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run `npm test`.',
  );
  process.exit(1);
}
