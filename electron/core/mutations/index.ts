export {
  createMutationService,
  type MutationService,
  type MutationServiceOptions,
} from './service';
export { createRequestJournal, type RequestJournal, type RequestJournalOptions } from './journal';
export { defaultPollPolicy, type PollClock, type PollPolicy } from './tracker';
