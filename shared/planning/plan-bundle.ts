import { z } from 'zod';
import { CalendarDate } from '../domain/date-schemas';
import { parseCalendarDate } from '../domain/calendar-date';
import { MS_PER_DAY } from '../domain/time';
import type { PlanningRow } from '../import/import-records';

// The planning part of the Interlock JSON bundle: the same rows as the planning CSV templates,
// days as "YYYY-MM-DD" with both ends included.

const Name = z.string().trim().min(1).max(200);
const Days = z.object({ start: CalendarDate, end: CalendarDate }).refine((d) => d.end >= d.start, { message: 'the end is before the start', path: ['end'] });

export const BundleIncrement = Days.and(z.object({ name: Name, capacityUnit: z.enum(['items', 'points']).default('items') }));
export const BundleIteration = Days.and(z.object({ increment: Name, name: Name, team: Name.nullable().default(null) }));
export const BundleCapacity = z.object({ increment: Name, iteration: Name, team: Name, amount: z.number().min(0).max(100_000) });
export const BundleMilestone = z.object({ increment: Name, name: Name, date: CalendarDate, team: Name.nullable().default(null) });
export const BundlePlanned = z.object({ increment: Name, iteration: Name, team: Name, item: Name, size: z.number().min(0).nullable().default(null) });

const day = (d: string) => parseCalendarDate(d)!;

export const PLAN_BUNDLE_SECTIONS = {
  increments: [BundleIncrement, (r: z.output<typeof BundleIncrement>): PlanningRow => ({ kind: 'increment', name: r.name, start: day(r.start), end: day(r.end) + MS_PER_DAY, capacityUnit: r.capacityUnit })],
  iterations: [BundleIteration, (r: z.output<typeof BundleIteration>): PlanningRow => ({ kind: 'iteration', increment: r.increment, name: r.name, start: day(r.start), end: day(r.end) + MS_PER_DAY, teamKey: r.team })],
  capacity: [BundleCapacity, (r: z.output<typeof BundleCapacity>): PlanningRow => ({ kind: 'capacity', increment: r.increment, iteration: r.iteration, teamKey: r.team, amount: r.amount })],
  milestones: [BundleMilestone, (r: z.output<typeof BundleMilestone>): PlanningRow => ({ kind: 'milestone', increment: r.increment, name: r.name, at: day(r.date), teamKey: r.team })],
  plan: [BundlePlanned, (r: z.output<typeof BundlePlanned>): PlanningRow => ({ kind: 'planned', increment: r.increment, iteration: r.iteration, teamKey: r.team, itemKey: r.item, size: r.size })],
} as const;
