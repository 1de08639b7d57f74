import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useCallQuery } from '../api/hooks';
import { TasksScreen } from '../features/tasks/tasks-screen';
import { TodayScreen } from '../features/today/today-screen';
import { PlaceholderScreen } from '../features/placeholders/placeholder-screen';
import { navigate, SCREENS, useScreen, type ScreenId } from './routes';
import { Sidebar } from './sidebar';
import { QuickAddDialog } from '../features/quick-add/quick-add-dialog';
import { useTheme } from './theme';
import { focusScreenTitle } from '../ui/screen';
import { TimeProvider } from '../ui/time';

const SettingsScreen = lazy(() => import('../features/settings/settings-screen'));
const MspScreen = lazy(() => import('../features/msp/msp-screen'));
const HandoffSheet = lazy(() => import('../features/msp/handoff-sheet'));
const CommandPalette = lazy(() => import('../features/palette/command-palette'));
const ShortcutsHelp = lazy(() => import('../features/palette/shortcuts-help'));
const InsightsScreen = lazy(() => import('../features/insights/insights-screen'));
const ImportScreen = lazy(() => import('../features/data/import/import-screen'));

function CurrentScreen({ id }: { id: ScreenId }) {
  switch (id) {
    case 'today':
      return <TodayScreen />;
    case 'tasks':
      return <TasksScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'msp':
      return <MspScreen />;
    case 'handoff':
      return <HandoffSheet />;
    case 'insights':
      return <InsightsScreen />;
    case 'import':
      return <ImportScreen />;
    default:
      return <PlaceholderScreen id={id} />;
  }
}

export function App() {
  const screen = useScreen();
  const status = useCallQuery('app:status', []);
  const settings = useCallQuery('settings:get', [], { enabled: status.data?.fatal === null });
  useTheme(settings.data?.theme);
  const main = useRef<HTMLElement>(null);
  const [dismissed, setDismissed] = useState<string[]>([]);

  const [quickAdd, setQuickAdd] = useState(false);
  const [palette, setPalette] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], dialog');
      if (event.key.toLowerCase() === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing) {
        event.preventDefault();
        setQuickAdd(true);
        return;
      }
      if (event.key === '?' && !typing) {
        event.preventDefault();
        setShortcuts(true);
        return;
      }
      if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        setPalette(true);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const target = SCREENS[index];
      if (target) {
        event.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const label = SCREENS.find((entry) => entry.id === screen)?.label ?? 'Offload';
    document.title = `${label} · Offload`;
    // Move focus to the new screen so keyboard and screen-reader users land on its content.
    if (document.activeElement?.closest('.sidebar') || document.activeElement === document.body) {
      focusScreenTitle();
    }
  }, [screen]);

  if (status.isPending) return <div className="boot" aria-busy="true" />;
  if (status.isError) {
    return <FatalScreen title="Offload cannot reach its data" message={status.error.message} />;
  }
  if (status.data.fatal) {
    return (
      <FatalScreen
        title={status.data.fatal.code === 'DB_TOO_NEW' ? 'This database is from a newer Offload' : 'Offload cannot open its database'}
        message={status.data.fatal.message}
        detail={`Database file: ${status.data.databaseFile}`}
      />
    );
  }

  const notices = status.data.notices.filter((notice) => !dismissed.includes(notice.id));
  return (
    <TimeProvider timeZone={status.data.timeZone}>
    <div className="app">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <Sidebar current={screen} onQuickAdd={() => setQuickAdd(true)} />
      {quickAdd && <QuickAddDialog onClose={() => setQuickAdd(false)} />}
      <Suspense fallback={null}>
        {palette && (
          <CommandPalette
            onClose={() => setPalette(false)}
            actions={{ quickAdd: () => setQuickAdd(true), showShortcuts: () => setShortcuts(true) }}
          />
        )}
        {shortcuts && <ShortcutsHelp onClose={() => setShortcuts(false)} />}
      </Suspense>
      <main id="main" ref={main} tabIndex={-1}>
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.level}`} role="alert">
            <span>{notice.message}</span>
            <button type="button" className="button button-small" onClick={() => setDismissed((all) => [...all, notice.id])}>
              Dismiss
            </button>
          </div>
        ))}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <CurrentScreen id={screen} />
        </Suspense>
      </main>
    </div>
    </TimeProvider>
  );
}

function FatalScreen({ title, message, detail }: { title: string; message: string; detail?: string }) {
  return (
    <main className="fatal" id="main">
      <h1>{title}</h1>
      <p>{message}</p>
      {detail && <p className="muted">{detail}</p>}
      <p className="muted">Nothing was changed. Close Offload, fix the cause above, and start it again.</p>
    </main>
  );
}
