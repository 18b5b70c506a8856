import { useShell } from '../store/context';
import { AppIcon } from './AppIcon';

/** An honest first screen: what will appear here, and what can be done today. */
export function EmptyState() {
  const ownProfiles = useShell(
    (state) => state.profiles.filter((profile) => profile.source !== 'builtin').length,
  );
  return (
    <section className="panel empty-state" aria-labelledby="empty-title">
      <AppIcon size={40} />
      <h1 id="empty-title" className="panel-title">
        No resources to show yet
      </h1>
      <p>
        Cloudshelf will list your AWS resources here — SageMaker images and model packages first,
        then any Cloud Control type — across the regions you choose, in tables you can sort, filter
        and export to CSV.
      </p>
      <p className="muted">
        Browsing resources is not part of this build yet. For now, check that the Profile menu lists
        the AWS profiles you expect:{' '}
        {ownProfiles === 0
          ? 'none were found in your AWS config or credentials files, so only the built-in Sandbox is offered.'
          : `${ownProfiles} ${ownProfiles === 1 ? 'profile was' : 'profiles were'} found in your AWS config and credentials files, plus the built-in Sandbox.`}
      </p>
    </section>
  );
}
