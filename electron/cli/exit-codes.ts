/** The command's exit codes; `cloudshelf --help` lists them, scripts test them. */
export const exitCodes = {
  ok: 0,
  /** Nothing usable came out: bad flags, unknown profile, type or column, credentials, I/O. */
  failure: 1,
  /** Some regions failed; the other regions' rows were written. */
  partial: 2,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;
