import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A credential_process that never exits: a node script that starts a child that also never
 * exits, and writes both process ids to `<dir>/<name>.pids` so a test can check they are gone.
 */
export async function writeHangingProcess(
  dir: string,
  name: string,
): Promise<{ script: string; pids: () => Promise<number[]> }> {
  const script = join(dir, `${name}.mjs`);
  const pidFile = join(dir, `${name}.pids`);
  await writeFile(
    script,
    [
      "import { spawn } from 'node:child_process';",
      "import { writeFileSync } from 'node:fs';",
      "const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });",
      `writeFileSync(${JSON.stringify(pidFile)}, JSON.stringify([process.pid, child.pid]));`,
      'setInterval(() => {}, 60000);',
      '',
    ].join('\n'),
  );
  return {
    script,
    pids: async () => JSON.parse(await readFile(pidFile, 'utf8')) as number[],
  };
}

/** Whether a process with this id still runs (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
