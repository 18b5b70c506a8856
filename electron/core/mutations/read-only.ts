import { CloudshelfError, type Settings } from '../../../shared/contract';

export interface SettingsSource {
  get(): Promise<Settings>;
}

export function readOnlyRefusal(profile: string): CloudshelfError {
  return new CloudshelfError(
    'ReadOnlyProfile',
    `Profile ${profile} is read-only in Cloudshelf, so nothing was changed.`,
    'Clear "Read-only" for this profile in Settings to create, update or delete resources.',
  );
}

/**
 * Refuses any change through a profile marked read-only. Read from the settings on every
 * call (not cached here), so a flag set a moment ago already holds; checked in the main
 * process before anything reaches AWS, whatever the window shows.
 */
export async function assertWritable(settings: SettingsSource, profile: string): Promise<void> {
  const current = await settings.get();
  if (Object.hasOwn(current.profiles, profile) && current.profiles[profile]?.readOnly === true) {
    throw readOnlyRefusal(profile);
  }
}
