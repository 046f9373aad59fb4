import { DONE_BEFORE, NOT_FINISHED, type PlanStructure } from './plan-structure';

// What the trials of a plan add up to: per item and group (feature or objective), how often it was
// in time with and without the dependencies, its finish days as a histogram (for the 85 % date),
// and which dependency it last waited for when it was late; per dependency, how often its provider
// was in time for the consumer. Kept in typed arrays and added to once per trial.

/** Trials whose finish days are gathered before they go into the histograms, which then stay in cache. */
const BLOCK = 16;

export class PlanTally {
  readonly entities: number;
  /** entity × (maxDays + 1): finish day 0 … maxDays − 1, then "not within". */
  readonly histogram: Int32Array;
  readonly onTime: Int32Array;
  readonly onTimeWithoutDeps: Int32Array;
  readonly late: Int32Array;
  readonly depOnTime: Int32Array;
  /** Per dependency: late trials of its consumer in which it was the one the consumer last waited for. */
  readonly itemBlame: Int32Array;
  /** Per group, by its members' incoming dependencies (see groupBlameIndex). */
  readonly groupBlame: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly groupMembers: Int32Array;
  private readonly memberBlameBase: Int32Array;
  private readonly groupDue: Int32Array;
  private readonly block: Uint16Array;
  private blocked = 0;
  private readonly bins: number;

  constructor(
    private readonly plan: PlanStructure,
    private readonly maxDays: number,
  ) {
    const { n, groups } = plan;
    this.entities = n + groups.length;
    this.bins = maxDays + 1;
    this.histogram = new Int32Array(this.entities * this.bins);
    this.onTime = new Int32Array(this.entities);
    this.onTimeWithoutDeps = new Int32Array(this.entities);
    this.late = new Int32Array(this.entities);
    this.depOnTime = new Int32Array(plan.depKeys.length);
    this.itemBlame = new Int32Array(plan.depKeys.length);
    this.groupStart = new Int32Array(groups.length + 1);
    groups.forEach((g, k) => (this.groupStart[k + 1] = this.groupStart[k]! + g.members.length));
    this.groupMembers = new Int32Array(this.groupStart[groups.length]!);
    this.memberBlameBase = new Int32Array(this.groupMembers.length);
    let blameSize = 0;
    groups.forEach((g, k) => {
      this.groupMembers.set(g.members, this.groupStart[k]!);
      g.blameBase.forEach((base, j) => (this.memberBlameBase[this.groupStart[k]! + j] = blameSize + base));
      blameSize += g.blameSize;
    });
    this.groupBlame = new Int32Array(blameSize);
    this.groupDue = Int32Array.from(groups, (g) => g.dueDay);
    this.block = new Uint16Array(BLOCK * this.entities);
  }

  /** Where a group member's incoming dependency is counted in groupBlame. */
  groupBlameIndex(group: number, member: number, dep: number): number {
    return this.memberBlameBase[this.groupStart[group]! + member]! + this.plan.depSlot[dep]!;
  }

  /** Adds one trial: the finish days with dependencies (and who waited for whom) and without. */
  add(finish: Int32Array, binding: Int32Array, waited: Uint8Array, finishWithoutDeps: Int32Array): void {
    const { n, dueDay, depProvider, depNeedDayAtLeast0, depSlot } = this.plan;
    const { block, onTime, onTimeWithoutDeps, late, itemBlame, groupStart, groupMembers, memberBlameBase, groupDue, groupBlame, depOnTime, maxDays } = this;
    const row = this.blocked * this.entities;
    for (let i = 0; i < n; i++) {
      const f = finish[i]!;
      block[row + i] = f === NOT_FINISHED ? maxDays : f < 0 ? 0 : f;
      const due = dueDay[i]!;
      if (f <= due) onTime[i]!++;
      else {
        late[i]!++;
        if (waited[i] && binding[i]! >= 0) itemBlame[binding[i]!]!++;
      }
      if (finishWithoutDeps[i]! <= due) onTimeWithoutDeps[i]!++;
    }
    const groups = groupDue.length;
    for (let k = 0; k < groups; k++) {
      const from = groupStart[k]!;
      const to = groupStart[k + 1]!;
      if (from === to) continue;
      let f = DONE_BEFORE;
      let g = DONE_BEFORE;
      for (let j = from; j < to; j++) {
        const item = groupMembers[j]!;
        if (finish[item]! > f) f = finish[item]!;
        if (finishWithoutDeps[item]! > g) g = finishWithoutDeps[item]!;
      }
      const entity = n + k;
      const due = groupDue[k]!;
      block[row + entity] = f === NOT_FINISHED ? maxDays : f < 0 ? 0 : f;
      if (g <= due) onTimeWithoutDeps[entity]!++;
      if (f <= due) {
        onTime[entity]!++;
        continue;
      }
      late[entity]!++;
      for (let j = from; j < to; j++) {
        const item = groupMembers[j]!;
        const dep = binding[item]!;
        if (finish[item]! > due && waited[item] && dep >= 0) groupBlame[memberBlameBase[j]! + depSlot[dep]!]!++;
      }
    }
    for (let k = 0; k < depOnTime.length; k++) if (finish[depProvider[k]!]! < depNeedDayAtLeast0[k]!) depOnTime[k]!++;
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

  /** The first finish day by which at least `rank` trials had finished the entity; null when that is not within maxDays. */
  dayOfRank(entity: number, rank: number): number | null {
    let seen = 0;
    const row = entity * this.bins;
    for (let b = 0; b < this.maxDays; b++) {
      seen += this.histogram[row + b]!;
      if (seen >= rank) return b;
    }
    return null;
  }
}
