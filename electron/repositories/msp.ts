import { describeDay } from '../../shared/domain/day';
import { AppError } from '../../shared/api/errors';
import type { MspContract } from '../../shared/domain/cost';
import type { MspProvider, ResponseTarget, Technician } from '../../shared/domain/msp';
import { isUniqueViolation, preparedFor, type SqliteDatabase } from '../db/connection';

interface ContractRow {
  id: number;
  start_day: string;
  monthly_fee_cents: number;
  included_minutes: number;
  overage_rate_cents: number;
}

interface TechnicianRow {
  id: number;
  name: string;
  role: string;
  email: string;
  archived_at: number | null;
}

const toContract = (row: ContractRow): MspContract => ({
  id: row.id,
  startDay: row.start_day,
  monthlyFeeCents: row.monthly_fee_cents,
  includedMinutes: row.included_minutes,
  overageRateCents: row.overage_rate_cents,
});

const toTechnician = (row: TechnicianRow): Technician => ({
  id: row.id,
  name: row.name,
  role: row.role,
  email: row.email,
  archived: row.archived_at !== null,
});

const statements = preparedFor((db) => ({
  provider: db.prepare<[], MspProvider>('SELECT name, email, phone, notes FROM msp_provider WHERE id = 1'),
  saveProvider: db.prepare<[MspProvider & { now: number }]>(
    `INSERT INTO msp_provider (id, name, email, phone, notes, updated_at) VALUES (1, :name, :email, :phone, :notes, :now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
       notes = excluded.notes, updated_at = excluded.updated_at`,
  ),
  contracts: db.prepare<[], ContractRow>(
    'SELECT id, start_day, monthly_fee_cents, included_minutes, overage_rate_cents FROM msp_contracts ORDER BY start_day',
  ),
  contractById: db.prepare<[number], ContractRow>(
    'SELECT id, start_day, monthly_fee_cents, included_minutes, overage_rate_cents FROM msp_contracts WHERE id = ?',
  ),
  insertContract: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO msp_contracts (start_day, monthly_fee_cents, included_minutes, overage_rate_cents, created_at, updated_at)
     VALUES (:start_day, :monthly_fee_cents, :included_minutes, :overage_rate_cents, :now, :now)`,
  ),
  updateContract: db.prepare<[Record<string, unknown>]>(
    `UPDATE msp_contracts SET start_day = :start_day, monthly_fee_cents = :monthly_fee_cents, included_minutes = :included_minutes,
       overage_rate_cents = :overage_rate_cents, updated_at = :now WHERE id = :id`,
  ),
  deleteContract: db.prepare<[number]>('DELETE FROM msp_contracts WHERE id = ?'),
  technicians: db.prepare<[], TechnicianRow>('SELECT id, name, role, email, archived_at FROM technicians ORDER BY archived_at IS NOT NULL, name'),
  technicianById: db.prepare<[number], TechnicianRow>('SELECT id, name, role, email, archived_at FROM technicians WHERE id = ?'),
  insertTechnician: db.prepare<[Record<string, unknown>]>(
    'INSERT INTO technicians (name, role, email, created_at, updated_at) VALUES (:name, :role, :email, :now, :now)',
  ),
  updateTechnician: db.prepare<[Record<string, unknown>]>(
    'UPDATE technicians SET name = :name, role = :role, email = :email, updated_at = :now WHERE id = :id',
  ),
  setTechnicianArchived: db.prepare<[number | null, number, number]>('UPDATE technicians SET archived_at = ?, updated_at = ? WHERE id = ?'),
  targets: db.prepare<[], { category_id: number; target_minutes: number }>('SELECT category_id, target_minutes FROM response_targets ORDER BY category_id'),
  setTarget: db.prepare<[number, number]>(
    `INSERT INTO response_targets (category_id, target_minutes) VALUES (?, ?)
     ON CONFLICT (category_id) DO UPDATE SET target_minutes = excluded.target_minutes`,
  ),
  clearTarget: db.prepare<[number]>('DELETE FROM response_targets WHERE category_id = ?'),
}));

export function getProvider(db: SqliteDatabase): MspProvider {
  return statements(db).provider.get() ?? { name: '', email: '', phone: '', notes: '' };
}

export function saveProvider(db: SqliteDatabase, provider: MspProvider, now: number): MspProvider {
  statements(db).saveProvider.run({ ...provider, now });
  return getProvider(db);
}

export function listContracts(db: SqliteDatabase): MspContract[] {
  return statements(db).contracts.all().map(toContract);
}

export function saveContract(db: SqliteDatabase, contract: Omit<MspContract, 'id'> & { id: number | null }, now: number): MspContract {
  const params = {
    start_day: contract.startDay,
    monthly_fee_cents: contract.monthlyFeeCents,
    included_minutes: contract.includedMinutes,
    overage_rate_cents: contract.overageRateCents,
    now,
  };
  const { contractById, insertContract, updateContract } = statements(db);
  try {
    if (contract.id === null) {
      return toContract(contractById.get(Number(insertContract.run(params).lastInsertRowid))!);
    }
    if (!contractById.get(contract.id)) throw new AppError('NOT_FOUND', `There is no contract #${contract.id}.`);
    updateContract.run({ ...params, id: contract.id });
    return toContract(contractById.get(contract.id)!);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', `A contract already starts on ${describeDay(contract.startDay)}; edit that one instead.`, [
      { field: 'startDay', message: 'Another contract starts that day' },
    ]);
  }
}

export function deleteContract(db: SqliteDatabase, id: number): MspContract {
  const row = statements(db).contractById.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no contract #${id}.`);
  statements(db).deleteContract.run(id);
  return toContract(row);
}

export function listTechnicians(db: SqliteDatabase): Technician[] {
  return statements(db).technicians.all().map(toTechnician);
}

export function getTechnician(db: SqliteDatabase, id: number): Technician {
  const row = statements(db).technicianById.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no technician #${id}.`);
  return toTechnician(row);
}

export function assertActiveTechnician(db: SqliteDatabase, id: number): void {
  const technician = getTechnician(db, id);
  if (technician.archived) {
    throw new AppError('VALIDATION', `${technician.name} is no longer on the MSP team; pick someone else.`, [
      { field: 'technicianId', message: 'This technician was removed' },
    ]);
  }
}

export function createTechnician(db: SqliteDatabase, fields: Omit<Technician, 'id' | 'archived'>, now: number): Technician {
  const { lastInsertRowid } = statements(db).insertTechnician.run({ ...fields, now });
  return getTechnician(db, Number(lastInsertRowid));
}

export function updateTechnician(db: SqliteDatabase, technician: Omit<Technician, 'archived'>, now: number): Technician {
  getTechnician(db, technician.id);
  statements(db).updateTechnician.run({ ...technician, now });
  return getTechnician(db, technician.id);
}

export function setTechnicianArchived(db: SqliteDatabase, id: number, archived: boolean, now: number): Technician {
  getTechnician(db, id);
  statements(db).setTechnicianArchived.run(archived ? now : null, now, id);
  return getTechnician(db, id);
}

export function listResponseTargets(db: SqliteDatabase): ResponseTarget[] {
  return statements(db).targets.all().map((row) => ({ categoryId: row.category_id, targetMinutes: row.target_minutes }));
}

export function setResponseTarget(db: SqliteDatabase, categoryId: number, targetMinutes: number | null): void {
  if (targetMinutes === null) statements(db).clearTarget.run(categoryId);
  else statements(db).setTarget.run(categoryId, targetMinutes);
}
