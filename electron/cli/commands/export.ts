import type { CloudshelfApi, ScanRequest } from '../../../shared/contract';
import { createExportWriter } from '../../core/export';
import type { ExportSpec } from '../../core/export/types';
import { SANDBOX_PROFILE } from '../../core/profiles/list';
import type { ExportArgs } from '../args';
import { exportColumns } from '../columns';
import {
  fileProblem,
  isClosedPipe,
  openDestination,
  planDestination,
  type Destination,
} from '../destination';
import { CliError, reasonOf } from '../errors';
import { exitCodes } from '../exit-codes';
import { createExportSink, type ExportSink } from '../export-sink';
import type { CliIo } from '../io';
import { withMfa } from '../mfa';
import { createProgress } from '../progress';
import { resolveRegions } from '../region-choice';
import { createRegionReport } from '../region-report';
import { collectScan, type ScanOutcome } from '../scan-collect';

/**
 * `cloudshelf export`: checks everything it can before a byte is written (profile, type,
 * columns, regions, credentials), then streams the scan's rows through the export writer.
 * A failed region is one line on stderr and costs the exit code, not the other rows.
 */
export async function runExport(args: ExportArgs, api: CloudshelfApi, io: CliIo): Promise<number> {
  // Before any AWS call: a folder or an unwritable --out is refused now, not after the scan.
  const target = await planDestination(args.out);
  const { request, spec } = await plan(args, api, io);
  if (io.signal?.aborted) return exitCodes.interrupted;
  const destination = await openDestination(target, io.stdout, io.signal);
  const toStdout = destination.kind === 'stdout';
  // Redrawing a line on the terminal the rows are printed to would mangle them.
  const showProgress = io.stderr.isTTY === true && (!toStdout || !io.stdout.isTTY);
  const progress = createProgress(io.stderr, request.regions, showProgress);
  let sink: ExportSink | undefined;
  try {
    const writer = createExportWriter(spec, destination.stream);
    const report = createRegionReport({
      typeName: request.typeName,
      marksIncomplete: spec.format !== 'csv',
      print: (line) => {
        progress.print(line);
      },
    });
    sink = createExportSink(spec, writer, report, writing);
    const outcome = await collectScan(
      api,
      request,
      {
        ...sink,
        status: (status) => {
          progress.update(status);
        },
      },
      io.signal,
    );
    if (outcome.state === 'done') await sink.flush();
    progress.finish();
    return await settle(outcome, args, destination, () => writing(writer.end()), writer.rows);
  } catch (error) {
    progress.finish();
    await destination.discard();
    // A signal closed the destination under the writer: stopped, not failed.
    if (io.signal?.aborted) return exitCodes.interrupted;
    if (!(error instanceof WriteFailure)) throw error;
    // `| head` (or a FIFO's reader) has what it wanted; stopping is all that is left to do.
    if (destination.kind !== 'file' && isClosedPipe(error.cause)) return exitCodes.ok;
    const why =
      (toStdout || args.out === undefined ? undefined : fileProblem(error.cause, args.out)) ??
      reasonOf(error.cause);
    throw new CliError(`could not write ${toStdout ? 'to stdout' : (args.out ?? '')}: ${why}`);
  } finally {
    await sink?.discard();
  }
}

/** The scan and the document, from the flags; every mistake in them fails here. */
async function plan(
  args: ExportArgs,
  api: CloudshelfApi,
  io: CliIo,
): Promise<{ request: Omit<ScanRequest, 'scanId'>; spec: ExportSpec }> {
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

  // collectScan gives the scan its id.
  const request: Omit<ScanRequest, 'scanId'> = {
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

/** Ends the document and decides the exit code; a file is dropped when every region failed. */
async function settle(
  outcome: ScanOutcome,
  args: ExportArgs,
  destination: Destination,
  end: () => Promise<unknown>,
  rowsWritten: number,
): Promise<number> {
  if (outcome.state !== 'done') {
    await destination.discard();
    return exitCodes.interrupted;
  }
  const failed = outcome.regions.filter((status) => status.state === 'failed').length;
  if (failed > 0 && failed === outcome.regions.length) {
    // Nothing usable: no file, and no header-only document a script would take for data;
    // rows already out on a stream (a region that failed part-way) still get a proper end.
    if (destination.kind !== 'file' && rowsWritten > 0) await end();
    await destination.discard();
    return exitCodes.failure;
  }
  // A well-formed document either way: a pipe's reader gets valid CSV or JSON.
  await end();
  await writing(destination.commit());
  if (failed === 0 || args.allowPartial) return exitCodes.ok;
  return exitCodes.partial;
}
