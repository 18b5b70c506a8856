import type { SettingsStore } from '../../core/settings/store';
import type { HandlerTable } from '../dispatch';

/** Cloudshelf's own settings; the contract has already validated the patch. */
export function createSettingsHandlers(
  settings: SettingsStore,
): Pick<HandlerTable, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': ({ patch }) => settings.update(patch),
  };
}
