import { CloudshelfError, type SafetyReview, type Settings } from '../../../shared/contract';
import { SANDBOX_PROFILE } from '../profiles/list';

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

/** The refusal while the safety flags could not be read and this profile is not reviewed. */
export function unreadableSafetyRefusal(profile: string, review: SafetyReview): CloudshelfError {
  return new CloudshelfError(
    'ReadOnlyProfile',
    `Cloudshelf could not read its safety settings, so profile ${profile} is treated as read-only and nothing was changed.`,
    review.keptAs === null
      ? `${review.file} could not be read (${review.reason}): fix or move it and restart Cloudshelf, then check Read-only and Production in ⚙ Settings for ${profile} and save them.`
      : `Open ⚙ Settings for ${profile}, check Read-only and Production, and save them. The settings file as it was is kept as ${review.keptAs}.`,
  );
}

/**
 * Whether a profile is held read-only because the safety flags could not be read: every
 * profile but the built-in Sandbox (which reaches no AWS account) until the user has saved
 * its ⚙ Settings again.
 */
export function heldReadOnly(settings: Settings, profile: string): boolean {
  const review = settings.safetyReview;
  return review !== undefined && profile !== SANDBOX_PROFILE && !review.reviewed.includes(profile);
}

/**
 * Refuses any change through a profile marked read-only, or held so because the safety
 * flags could not be read. Read from the settings on every call (not cached here), so a
 * flag set a moment ago already holds; checked in the main process before anything reaches
 * AWS, whatever the window shows.
 */
export async function assertWritable(settings: SettingsSource, profile: string): Promise<void> {
  const current = await settings.get();
  if (current.safetyReview && heldReadOnly(current, profile)) {
    throw unreadableSafetyRefusal(profile, current.safetyReview);
  }
  if (Object.hasOwn(current.profiles, profile) && current.profiles[profile]?.readOnly === true) {
    throw readOnlyRefusal(profile);
  }
}
