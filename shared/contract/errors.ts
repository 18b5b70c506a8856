import { z } from 'zod';
import { CloudshelfError } from './cloudshelf-error';

// The class lives apart from the schemas so the preload can throw it without bundling zod.
export { CloudshelfError };

/** Every failure that crosses the API boundary carries one of these codes. */
export const ApiErrorCode = z.enum([
  'InvalidArguments',
  'UnknownCall',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Unavailable',
  /** The profile is marked read-only in Cloudshelf's settings: no create, update or delete. */
  'ReadOnlyProfile',
  'Internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** What a user sees: what happened (`message`) and what to do about it (`hint`). Never a stack. */
export const ApiErrorPayload = z.object({
  code: ApiErrorCode,
  message: z.string(),
  hint: z.string().optional(),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayload>;

/** The wire shape of every call's answer, on every transport. */
export const CallOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorPayload }),
]);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** Unwraps a transport answer into a value or a thrown CloudshelfError. */
export function unwrapOutcome(raw: unknown): unknown {
  const parsed = CallOutcome.safeParse(raw);
  if (!parsed.success) {
    throw new CloudshelfError(
      'Internal',
      'Cloudshelf received an answer it could not read from its main process.',
      'Restart Cloudshelf; if this keeps happening, report it with the log file.',
    );
  }
  if (parsed.data.ok) return parsed.data.value;
  throw CloudshelfError.fromPayload(parsed.data.error);
}
