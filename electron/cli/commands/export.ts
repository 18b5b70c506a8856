import type { CloudshelfApi, RegionScanStatus, ScanRequest } from '../../../shared/contract';
import { createExportWriter, openFileTarget } from '../../core/export';
import type { ExportSpec } from '../../core/export/types';
import { SANDBOX_PROFILE } from '../../core/profiles/list';
import type { ExportArgs } from '../args';
import { exportColumns } from '../columns';
import {
  fileDestination,
  fileProblem,
  isClosedPipe,
  stdoutDestination,
  type Destination,
} from '../destination';
import { CliError, reasonOf, regionReason } from '../errors';
import { exitCodes } from '../exit-codes';
import type { CliIo } from '../io';
import { withMfa } from '../mfa';
import { createProgress, type Progress } from '../progress';
import { resolveRegions } from '../region-choice';
import { collectScan, type ScanOutcome } from '../scan-collect';

/**
 * `cloudshelf export`: checks everything it can before a byte is written (profile, type,
 * columns, regions, credentials), then streams the scan's rows through the export writer.
 * A failed region is one line on stderr and costs the exit code, not the other rows.
 */
export async function runExport(args: ExportArgs, api: CloudshelfApi, io: CliIo): Promise<number> {
  const { request, spec } = await plan(args, api, io);
  const destination = await open(args.out, io);
  // Redrawing a line on the terminal the rows are printed to would mangle them.
  const showProgress = io.stderr.isTTY === true && (args.out !== undefined || !io.stdout.isTTY);
  const progress = createProgress(io.stderr, request.regions, showProgress);
  try {
    const writer = createExportWriter(spec, destination.stream);
    const outcome = await collectScan(
      api,
      request,
      {
        rows: (rows) => writing(writer.write(rows)),
        status: (status) => {
          progress.update(status);
          reportRegion(progress, status);
        },
      },
      io.signal,
    );
    progress.finish();
    return await settle(outcome, args, destination, () => writing(writer.end()));
  } catch (error) {
    progress.finish();
    await destination.discard();
    if (!(error instanceof WriteFailure)) throw error;
    // `| head` has what it wanted; stopping is all that is left to do.
    if (args.out === undefined && isClosedPipe(error.cause)) return exitCodes.ok;
    const why =
      (args.out === undefined ? undefined : fileProblem(error.cause, args.out)) ??
      reasonOf(error.cause);
    throw new CliError(`could not write ${args.out ?? 'to stdout'}: ${why}`);
  }
}

/** The scan and the document, from the flags; every mistake in them fails here. */
async function plan(
  args: ExportArgs,
  api: CloudshelfApi,
  io: CliIo,
): Promise<{ request: ScanRequest; spec: ExportSpec }> {
  const profile = args.sandbox
    ? SANDBOX_PROFILE
    : (args.profile ?? (io.env.AWS_PROFILE || 'default'));
  const details = await api.profiles.details({ profile });
  const type = await api.catalog.describe({ typeName: args.typeName, profile });
  if (type.listNeedsParent && !args.resourceModel && !args.perParent) {
    // Every region would fail the same way; one line now says what to add.
    const example = `{${type.listParents.required.map((name) => `"${name}":"…"`).join(',')}}`;
    throw new CliError(
      `${type.typeName} is listed inside a parent resource: give --resource-model '${example}', or --per-parent to scan every parent`,
      { usage: true },
    );
  }
  const spec: ExportSpec = {
    format: args.format,
    columns: args.format === 'csv' ? exportColumns(type, args.columns) : [],
    options: { bom: args.bom, neutralizeFormulas: args.neutralizeFormulas },
  };
  const regions = await resolveRegions(api, args.regions, {
    profile,
    profileRegion: details.region,
    typeName: type.typeName,
  });
  // Credentials (and MFA) fail here once, rather than once per region.
  await withMfa(api, io, () => api.profiles.identity({ profile }));

  const request: ScanRequest = {
    profile,
    regions,
    typeName: type.typeName,
    ...(args.resourceModel ? { resourceModel: args.resourceModel } : {}),
    ...(args.perParent ? { perParent: true } : {}),
  };
  return { request, spec };
}

/** Marks the destination's failures, so they are told apart from the scan's. */
class WriteFailure extends Error {
  constructor(cause: unknown) {
    super('write failed', { cause });
  }
}

async function writing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw new WriteFailure(error);
  }
}

async function open(out: string | undefined, io: CliIo): Promise<Destination> {
  if (out === undefined) return stdoutDestination(io.stdout);
  try {
    return fileDestination(await openFileTarget(out));
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${fileProblem(error, out) ?? reasonOf(error)}`);
  }
}

/** One line per region that failed or was skipped, as soon as it happens. */
function reportRegion(progress: Progress, status: RegionScanStatus): void {
  if (status.state !== 'failed' && status.state !== 'skipped') return;
  const reason = status.error ? regionReason(status.error) : 'no reason given';
  progress.print(`cloudshelf: ${status.region} ${status.state}: ${reason}`);
}

/** Ends the document and decides the exit code; a file is dropped when every region failed. */
async function settle(
  outcome: ScanOutcome,
  args: ExportArgs,
  destination: Destination,
  end: () => Promise<unknown>,
): Promise<number> {
  if (outcome.state !== 'done') {
    await destination.discard();
    return exitCodes.interrupted;
  }
  // A well-formed document either way: a pipe's reader gets valid CSV or JSON.
  await end();
  const failed = outcome.regions.filter((status) => status.state === 'failed').length;
  if (failed > 0 && failed === outcome.regions.length) {
    await destination.discard();
    return exitCodes.failure;
  }
  await writing(destination.commit());
  if (failed === 0 || args.allowPartial) return exitCodes.ok;
  return exitCodes.partial;
}
