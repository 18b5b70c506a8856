import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileList } from '../../../shared/contract';
import { EventBus } from '../events';
import { watchProfiles } from './watch';

let dir: string;
let stop: (() => void) | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudshelf-watch-'));
});

afterEach(async () => {
  stop?.();
  await rm(dir, { recursive: true, force: true });
});

function nextChange(bus: EventBus): Promise<ProfileList> {
  return new Promise((resolve) => {
    const off = bus.on('profiles.changed', (list) => {
      off();
      resolve(list);
    });
  });
}

describe('watchProfiles', () => {
  it('announces a profile added to the config file', async () => {
    const configFile = join(dir, 'config');
    await writeFile(configFile, '[default]\nregion = eu-west-1\n');
    const bus = new EventBus();
    const env = {
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    };
    stop = watchProfiles({ env, bus, debounceMs: 20 });

    const changed = nextChange(bus);
    await writeFile(
      configFile,
      '[default]\nregion = eu-west-1\n[profile staging]\nregion = us-east-2\n',
    );
    const list = await changed;
    expect(list.profiles.map((p) => p.name)).toContain('staging');
  });

  it('stays quiet for other files in the folder and after it is stopped', async () => {
    const configFile = join(dir, 'config');
    await writeFile(configFile, '[default]\n');
    const bus = new EventBus();
    let events = 0;
    bus.on('profiles.changed', () => (events += 1));
    const env = {
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    };
    stop = watchProfiles({ env, bus, debounceMs: 20 });

    await writeFile(join(dir, 'cli-cache.json'), '{}');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toBe(0);

    stop();
    await writeFile(configFile, '[default]\n[profile late]\n');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toBe(0);
  });
});
