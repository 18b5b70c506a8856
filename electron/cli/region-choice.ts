import type { CloudshelfApi } from '../../shared/contract';
import type { RegionChoice } from './args';
import { CliError } from './errors';

export interface RegionScope {
  profile: string;
  /** The profile's own region (its config, else AWS_REGION); null when it names none. */
  profileRegion: string | null;
  typeName: string;
}

/**
 * The regions to scan. `all` is what the app's region picker calls All: every region that
 * offers the type, leaving out opt-in regions an account has to enable first.
 */
export async function resolveRegions(
  api: CloudshelfApi,
  choice: RegionChoice,
  scope: RegionScope,
): Promise<string[]> {
  switch (choice.kind) {
    case 'list':
      return choice.codes;
    case 'default':
      if (scope.profileRegion === null) {
        throw new CliError(
          `profile ${scope.profile} names no region; give --regions (e.g. --regions us-east-1) or set AWS_REGION`,
        );
      }
      return [scope.profileRegion];
    case 'all': {
      const { regions } = await api.regions.list({
        profile: scope.profile,
        typeName: scope.typeName,
      });
      const codes = regions.filter((r) => r.offersType !== false && !r.optIn).map((r) => r.code);
      if (codes.length === 0) {
        throw new CliError(`no region offers ${scope.typeName}`);
      }
      return codes;
    }
  }
}
