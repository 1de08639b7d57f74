import { useEffect, useState } from 'react';
import { QuickAddDialog } from './quick-add-dialog';
import { quickAddFromHash } from './quick-add-route';
import './quick-add-window.css';

/**
 * The desktop app's small quick-add window: only the dialog, with Interrupt on offer. Adding (or
 * Escape, or Cancel) closes the window; the main window hears about the new task from the backend.
 */
export default function QuickAddWindow() {
  const [initial] = useState(() => quickAddFromHash(window.location.hash));
  useEffect(() => {
    document.title = 'Quick add · Offload';
    document.documentElement.classList.add('quick-add-window');
    return () => document.documentElement.classList.remove('quick-add-window');
  }, []);
  return <QuickAddDialog initial={initial.text} offerInterrupt initialInterrupt={initial.interrupt} onClose={() => window.close()} />;
}
