import { OperationsButton } from '../mutations/OperationsPanel';
import { useShell } from '../store/context';
import type { AppInfo } from '../../shared/contract';

const hostLabels: Record<AppInfo['host'], string> = {
  electron: 'Desktop',
  browser: 'Browser mode',
  cli: 'Command line',
};

export function StatusBar() {
  const info = useShell((state) => state.info);
  return (
    <footer className="statusbar">
      <span className="statusbar-item" data-testid="app-version">
        {info ? `${info.name} ${info.version}` : 'Cloudshelf'}
      </span>
      {info ? (
        <>
          <span className="statusbar-item" data-testid="app-host">
            {hostLabels[info.host]}
          </span>
          <span className="statusbar-spacer" />
          <OperationsButton />
          <span className="statusbar-item muted">{info.platform}</span>
        </>
      ) : null}
    </footer>
  );
}
