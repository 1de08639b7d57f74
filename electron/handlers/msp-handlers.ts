import { AppError } from '../../shared/api/errors';
import { getCategory } from '../repositories/categories';
import {
  createTechnician,
  deleteContract,
  getProvider,
  getTechnician,
  listContracts,
  listResponseTargets,
  listTechnicians,
  saveContract,
  saveProvider,
  assertActiveTechnician,
  setResponseTarget,
  setTechnicianArchived,
  updateTechnician,
} from '../repositories/msp';
import { mspQueue, mspQueueCounts, openTaskCountOfTechnician, reassignTechnicianTasks } from '../repositories/tasks';
import { burnDown } from '../services/reclaimed-service';
import type { Handlers } from './types';

const toCents = (amount: number) => Math.round(amount * 100);

export const mspHandlers = {
  'msp:get': (_input, { db }) => ({
    provider: getProvider(db),
    contracts: listContracts(db),
    technicians: listTechnicians(db),
    responseTargets: listResponseTargets(db),
  }),
  'msp:saveProvider': (provider, { db, now }) => saveProvider(db, provider, now()),
  'msp:saveContract': (fields, { db, now }) =>
    saveContract(
      db,
      {
        id: fields.id,
        startDay: fields.startDay,
        monthlyFeeCents: toCents(fields.monthlyFee),
        includedMinutes: Math.round(fields.includedHours * 60),
        overageRateCents: toCents(fields.overageRate),
      },
      now(),
    ),
  'msp:deleteContract': ({ id }, { db }) => deleteContract(db, id),
  'msp:burnDown': (_input, { db, settings, today }) => burnDown(db, settings.get(), today()),
  'msp:queue': ({ technicianId, unassigned }, { db }) => ({
    tasks: mspQueue(db, { technicianId, unassigned, limit: 200 }),
    counts: mspQueueCounts(db),
  }),

  'technicians:create': (fields, { db, now }) => createTechnician(db, fields, now()),
  'technicians:update': (fields, { db, now }) => updateTechnician(db, fields, now()),
  /**
   * A technician who leaves is archived, never deleted: their logged hours stay theirs. Open tasks
   * they own need a new home first; without one the call says how many and asks.
   */
  'technicians:remove': ({ id, reassignTo }, { db, now }) =>
    db.transaction(() => {
      const technician = getTechnician(db, id);
      const open = openTaskCountOfTechnician(db, id);
      if (open > 0 && reassignTo === undefined) {
        throw new AppError(
          'CONFLICT',
          `${technician.name} owns ${open} open task${open === 1 ? '' : 's'}. Choose who takes ${open === 1 ? 'it' : 'them'}: another technician or the MSP's unassigned queue.`,
          [{ field: 'reassignTo', message: 'Choose who takes the open tasks' }],
        );
      }
      if (reassignTo === id) throw new AppError('VALIDATION', 'Hand the tasks to someone else.', [{ field: 'reassignTo', message: 'Same technician' }]);
      if (reassignTo != null) assertActiveTechnician(db, reassignTo);
      const reassigned = open > 0 ? reassignTechnicianTasks(db, id, reassignTo ?? null, now()) : 0;
      return { technician: setTechnicianArchived(db, id, true, now()), reassigned };
    })(),
  'technicians:restore': ({ id }, { db, now }) => setTechnicianArchived(db, id, false, now()),
  'responseTargets:set': ({ categoryId, targetMinutes }, { db }) => {
    getCategory(db, categoryId);
    setResponseTarget(db, categoryId, targetMinutes);
    return listResponseTargets(db);
  },
} satisfies Partial<Handlers>;
