export {
  createMutationService,
  type MutationService,
  type MutationServiceOptions,
} from './service';
export { createRequestJournal, type RequestJournal, type RequestJournalOptions } from './journal';
export { defaultPollPolicy, type PollClock, type PollPolicy } from './tracker';
export {
  plainSecretBox,
  safeStorageSecretBox,
  type SafeStorageLike,
  type SecretBox,
} from './secret-box';
export { REDACTED, schemaWriteOnlyProperties } from './write-only';
