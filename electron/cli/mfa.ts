import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CloudshelfApi, EventPayload } from '../../shared/contract';
import { CliError } from './errors';

export interface MfaIo {
  /** Codes are read from here, and only when it is a terminal. */
  stdin?: (Readable & { isTTY?: boolean }) | undefined;
  stderr: Writable;
}

/**
 * Runs `work` (anything that may open an assume-role profile) and answers the MFA prompts
 * it raises from the terminal. Without a terminal nobody can answer, so the first prompt
 * fails the work at once instead of waiting out the core's five-minute timeout.
 */
export async function withMfa<T>(
  api: CloudshelfApi,
  io: MfaIo,
  work: () => Promise<T>,
): Promise<T> {
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_resolve, reject) => {
    refuse = reject;
  });
  const off = api.on('profiles.mfaRequested', (prompt) => {
    if (!io.stdin?.isTTY) {
      refuse(
        new CliError(
          `profile ${prompt.profile} needs an MFA code (${prompt.serialNumber}), and stdin is not a terminal to ask for it; run the command in a terminal, or use a profile with session credentials`,
        ),
      );
      return;
    }
    void ask(api, io, prompt).catch(refuse);
  });
  try {
    return await Promise.race([work(), refused]);
  } finally {
    off();
  }
}

async function ask(
  api: CloudshelfApi,
  io: MfaIo,
  prompt: EventPayload<'profiles.mfaRequested'>,
): Promise<void> {
  const input = io.stdin;
  if (!input) return;
  const question = `MFA code for profile ${prompt.profile} (${prompt.serialNumber}): `;
  // Lines are iterated, not asked for one by one, so a code typed ahead is not lost.
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    io.stderr.write(question);
    for await (const line of lines) {
      const code = line.trim();
      if (/^\d{6}$/.test(code)) {
        await api.profiles.answerMfa({ promptId: prompt.promptId, code });
        return;
      }
      io.stderr.write(`The code is the 6 digits your device shows. ${question}`);
    }
  } finally {
    lines.close();
  }
  throw new CliError(`no MFA code was entered for profile ${prompt.profile}`);
}
