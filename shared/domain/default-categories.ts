import type { CategoryKind } from './types';

/** The categories created on first run; she can rename, recolour and archive them. */
export const DEFAULT_CATEGORIES: readonly { name: string; color: string; kind: CategoryKind }[] = [
  { name: 'Tech support', color: '#2563eb', kind: 'operational' },
  { name: 'Server administration', color: '#7c3aed', kind: 'operational' },
  { name: 'Desktop maintenance', color: '#0891b2', kind: 'operational' },
  { name: 'Network', color: '#059669', kind: 'operational' },
  { name: 'Security & backups', color: '#dc2626', kind: 'operational' },
  { name: 'Vendors & licensing', color: '#d97706', kind: 'operational' },
  { name: 'Research & strategy', color: '#db2777', kind: 'strategic' },
  { name: 'Meetings', color: '#4f46e5', kind: 'strategic' },
  { name: 'Other', color: '#64748b', kind: 'operational' },
];
