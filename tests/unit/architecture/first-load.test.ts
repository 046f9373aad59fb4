import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

// What a first visit loads: the app's shell (main.tsx, which imports start-app.tsx when it runs)
// and the page it opens on, through their static imports. zod builds every schema of a module as
// it loads, and no page that only reads needs it (the backend checks the answers; writes load the
// contract when they happen, renderer/src/api/channel-hooks.ts): these must reach it through no
// static import. One still loads it: the Decks page checks a typed address with the deck schema.

const SHELL = ['renderer/src/main.tsx', 'renderer/src/start-app.tsx'];
const ZOD_FREE_PAGES = ['OverviewPage', 'TeamsPage', 'CoordinationPage', 'PlanPage', 'RisksPage', 'ConfidencePage', 'FlowPage', 'DeliveryPage', 'ForecastPage', 'ImportPage'].map((p) => `renderer/src/pages/${p}.tsx`);
// Anywhere in a path: in a git worktree whose node_modules links to another checkout's, esbuild names
// its files "../../work/main/node_modules/zod/…", and an anchored pattern found nothing, so every
// "loads no zod" case passed without looking.
const ZOD = /(^|\/)node_modules\/zod\//;
/** The presenter view's window (main.tsx starts it alone at its address). */
const PRESENTER = 'renderer/src/room/start-presenter.tsx';

let inputs: Metafile['inputs'];

beforeAll(async () => {
  const result = await build({
    entryPoints: [...SHELL, ...ZOD_FREE_PAGES, 'renderer/src/pages/DecksPage.tsx', PRESENTER],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    jsx: 'automatic',
    loader: { '.svg': 'file' },
    logLevel: 'silent',
  });
  inputs = result.metafile.inputs;
}, 60_000);

/** The first chain of static imports from `entries` to a file matching `target`, or null. */
function staticPath(entries: readonly string[], target: RegExp): string[] | null {
  const previous = new Map<string, string | null>(entries.map((e) => [e, null]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (target.test(file)) {
      const chain = [file];
      for (let at = previous.get(file); at; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || previous.has(imported.path)) continue;
      previous.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return null;
}

describe('a first visit’s code', () => {
  it('the shell loads no zod', () => {
    expect(staticPath(SHELL, ZOD)).toBeNull();
  });

  it.each(ZOD_FREE_PAGES)('%s loads no zod', (page) => {
    expect(staticPath([...SHELL, page], ZOD)).toBeNull();
  });

  it('the presenter view’s window loads no zod, and not the contract’s client: it asks the backend nothing', () => {
    expect(staticPath([PRESENTER], ZOD)).toBeNull();
    expect(staticPath([PRESENTER], /^renderer\/src\/api\//)).toBeNull();
  });

  describe('edge cases', () => {
    it('finds zod where a page does load it: the Decks page checks a view’s address with the deck schema', () => {
      const path = staticPath([...SHELL, 'renderer/src/pages/DecksPage.tsx'], ZOD);
      expect(path).not.toBeNull();
      expect(path).toContain('shared/room/deck-schema.ts');
    });

    it('does not count the contract a write loads when it happens (a dynamic import)', () => {
      // The Plan page invalidates what its board edits changed through it.
      expect(inputs['renderer/src/api/channel-hooks.ts']!.imports.some((i) => i.path === 'shared/contract/contract.ts' && i.kind === 'dynamic-import')).toBe(true);
      expect(staticPath(['renderer/src/api/channel-hooks.ts'], /^shared\/contract\/contract\.ts$/)).toBeNull();
    });
  });
});
