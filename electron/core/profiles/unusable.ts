import { CloudshelfError, type ConfigProblem } from '../../../shared/contract';
import { profileSection, type AwsFiles } from './config-files';

/**
 * The malformed line that keeps profile `name` out of use, if any: one that changes the
 * profile's own sections, the `sso-session` or `services` section it refers to, or (along
 * `source_profile`) a profile it takes its credentials from. The SDK would read such a
 * profile with settings the user did not give it, so Cloudshelf does not use it at all.
 */
export function profileProblem(files: AwsFiles, name: string): ConfigProblem | undefined {
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const own = files.touched.config.get(current) ?? files.touched.credentials.get(current);
    if (own) return own;
    const section = profileSection(files, current);
    if (!section) return undefined;
    const referred =
      (section.sso_session === undefined
        ? undefined
        : files.touched.config.get(`sso-session.${section.sso_session}`)) ??
      (section.services === undefined
        ? undefined
        : files.touched.config.get(`services.${section.services}`));
    if (referred) return referred;
    current = section.source_profile;
  }
  return undefined;
}

/** Why a call with a profile kept out of use is refused: the file and line to fix. */
export function unusableProfileError(name: string, problem: ConfigProblem): CloudshelfError {
  const where =
    problem.line === undefined ? problem.file : `line ${String(problem.line)} of ${problem.file}`;
  return new CloudshelfError(
    'Unavailable',
    `Profile ${name} cannot be used until ${where} is fixed.`,
    problem.message,
  );
}
