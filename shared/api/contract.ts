import { z } from 'zod';
import type { Envelope } from './errors';
import { settingsPatchSchema, type Settings } from '../domain/settings';
import type { MspContract } from '../domain/cost';
import type { Delegation } from '../domain/delegation';
import type { MspProvider, MspSetup, Technician } from '../domain/msp';
import type { TimeEntry } from '../domain/time-entry';
import type { AppStatus, Category, Task, TaskPage } from '../domain/types';
import type { BurnDown, DelegationPreview, LoggedEntry, QueueCount, ReclaimedView, TodaySummary, WeeklyAverages } from './views';
import {
  bulkTaskAction,
  categoryKind,
  categoryName,
  colour,
  contractFields,
  delegationPeriodFields,
  id,
  instant,
  localDay,
  newTask,
  newTimeEntry,
  nulMessage,
  owner,
  shortNote,
  taskAssignment,
  taskFilter,
  taskPatch,
  taskStatus,
  technicianFields,
  timeEntryPatch,
  weeklyEstimateMinutes,
  withOrderedPeriod,
  withoutNul,
} from './schemas';

import { call } from './call';
import { backupCalls } from './contract-backups';
import { dataCalls } from './contract-data';
import { desktopCalls } from './contract-desktop';
import { insightsCalls } from './contract-insights';
import { planningCalls } from './contract-planning';
import { recurringCalls } from './contract-recurring';
import { timesheetCalls } from './contract-timesheet';

const none = z.object({}).strict().optional();
const byId = z.object({ id }).strict();

/**
 * Every call the renderer can make, declared once: its input schema, what it reads or writes, and
 * its result. The preload bridge, the main-process registration, the browser-mode server, the
 * renderer's client and its cache invalidation are all derived from this map.
 */
export const contract = {
  'app:status': call(none).reads('settings', 'tasks').returns<AppStatus>(),

  'settings:get': call(none).reads('settings').returns<Settings>(),
  /** A new time zone re-files every entry to its local day there, and undated tasks follow the new today. */
  'settings:update': call(settingsPatchSchema).writes('settings', 'timeEntries', 'tasks').returns<Settings>(),

  'categories:list': call(
    z.object({ includeArchived: z.boolean().default(false) }).strict().optional(),
  ).reads('categories').returns<Category[]>(),
  'categories:create': call(
    z.object({ name: categoryName, color: colour, kind: categoryKind.default('operational') }).strict(),
  ).writes('categories').returns<Category>(),
  'categories:update': call(
    z
      .object({ id, name: categoryName.optional(), color: colour.optional(), kind: categoryKind.optional() })
      .strict(),
  ).writes('categories').returns<Category>(),
  'categories:archive': call(byId).writes('categories').returns<Category>(),
  'categories:restore': call(byId).writes('categories').returns<Category>(),

  'tasks:list': call(taskFilter).reads('tasks', 'timeEntries').returns<TaskPage>(),
  'tasks:get': call(byId).reads('tasks', 'timeEntries').returns<Task>(),
  /** Creates the task with its owner settled (the delegation rule, or her explicit choice) in one transaction. */
  'tasks:create': call(newTask).writes('tasks').returns<Task>(),
  /** Any fields and the status, in one transaction. */
  /** Also `timeEntries`: flipping `unplanned` re-files the task's logged time in the rollup's unplanned share. */
  'tasks:update': call(taskPatch).writes('tasks', 'timeEntries').returns<Task>(),
  'tasks:setStatus': call(z.object({ id, status: taskStatus }).strict()).writes('tasks').returns<Task>(),
  'tasks:delete': call(byId).writes('tasks').returns<{ id: number }>(),
  'tasks:restore': call(byId).writes('tasks').returns<Task>(),
  'tasks:bulk': call(bulkTaskAction).writes('tasks').returns<{ changed: number }>(),
  'tasks:assign': call(taskAssignment).writes('tasks').returns<Task>(),

  'timeEntries:create': call(newTimeEntry).writes('timeEntries').returns<TimeEntry>(),
  'timeEntries:list': call(
    z
      .object({ from: localDay, to: localDay, worker: owner.nullable().default(null), limit: z.number().int().min(1).max(200).default(100) })
      .strict(),
  ).reads('timeEntries', 'tasks').returns<LoggedEntry[]>(),
  'timeEntries:delete': call(byId).writes('timeEntries').returns<TimeEntry>(),
  'timeEntries:update': call(timeEntryPatch).writes('timeEntries').returns<TimeEntry>(),
  'timeEntries:split': call(z.object({ id, at: instant('Not a valid time to split at') }).strict()).writes('timeEntries').returns<[TimeEntry, TimeEntry]>(),

  'timer:current': call(none).reads('timeEntries').returns<TimeEntry | null>(),
  /** Starts her timer on a task or a category; a task without a category takes the one given. */
  'timer:start': call(
    z
      .object({ taskId: id.nullable().default(null), categoryId: id.nullable().default(null), note: shortNote.default('') })
      .strict()
      .refine((input) => input.taskId !== null || input.categoryId !== null, {
        message: 'Start the timer on a task or a category',
        path: ['taskId'],
      }),
  ).writes('timeEntries', 'tasks').returns<{ started: TimeEntry; stopped: TimeEntry | null }>(),
  'timer:stop': call(none).writes('timeEntries').returns<TimeEntry | null>(),
  'today:summary': call(none).reads('tasks', 'timeEntries', 'settings', 'timeOff').returns<TodaySummary>(),

  'msp:get': call(none).reads('msp').returns<MspSetup>(),
  'msp:saveProvider': call(
    z
      .object({
        name: z.string().trim().max(120, 'Keep the name under 120 characters').refine(withoutNul, nulMessage('The name')),
        email: z.union([z.literal(''), z.email('Use an email address such as help@msp.example')]),
        phone: z.string().trim().max(60, 'Keep the phone number under 60 characters').refine(withoutNul, nulMessage('The phone number')),
        notes: z.string().max(5000, 'Keep the notes under 5,000 characters').refine(withoutNul, nulMessage('The notes')),
      })
      .strict(),
  ).writes('msp').returns<MspProvider>(),
  'msp:saveContract': call(contractFields).writes('msp').returns<MspContract>(),
  'msp:deleteContract': call(byId).writes('msp').returns<MspContract>(),
  'msp:burnDown': call(none).reads('msp', 'timeEntries', 'settings').returns<BurnDown>(),
  'msp:queue': call(
    z.object({ technicianId: id.nullable().default(null), unassigned: z.boolean().default(false) }).strict(),
  ).reads('tasks', 'msp').returns<{ tasks: Task[]; counts: QueueCount[] }>(),
  'technicians:create': call(technicianFields).writes('msp').returns<Technician>(),
  'technicians:update': call(z.object({ id }).extend(technicianFields.shape).strict()).writes('msp').returns<Technician>(),
  'technicians:remove': call(
    z.object({ id, reassignTo: id.nullable().optional() }).strict(),
  ).writes('msp', 'tasks').returns<{ technician: Technician; reassigned: number }>(),
  'technicians:restore': call(byId).writes('msp').returns<Technician>(),
  'responseTargets:set': call(
    z
      .object({
        categoryId: id,
        targetMinutes: z.number().int().min(1, 'A target is at least one minute').max(60 * 24 * 30, 'A target over 30 days is not a target').nullable(),
      })
      .strict(),
  ).writes('msp').returns<MspSetup['responseTargets']>(),

  'delegations:list': call(none).reads('delegations').returns<Delegation[]>(),
  'delegations:preview': call(
    withOrderedPeriod(z.object({ categoryId: id, ...delegationPeriodFields }).strict()),
  ).reads('delegations', 'tasks').returns<DelegationPreview>(),
  /** Delegates and settles the owner of every open task of the category, in one transaction. */
  'delegations:create': call(
    withOrderedPeriod(
      z
        .object({
          categoryId: id,
          ...delegationPeriodFields,
          estimatedWeeklyMinutes: weeklyEstimateMinutes.nullable().default(null),
          note: shortNote.default(''),
          keepTaskIds: z.array(id).max(5000).default([]),
        })
        .strict(),
    ),
  ).writes('delegations', 'tasks').returns<{ delegation: Delegation; movedTasks: number }>(),
  /** The categories ticked in the what-if, delegated for one period in one transaction: all or none. */
  'delegations:createMany': call(
    withOrderedPeriod(
      z
        .object({
          categoryIds: z
            .array(id)
            .min(1, 'Tick at least one category')
            .max(100)
            .refine((ids) => new Set(ids).size === ids.length, 'A category is listed twice'),
          ...delegationPeriodFields,
        })
        .strict(),
    ),
  ).writes('delegations', 'tasks').returns<{ delegations: Delegation[]; movedTasks: number }>(),
  'delegations:update': call(
    withOrderedPeriod(
      z
        .object({ id, ...delegationPeriodFields, estimatedWeeklyMinutes: weeklyEstimateMinutes.nullable(), note: shortNote })
        .strict(),
    ),
  ).writes('delegations', 'tasks').returns<Delegation>(),
  'delegations:end': call(z.object({ id, endDay: localDay }).strict()).writes('delegations', 'tasks').returns<{ delegation: Delegation; returnedTasks: number }>(),
  'delegations:delete': call(byId).writes('delegations', 'tasks').returns<Delegation>(),
  'delegations:restore': call(byId).writes('delegations', 'tasks').returns<Delegation>(),

  'reclaimed:report': call(
    z
      .object({
        weeks: z.number().int().min(1, 'At least one week').max(1040, 'At most 20 years of weeks').optional(),
        from: localDay.optional(),
        to: localDay.optional(),
      })
      .strict()
      .optional(),
  ).reads('delegations', 'timeEntries', 'settings', 'msp').returns<ReclaimedView>(),
  'reclaimed:averages': call(none).reads('timeEntries', 'settings').returns<WeeklyAverages>(),

  ...recurringCalls,
  ...planningCalls,
  ...insightsCalls,
  ...backupCalls,
  ...desktopCalls,
  ...timesheetCalls,
  ...dataCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What the caller passes (before defaults are applied). */
export type CallInput<Name extends CallName> = z.input<Contract[Name]['input']>;
/** What the handler receives (after parsing, defaults applied). */
export type ParsedInput<Name extends CallName> = z.output<Contract[Name]['input']>;
export type CallResult<Name extends CallName> = NonNullable<Contract[Name]['result']>[0];

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The arguments of a call: optional when its input may be omitted. */
export type CallArgs<Name extends CallName> = undefined extends CallInput<Name>
  ? [input?: CallInput<Name>]
  : [input: CallInput<Name>];

/** The object the preload exposes as `window.offload`: one function per call, nothing else. */
export type OffloadBridge = {
  [Name in CallName]: (...args: CallArgs<Name>) => Promise<Envelope<CallResult<Name>>>;
};

/**
 * Builds an object with one member per call. The single place where a mapped object is assembled
 * from the name list, so the preload and the browser bridge need no casts of their own.
 */
export function mapCalls<Member>(
  build: (name: CallName) => Member,
): Record<CallName, Member> {
  return Object.fromEntries(callNames.map((name) => [name, build(name)])) as Record<CallName, Member>;
}

/** The IPC channel of a call. Only the preload and the shell's registration use it. */
export function ipcChannel(name: CallName): `offload:${CallName}` {
  return `offload:${name}`;
}
