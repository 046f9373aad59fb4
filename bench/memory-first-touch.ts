import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { outsideEnvironment } from '../scripts/backend-environment.mjs';

// What this machine charges for memory a process has not used yet: the time of a first write to
// each 4 KB page of fresh 32 MB allocations (the kernel maps and zeroes the page then), per page
// faulted. On the 2-core VMs the README's figures come from it is ≈ 10–14 µs: reading the 13 MB
// metrics snapshot at M into two fresh copies then costs ≈ 80 ms in faults alone, most of the gap
// between a first call and a later one. Where a fault costs a fraction of a microsecond, as is
// common outside such VMs, that gap is much smaller. Recorded with every run, at its start and
// end, so that figures from different machines can be told apart. Measured in a process of its
// own started without the allocator tunable Interlock's backend processes start with
// (scripts/backend-environment.mjs), under which these allocations would get 2 MB pages.

const BYTES = 32 * 1024 ** 2;
const PAGE = 4096;
const TRIALS = 6;

/**
 * Microseconds per page fault of a first write to fresh memory: the median over allocations whose
 * writes faulted on at least half their pages; null when none did. The allocations are all held
 * until the end, so that once the process's free memory is used up each one is new to it.
 */
function measureHere(): number | null {
  const held: Buffer[] = [];
  const costs: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const buffer = Buffer.allocUnsafeSlow(BYTES);
    held.push(buffer);
    const faultsBefore = process.resourceUsage().minorPageFault;
    const started = performance.now();
    for (let i = 0; i < BYTES; i += PAGE) buffer[i] = 1;
    const ms = performance.now() - started;
    const faults = process.resourceUsage().minorPageFault - faultsBefore;
    if (faults >= BYTES / PAGE / 2) costs.push((ms * 1000) / faults);
  }
  held.length = 0;
  if (costs.length === 0) return null;
  costs.sort((a, b) => a - b);
  return Number(costs[Math.floor(costs.length / 2)]!.toFixed(2));
}

/** `measureHere` in a child process with the environment of a process that is not Interlock's. */
export function firstTouchMicroseconds(): number | null {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure'], { env: outsideEnvironment(process.env), encoding: 'utf8' });
  const value = Number(out.trim());
  return out.trim() === 'null' || !Number.isFinite(value) ? null : value;
}

if (process.argv.includes('--measure') && process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${measureHere()}\n`);
