// `npm start`: builds Cloudshelf and opens the desktop window.
//
// The electron package normally resolves its binary with require('electron'), but in an
// offline install (ELECTRON_SKIP_BINARY_DOWNLOAD=1) that call tries to download the binary
// and prints a stack trace. So this script reads the same files require('electron') reads
// (node_modules/electron/path.txt and dist/) without triggering a download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The Electron executable's path, or null when the binary is not on this machine. */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json', { paths: [projectDir] }),
    );
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary = null;
  if (override) binary = path.join(override, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary !== null && existsSync(binary) ? binary : null;
}

function runBuild() {
  // Under `npm start`, npm_execpath is npm's own CLI script: run it with this node.
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: projectDir, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: projectDir,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const electronBinary = findElectronBinary();
if (electronBinary === null) {
  console.error(
    'Cloudshelf: the Electron binary is not installed on this machine (offline install), so the desktop window cannot open; run "npm run web" to use Cloudshelf in your browser instead.',
  );
  process.exit(1);
}

const buildStatus = runBuild();
if (buildStatus !== 0) process.exit(buildStatus);

// ELECTRON_RUN_AS_NODE in the caller's shell would turn the app into a plain Node process.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electronBinary, [projectDir], { cwd: projectDir, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Cloudshelf: could not start Electron (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
