import { randomUUID } from 'node:crypto';
import { CloudshelfError } from '../../../shared/contract';
import type { EventBus } from '../events';

interface Waiting {
  resolve: (code: string) => void;
  timer: NodeJS.Timeout;
}

export const defaultMfaTimeoutMs = 5 * 60_000;

/**
 * Asks the UI for MFA codes: `ask` emits `profiles.mfaRequested` and waits for `answer`
 * with the same prompt id. Only the prompt id, profile name and device serial travel in
 * the event; the code travels once, from the UI to STS.
 */
export class MfaPrompts {
  readonly #waiting = new Map<string, Waiting>();

  constructor(
    private readonly bus: EventBus,
    private readonly timeoutMs = defaultMfaTimeoutMs,
  ) {}

  ask(profile: string, serialNumber: string): Promise<string> {
    const promptId = randomUUID();
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(promptId);
        reject(
          new CloudshelfError(
            'Unauthorized',
            `No MFA code was entered for profile ${profile}.`,
            'Enter the 6-digit code from your device when Cloudshelf asks, then try again.',
          ),
        );
      }, this.timeoutMs);
      this.#waiting.set(promptId, { resolve, timer });
      this.bus.emit('profiles.mfaRequested', { promptId, profile, serialNumber });
    });
  }

  /** False when the prompt is unknown or already answered or timed out. */
  answer(promptId: string, code: string): boolean {
    const waiting = this.#waiting.get(promptId);
    if (!waiting) return false;
    this.#waiting.delete(promptId);
    clearTimeout(waiting.timer);
    waiting.resolve(code);
    return true;
  }

  get pending(): number {
    return this.#waiting.size;
  }
}
