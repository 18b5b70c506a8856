// Moved to the registry so core (inventory scans, catalog) can share it without importing the sandbox.
export {
  listHandlerInputs,
  listNeedsModel,
  type ListHandlerInputs,
} from '../../registry/list-handler';
