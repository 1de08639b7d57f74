import type { Handlers } from './types';

/** Backups and restore: the work is the backup service's (electron/services/backup-service.ts). */
export const backupHandlers = {
  'backups:overview': (_input, { backups }) => backups.overview(),
  'backups:create': (_input, { backups }) => ({ job: backups.start('manual') }),
  'backups:preview': ({ id }, { backups }) => backups.preview(id),
  'backups:restore': ({ id }, { backups }) => backups.restore(id),
  'backups:startFresh': (_input, { backups }) => backups.startFresh(),
  'backups:setSecondFolder': ({ path }, { backups }) => backups.setSecondFolder(path),
  'backups:pickSecondFolder': (_input, { backups }) => backups.pickSecondFolder(),
} satisfies Partial<Handlers>;
