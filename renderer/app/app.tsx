import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api/errors';
import { useCallQuery } from '../api/hooks';
import { TasksScreen } from '../features/tasks/tasks-screen';
import { TodayScreen } from '../features/today/today-screen';
import { GO_KEYS, navigate, PAGE_LABELS, SCREENS, useScreen, type ScreenId } from './routes';
import { DocumentTitle } from '../features/timer/running-timer';
import { TaskEditorLoader } from '../features/tasks/task-editor';
import { Sidebar } from './sidebar';
import { QuickAddDialog } from '../features/quick-add/quick-add-dialog';
import { useTheme } from './theme';
import { focusScreenTitle } from '../ui/screen';
import { TimeProvider } from '../ui/time';
import { lazyScreen } from './screen-prefetch';

const SettingsScreen = lazyScreen('settings');
const MspScreen = lazyScreen('msp');
const HandoffSheet = lazyScreen('handoff');
const CommandPalette = lazy(() => import('../features/palette/command-palette'));
const ShortcutsHelp = lazy(() => import('../features/palette/shortcuts-help'));
const InsightsScreen = lazyScreen('insights');
const WeekPlanScreen = lazyScreen('week');
const TimeOffScreen = lazyScreen('time-off');
const ReportPage = lazyScreen('report');

/** How long after G the screen's letter is taken. */
const GO_WINDOW_MS = 1500;
const RecoveryScreen = lazy(() => import('../features/data/recovery-screen'));

/** The fatal codes the recovery screen takes over from the fatal screen (see features/data/recovery-screen.tsx). */
const RECOVERABLE = new Set(['DB_UNREADABLE', 'DB_EMPTY']);
const FATAL_TITLES: Record<string, string> = {
  DB_TOO_NEW: 'This database is from a newer Offload',
  READ_ONLY: 'Offload cannot write to its data folder',
  DISK_FULL: 'The disk holding your data is full',
  IO_ERROR: 'The disk reported an error',
};
const QuickAddWindow = lazyScreen('quick-add-window');

const screenIsQuickAddWindow = () => window.location.hash.startsWith('#/quick-add-window');
const TimesheetScreen = lazyScreen('timesheet');
const ImportScreen = lazyScreen('import');

function CurrentScreen({ id }: { id: ScreenId }) {
  switch (id) {
    case 'today':
      return <TodayScreen />;
    case 'timesheet':
      return <TimesheetScreen />;
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
    case 'week':
      return <WeekPlanScreen />;
    case 'time-off':
      return <TimeOffScreen />;
    case 'report':
      return <ReportPage />;
    case 'import':
      return <ImportScreen />;
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
  /** A task opened from the palette, edited over whatever screen she is on. */
  const [openTask, setOpenTask] = useState<number | null>(null);

  useEffect(() => {
    // G, then a screen's letter within a moment: the same shortcut in the desktop app and in a browser.
    let go: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      // The quick-add window shows the dialog alone: no screens to switch to, no palette.
      if (screenIsQuickAddWindow()) return;
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], dialog');
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (go !== null && plain && !typing) {
        window.clearTimeout(go);
        go = null;
        const target = SCREENS.find((entry) => GO_KEYS[entry.id] === event.key.toLowerCase());
        if (target) {
          event.preventDefault();
          navigate(target.id);
          return;
        }
      }
      if (event.key.toLowerCase() === 'g' && plain && !event.shiftKey && !typing) {
        go = window.setTimeout(() => {
          go = null;
        }, GO_WINDOW_MS);
        return;
      }
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
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (go !== null) window.clearTimeout(go);
    };
  }, []);

  const screenLabel = SCREENS.find((entry) => entry.id === screen)?.label ?? (screen in PAGE_LABELS ? PAGE_LABELS[screen as keyof typeof PAGE_LABELS] : 'Offload');
  useEffect(() => {
    // Move focus to the new screen so keyboard and screen-reader users land on its content.
    if (document.activeElement?.closest('.sidebar') || document.activeElement === document.body) {
      focusScreenTitle();
    }
  }, [screen]);

  if (status.isPending) return <div className="boot" aria-busy="true" />;
  if (status.isError) {
    // Browser mode without a session: nothing is wrong but the link she used (see api/session.ts).
    if (status.error instanceof ApiError && status.error.code === 'FORBIDDEN') {
      return (
        <FatalScreen
          title="Sign in to Offload"
          message={status.error.message}
          footer="The link is printed in the terminal where Offload is running (npm start); it works for as long as Offload runs."
        />
      );
    }
    return <FatalScreen title="Offload cannot reach its data" message={status.error.message} />;
  }
  if (status.data.fatal) {
    if (RECOVERABLE.has(status.data.fatal.code)) {
      return (
        <Suspense fallback={<div className="boot" aria-busy="true" />}>
          <RecoveryScreen status={status.data} />
        </Suspense>
      );
    }
    return (
      <FatalScreen
        title={FATAL_TITLES[status.data.fatal.code] ?? 'Offload cannot open its database'}
        message={status.data.fatal.message}
        detail={`Database file: ${status.data.databaseFile}`}
      />
    );
  }

  if (screen === 'quick-add-window') {
    return (
      <TimeProvider timeZone={status.data.timeZone}>
        <Suspense fallback={null}>
          <QuickAddWindow />
        </Suspense>
      </TimeProvider>
    );
  }

  const notices = status.data.notices.filter((notice) => !dismissed.includes(notice.id));
  return (
    <TimeProvider timeZone={status.data.timeZone}>
    <div className="app">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <DocumentTitle screen={screenLabel} />
      <Sidebar current={screen} mode={status.data.mode} onQuickAdd={() => setQuickAdd(true)} />
      {quickAdd && <QuickAddDialog onClose={() => setQuickAdd(false)} />}
      {openTask !== null && <TaskEditorLoader key={openTask} id={openTask} onClose={() => setOpenTask(null)} />}
      <Suspense fallback={null}>
        {palette && (
          <CommandPalette
            onClose={() => setPalette(false)}
            actions={{ quickAdd: () => setQuickAdd(true), showShortcuts: () => setShortcuts(true), openTask: setOpenTask }}
          />
        )}
        {shortcuts && <ShortcutsHelp mode={status.data.mode} onClose={() => setShortcuts(false)} />}
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

function FatalScreen({
  title,
  message,
  detail,
  footer = 'Nothing was changed. Close Offload, fix the cause above, and start it again.',
}: {
  title: string;
  message: string;
  detail?: string;
  footer?: string;
}) {
  return (
    <main className="fatal" id="main">
      <h1>{title}</h1>
      <p>{message}</p>
      {detail && <p className="muted">{detail}</p>}
      <p className="muted">{footer}</p>
    </main>
  );
}
