import { z } from 'zod';

/** Which host is serving the API: the desktop window, browser mode, or the command line. */
export const HostKind = z.enum(['electron', 'browser', 'cli']);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A problem found while reading the AWS config files; the other profiles still load. */
export const ConfigProblem = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type ConfigProblem = z.infer<typeof ConfigProblem>;

export const ProfileSource = z.enum(['builtin', 'config', 'credentials', 'config+credentials']);

export const ProfileSummary = z.object({
  name: z.string(),
  source: ProfileSource,
  region: z.string().nullable(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ProfileList = z.object({
  profiles: z.array(ProfileSummary),
  /** The profile to select at start: AWS_PROFILE, else `default`, else the built-in Sandbox. */
  selected: z.string(),
  problems: z.array(ConfigProblem),
});
export type ProfileList = z.infer<typeof ProfileList>;
