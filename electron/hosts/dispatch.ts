import { z } from 'zod';
import {
  calls,
  CloudshelfError,
  isCallName,
  type CallName,
  type CallOutcome,
  type CallResult,
  type ParsedCallArgs,
} from '../../shared/contract';

/** Who is calling, as far as a handler needs to know. */
export interface CallContext {
  host: 'electron' | 'browser' | 'cli';
}

export type Handler<N extends CallName> = (
  args: ParsedCallArgs<N>,
  context: CallContext,
) => Promise<CallResult<N>>;

/** One handler per call in the contract; a missing one is a type error. */
export type HandlerTable = { [N in CallName]: Handler<N> };

export type Logger = (message: string) => void;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry point every transport uses: checks the call exists, validates its
 * arguments against the contract, runs the handler and turns any failure into a typed
 * error payload. Nothing thrown here ever reaches a transport as an exception.
 */
export async function dispatch(
  handlers: HandlerTable,
  name: string,
  rawArgs: unknown,
  context: CallContext,
  log: Logger = () => undefined,
): Promise<CallOutcome> {
  if (!isCallName(name)) {
    return {
      ok: false,
      error: { code: 'UnknownCall', message: `Cloudshelf has no call named "${name}".` },
    };
  }
  const parsed = calls[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    log(`call ${name} refused: invalid arguments (${describeIssues(parsed.error)})`);
    return {
      ok: false,
      error: {
        code: 'InvalidArguments',
        message: `The arguments to ${name} are not valid: ${describeIssues(parsed.error)}.`,
      },
    };
  }
  try {
    const handler = handlers[name] as Handler<CallName>;
    const value = await handler(parsed.data, context);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CloudshelfError) {
      log(`call ${name} failed: ${error.code}: ${error.message}`);
      return { ok: false, error: error.toPayload() };
    }
    // Unexpected failures are logged in full for us, but the caller only sees a safe sentence.
    log(
      `call ${name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return {
      ok: false,
      error: {
        code: 'Internal',
        message: `Cloudshelf could not complete ${name} because of an internal error.`,
        hint: 'Try again; if it keeps failing, report it with the log file.',
      },
    };
  }
}
