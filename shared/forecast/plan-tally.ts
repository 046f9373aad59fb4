import { DONE_BEFORE, type PlanStructure } from './plan-structure';

// What the trials of a plan add up to: per item and group (feature or objective), how often it was
// in time, its finish days as a histogram (for the 85 % date),
// and which dependency it last waited for when it was late; per dependency, how often its provider
// was in time for the consumer. Kept in typed arrays and added to once per trial; the loops over
// every item count with arithmetic rather than branches, as whether an item is in time is a coin
// toss the processor cannot predict.

/** What a block of trials adds up to: plain typed arrays, so that blocks run elsewhere (a worker thread) can be sent back and added up. */
export interface PlanTallyCounts {
  readonly trials: number;
  /** entity × (maxDays + 1): finish day 0 … maxDays − 1, then "not within". */
  readonly histogram: Int32Array;
  readonly onTime: Int32Array;
  readonly depOnTime: Int32Array;
  /** Per dependency: late trials of its consumer in which it was the one the consumer last waited for. */
  readonly itemBlame: Int32Array;
  /** Per group, by its members' incoming dependencies: group after group, member after member, each member's by slot (depSlot). */
  readonly groupBlame: Int32Array;
}

/** The sum of two blocks' counts of the same plan (a new object; the inputs are left as they are). */
export function addPlanTallyCounts(a: PlanTallyCounts, b: PlanTallyCounts): PlanTallyCounts {
  const sum = (x: Int32Array, y: Int32Array) => {
    if (x.length !== y.length) throw new RangeError('These counts are not of the same plan.');
    const out = x.slice();
    for (let k = 0; k < y.length; k++) out[k]! += y[k]!;
    return out;
  };
  return {
    trials: a.trials + b.trials,
    histogram: sum(a.histogram, b.histogram),
    onTime: sum(a.onTime, b.onTime),
    depOnTime: sum(a.depOnTime, b.depOnTime),
    itemBlame: sum(a.itemBlame, b.itemBlame),
    groupBlame: sum(a.groupBlame, b.groupBlame),
  };
}

/** The first finish day by which at least `rank` trials had finished the entity; null when that is not within maxDays. */
export function dayOfRank(counts: PlanTallyCounts, maxDays: number, entity: number, rank: number): number | null {
  let seen = 0;
  const row = entity * (maxDays + 1);
  for (let b = 0; b < maxDays; b++) {
    seen += counts.histogram[row + b]!;
    if (seen >= rank) return b;
  }
  return null;
}

/** Trials whose finish days are gathered before they go into the histograms, which then stay in cache. */
const BLOCK = 64;

/** The counts of trials added one by one (see PlanTallyCounts for what each array holds). */
export class PlanTally implements PlanTallyCounts {
  readonly entities: number;
  readonly histogram: Int32Array;
  readonly onTime: Int32Array;
  readonly depOnTime: Int32Array;
  readonly itemBlame: Int32Array;
  readonly groupBlame: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly groupMembers: Int32Array;
  private readonly memberBlameBase: Int32Array;
  /** Per group, its members with incoming dependencies (indexes into groupMembers): only they can be blamed on one. */
  private readonly blameStart: Int32Array;
  private readonly blameMembers: Int32Array;
  private readonly groupDue: Int32Array;
  /** Items with incoming dependencies. */
  private readonly consumers: Int32Array;
  /**
   * Per group: the team whose planned items it is, exactly (a team's "all planned done"), TEAMS for
   * all planned items (the increment's), else −1. Their finish is then each team's last finish,
   * kept while the items are counted, instead of a walk over thousands of members.
   */
  private readonly groupTeam: Int32Array;
  /** Whether any group is a team's or the increment's (else the teams' last finishes are not kept). */
  private readonly teamGroups: boolean;
  private readonly teamLast: Int32Array;
  private readonly block: Uint16Array;
  private blocked = 0;
  trials = 0;
  private readonly bins: number;

  constructor(
    private readonly plan: PlanStructure,
    private readonly maxDays: number,
  ) {
    const { n, groups, providersStart } = plan;
    const hasProviders = (i: number) => providersStart[i + 1]! > providersStart[i]!;
    this.entities = n + groups.length;
    this.bins = maxDays + 1;
    this.histogram = new Int32Array(this.entities * this.bins);
    this.onTime = new Int32Array(this.entities);
    this.depOnTime = new Int32Array(plan.depKeys.length);
    this.itemBlame = new Int32Array(plan.depKeys.length);
    this.groupStart = new Int32Array(groups.length + 1);
    groups.forEach((g, k) => (this.groupStart[k + 1] = this.groupStart[k]! + g.members.length));
    this.groupMembers = new Int32Array(this.groupStart[groups.length]!);
    this.memberBlameBase = new Int32Array(this.groupMembers.length);
    const blameMembers: number[] = [];
    this.blameStart = new Int32Array(groups.length + 1);
    let blameSize = 0;
    groups.forEach((g, k) => {
      const base = this.groupStart[k]!;
      this.groupMembers.set(g.members, base);
      g.blameBase.forEach((b, j) => (this.memberBlameBase[base + j] = blameSize + b));
      blameSize += g.blameSize;
      g.members.forEach((item, j) => hasProviders(item) && blameMembers.push(base + j));
      this.blameStart[k + 1] = blameMembers.length;
    });
    this.blameMembers = Int32Array.from(blameMembers);
    this.groupBlame = new Int32Array(blameSize);
    this.groupDue = Int32Array.from(groups, (g) => g.dueDay);
    this.consumers = Int32Array.from({ length: n }, (_, i) => i).filter(hasProviders);
    const teams = plan.queues.length;
    this.groupTeam = Int32Array.from(groups, (g) => {
      if (g.members.length === n && n > 0) return teams;
      const t = g.members.length > 0 ? plan.teamOf[g.members[0]!]! : -1;
      return t >= 0 && g.members.length === plan.queues[t]!.length && g.members.every((i) => plan.teamOf[i] === t) ? t : -1;
    });
    this.teamGroups = this.groupTeam.some((t) => t >= 0);
    this.teamLast = new Int32Array(teams + 1);
    this.block = new Uint16Array(BLOCK * this.entities);
  }

  /** Adds one trial: the finish days (and who waited for whom). */
  add(finish: Int32Array, binding: Int32Array, waited: Uint8Array): void {
    const { n, dueDay, depProvider, depNeedDayAtLeast0, depSlot } = this.plan;
    const { block, onTime, itemBlame, groupStart, groupMembers, memberBlameBase, blameStart, blameMembers, groupDue, groupBlame, depOnTime, consumers, maxDays } = this;
    const row = this.blocked * this.entities;
    this.trials++;
    const { teamOf } = this.plan;
    const { groupTeam, teamLast } = this;
    const teams = teamLast.length - 1;
    for (let i = 0; i < n; i++) {
      const f = finish[i]!;
      const due = dueDay[i]!;
      block[row + i] = Math.min(Math.max(f, 0), maxDays);
      onTime[i]! += inTime(f, due);
    }
    if (this.teamGroups) {
      teamLast.fill(DONE_BEFORE);
      for (let i = 0; i < n; i++) {
        const t = teamOf[i]!;
        teamLast[t] = Math.max(teamLast[t]!, finish[i]!);
      }
      for (let t = 0; t < teams; t++) {
        teamLast[teams] = Math.max(teamLast[teams]!, teamLast[t]!);
      }
    }
    for (let k = 0; k < consumers.length; k++) {
      const i = consumers[k]!;
      if (finish[i]! > dueDay[i]! && waited[i] && binding[i]! >= 0) itemBlame[binding[i]!]!++;
    }
    const groups = groupDue.length;
    for (let k = 0; k < groups; k++) {
      const from = groupStart[k]!;
      const to = groupStart[k + 1]!;
      if (from === to) continue;
      let f = DONE_BEFORE;
      const team = groupTeam[k]!;
      if (team >= 0) f = teamLast[team]!;
      else for (let j = from; j < to; j++) f = Math.max(f, finish[groupMembers[j]!]!);
      const entity = n + k;
      const due = groupDue[k]!;
      block[row + entity] = Math.min(Math.max(f, 0), maxDays);
      if (f <= due) {
        onTime[entity]!++;
        continue;
      }
      for (let b = blameStart[k]!; b < blameStart[k + 1]!; b++) {
        const j = blameMembers[b]!;
        const item = groupMembers[j]!;
        const dep = binding[item]!;
        if (finish[item]! > due && waited[item] && dep >= 0) groupBlame[memberBlameBase[j]! + depSlot[dep]!]!++;
      }
    }
    for (let k = 0; k < depOnTime.length; k++) depOnTime[k]! += inTime(finish[depProvider[k]!]!, depNeedDayAtLeast0[k]! - 1);
    if (++this.blocked === BLOCK) this.flush();
  }

  /** Moves the gathered finish days into the histograms, one entity's row at a time. */
  flush(): void {
    const { histogram, block, entities, bins, blocked } = this;
    for (let e = 0; e < entities; e++) {
      const row = e * bins;
      for (let b = 0; b < blocked; b++) histogram[row + block[b * entities + e]!]!++;
    }
    this.blocked = 0;
  }
}

/**
 * 1 when finished by the end of the due day, else 0, without a branch. Finish days are
 * DONE_BEFORE (−1), a day index or NOT_FINISHED (2³¹ − 1) and dues are at least −1, so due − f lies
 * within 32-bit integers and its sign bit says "late".
 */
function inTime(f: number, due: number): number {
  return ((due - f) >>> 31) ^ 1;
}
