// The environment Interlock's backend processes start with (the browser host, the CLI, the bench,
// the desktop app's backend process): on Linux, glibc's allocator asks the kernel for transparent
// huge pages for its large blocks (`glibc.malloc.hugetlb=1`; glibc 2.35 and newer, ignored by
// older ones and where the kernel offers huge pages never). The metrics snapshot read into fresh
// memory, the import's columns and the advisor's inputs then fault in 2 MB at a time instead of
// 4 KB: where a page fault is dear (the virtual machines the README's figures come from charge
// ≈ 10–14 µs each), that is most of what a first read of the snapshot costs. glibc reads its
// tunables once, as a process starts, so they are given to the process, never set from inside it.

const HUGE_PAGES = 'glibc.malloc.hugetlb';
const ADDED = `${HUGE_PAGES}=1`;

function tunablesOf(env) {
  return (env.GLIBC_TUNABLES ?? '').split(':').filter((t) => t !== '');
}

/** `env` for a backend process: with the huge-page tunable added on Linux, unless a hugetlb setting is there already (the user's wins). */
export function backendEnvironment(env, platform = process.platform) {
  const tunables = tunablesOf(env);
  if (platform !== 'linux' || tunables.some((t) => t.split('=')[0] === HUGE_PAGES)) return { ...env };
  return { ...env, GLIBC_TUNABLES: [...tunables, ADDED].join(':') };
}

/** `env` for a process that is not Interlock's (a browser a test or the bench starts): without the tunable `backendEnvironment` adds. */
export function outsideEnvironment(env) {
  const tunables = tunablesOf(env).filter((t) => t !== ADDED);
  const { GLIBC_TUNABLES: _dropped, ...rest } = env;
  return tunables.length > 0 ? { ...rest, GLIBC_TUNABLES: tunables.join(':') } : rest;
}
