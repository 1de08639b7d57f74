import { useEffect, type ReactNode } from 'react';

/**
 * One screen is on the page at a time, so its title has one fixed id: the section is named by it,
 * and navigation moves focus to it (app.tsx) so keyboard and screen-reader users land on the new
 * content rather than stay in the sidebar.
 */
export const SCREEN_TITLE_ID = 'screen-title';

export function focusScreenTitle(): void {
  document.getElementById(SCREEN_TITLE_ID)?.focus();
}

interface ScreenProps {
  title: ReactNode;
  /** Controls that act on the whole screen, at the right of the title (a filter, Print). */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A screen: its heading row and its content, named by the heading. */
export function Screen({ title, actions, className, children }: ScreenProps) {
  // A screen whose code loads on first use mounts after app.tsx moved focus: land on it here too.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || active.closest('.sidebar')) focusScreenTitle();
  }, []);
  return (
    <section className={className ? `screen ${className}` : 'screen'} aria-labelledby={SCREEN_TITLE_ID}>
      <header className="screen-header">
        {/* Focusable by script only: it is where focus lands, not a stop in the tab order. */}
        <h1 id={SCREEN_TITLE_ID} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </header>
      {children}
    </section>
  );
}
