import { z } from 'zod';
import type { Envelope } from './errors';
import { settingsPatchSchema, type Settings } from '../domain/settings';
import type { MspContract } from '../domain/cost';
import type { Delegation } from '../domain/delegation';
import type { MspProvider, MspSetup, Technician } from '../domain/msp';
import type { TimeEntry } from '../domain/time-entry';
import type { AppStatus, Category, Task, TaskPage } from '../domain/types';
import type { BurnDown, DelegationPreview, QueueCount, ReclaimedView, TodaySummary, WeeklyAverages } from './views';
import {
  contractFields,
  delegationPeriod,
  localDay,
  newTimeEntry,
  owner,
  technicianFields,
  bulkTaskAction,
  timeEntryPatch,
  weeklyEstimateMinutes,
  categoryKind,
  categoryName,
  colour,
  id,
  newTaskFields,
  taskPatchFields,
  taskFilter,
  taskStatus,
} from './schemas';

import { call } from './call';
import { recurringCalls } from './contract-recurring';

const none = z.object({}).strict().optional();
const byId = z.object({ id }).strict();

/**
 * Every call the renderer can make, declared once. The preload bridge, the main-process
 * registration, the browser-mode server and the renderer's client are all derived from this map.
 */
export const contract = {
  'app:status': call(none).returns<AppStatus>(),

  'settings:get': call(none).returns<Settings>(),
  'settings:update': call(settingsPatchSchema).returns<Settings>(),

  'categories:list': call(
    z.object({ includeArchived: z.boolean().default(false) }).strict().optional(),
  ).returns<Category[]>(),
  'categories:create': call(
    z.object({ name: categoryName, color: colour, kind: categoryKind.default('operational') }).strict(),
  ).returns<Category>(),
  'categories:update': call(
    z
      .object({ id, name: categoryName.optional(), color: colour.optional(), kind: categoryKind.optional() })
      .strict(),
  ).returns<Category>(),
  'categories:archive': call(byId).returns<Category>(),
  'categories:restore': call(byId).returns<Category>(),

  'tasks:list': call(taskFilter).returns<TaskPage>(),
  'tasks:get': call(byId).returns<Task>(),
  'tasks:create': call(newTaskFields.strict()).returns<Task>(),
  'tasks:update': call(
    z.object({ id }).extend(taskPatchFields.shape).strict(),
  ).returns<Task>(),
  'tasks:setStatus': call(z.object({ id, status: taskStatus }).strict()).returns<Task>(),
  'tasks:delete': call(byId).returns<{ id: number }>(),
  'tasks:restore': call(byId).returns<Task>(),
  'tasks:bulk': call(bulkTaskAction).returns<{ changed: number }>(),
  'tasks:assign': call(
    z.object({ id, owner, technicianId: id.nullable().default(null), keep: z.boolean().default(false) }).strict(),
  ).returns<Task>(),

  'timeEntries:create': call(newTimeEntry).returns<TimeEntry>(),
  'timeEntries:list': call(
    z
      .object({ from: localDay, to: localDay, worker: owner.nullable().default(null), limit: z.number().int().min(1).max(200).default(100) })
      .strict(),
  ).returns<TimeEntry[]>(),
  'timeEntries:delete': call(byId).returns<TimeEntry>(),
  'timeEntries:update': call(timeEntryPatch).returns<TimeEntry>(),
  'timeEntries:split': call(z.object({ id, at: z.number().int().min(0) }).strict()).returns<[TimeEntry, TimeEntry]>(),

  'timer:current': call(none).returns<TimeEntry | null>(),
  'timer:start': call(
    z
      .object({ taskId: id.nullable().default(null), categoryId: id.nullable().default(null), note: z.string().max(2000).default('') })
      .strict()
      .refine((input) => input.taskId !== null || input.categoryId !== null, {
        message: 'Start the timer on a task or a category',
        path: ['taskId'],
      }),
  ).returns<{ started: TimeEntry; stopped: TimeEntry | null }>(),
  'timer:stop': call(none).returns<TimeEntry | null>(),
  'today:summary': call(none).returns<TodaySummary>(),

  'msp:get': call(none).returns<MspSetup>(),
  'msp:saveProvider': call(
    z
      .object({
        name: z.string().trim().max(120, 'Keep the name under 120 characters'),
        email: z.union([z.literal(''), z.email('Use an email address such as help@msp.example')]),
        phone: z.string().trim().max(60),
        notes: z.string().max(5000),
      })
      .strict(),
  ).returns<MspProvider>(),
  'msp:saveContract': call(contractFields).returns<MspContract>(),
  'msp:deleteContract': call(byId).returns<MspContract>(),
  'msp:burnDown': call(none).returns<BurnDown>(),
  'msp:queue': call(
    z.object({ technicianId: id.nullable().default(null), unassigned: z.boolean().default(false) }).strict(),
  ).returns<{ tasks: Task[]; counts: QueueCount[] }>(),
  'technicians:create': call(technicianFields).returns<Technician>(),
  'technicians:update': call(z.object({ id }).extend(technicianFields.shape).strict()).returns<Technician>(),
  'technicians:remove': call(
    z.object({ id, reassignTo: id.nullable().optional() }).strict(),
  ).returns<{ technician: Technician; reassigned: number }>(),
  'technicians:restore': call(byId).returns<Technician>(),
  'responseTargets:set': call(
    z
      .object({
        categoryId: id,
        targetMinutes: z.number().int().min(1, 'A target is at least one minute').max(60 * 24 * 30, 'A target over 30 days is not a target').nullable(),
      })
      .strict(),
  ).returns<MspSetup['responseTargets']>(),

  'delegations:list': call(none).returns<Delegation[]>(),
  'delegations:preview': call(
    z.object({ categoryId: id }).and(delegationPeriod),
  ).returns<DelegationPreview>(),
  'delegations:create': call(
    z
      .object({
        categoryId: id,
        estimatedWeeklyMinutes: weeklyEstimateMinutes.nullable().default(null),
        note: z.string().max(2000).default(''),
        keepTaskIds: z.array(id).max(500).default([]),
      })
      .and(delegationPeriod),
  ).returns<{ delegation: Delegation; movedTasks: number }>(),
  'delegations:update': call(
    z
      .object({ id, estimatedWeeklyMinutes: weeklyEstimateMinutes.nullable(), note: z.string().max(2000) })
      .and(delegationPeriod),
  ).returns<Delegation>(),
  'delegations:end': call(z.object({ id, endDay: localDay }).strict()).returns<{ delegation: Delegation; returnedTasks: number }>(),
  'delegations:delete': call(byId).returns<Delegation>(),
  'delegations:restore': call(byId).returns<Delegation>(),

  'reclaimed:report': call(
    z.object({ weeks: z.number().int().min(1).max(104).default(26) }).strict().optional(),
  ).returns<ReclaimedView>(),
  'reclaimed:averages': call(none).returns<WeeklyAverages>(),

  ...recurringCalls,
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
