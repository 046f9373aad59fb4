import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules that keep the layers apart (eslint.config.mjs), exercised on code placed at
// virtual paths in each layer: a rule that stopped firing would fail here, not silently pass.

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layering', () => {
  it('shared/ may not import Node, Electron, the database, React, or the layers above it', async () => {
    for (const source of ["node:fs", "fs", "path", "electron", "better-sqlite3", "react", "@mui/material/Button", "../../electron/backend/backend", "../renderer/src/App"]) {
      const messages = await restrictedImports('shared/domain/x.ts', `import { a } from '${source}';\nexport const b = a;\n`);
      expect(messages, source).not.toEqual([]);
    }
  });

  it('shared/ may not reach for browser or Node globals', async () => {
    const messages = await restrictedImports('shared/metrics/x.ts', 'export const w = window.innerWidth + process.pid;\n');
    expect(messages.length).toBe(2);
  });

  it('the backend, host and CLI may not import Electron', async () => {
    for (const file of ['electron/backend/x.ts', 'electron/host/x.ts', 'electron/cli/x.ts']) {
      expect(await restrictedImports(file, "import { app } from 'electron';\nexport const a = app;\n"), file).not.toEqual([]);
    }
  });

  it('the renderer may not import Node, Electron or backend code', async () => {
    for (const source of ['node:fs', 'electron', '../../electron/backend/backend', 'better-sqlite3']) {
      const messages = await restrictedImports('renderer/src/x.ts', `import { a } from '${source}';\nexport const b = a;\n`);
      expect(messages, source).not.toEqual([]);
    }
  });

  it('charts import Victory through renderer/src/charts/victory.ts only, which itself may', async () => {
    expect(await restrictedImports('renderer/src/flow/x.tsx', "import { VictoryChart } from 'victory';\nexport const a = VictoryChart;\n")).not.toEqual([]);
    expect(await restrictedImports('renderer/src/flow/x.tsx', "import { VictoryChart } from '../charts/victory';\nexport const a = VictoryChart;\n")).toEqual([]);
    expect(await restrictedImports('renderer/src/charts/victory.ts', "import { TextSize } from 'victory';\nexport const a = TextSize;\n")).toEqual([]);
    // The Node and Electron rules still hold in that file.
    expect(await restrictedImports('renderer/src/charts/victory.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
  });

  it("shared/'s domains stay apart: planning and risks never import each other, metrics and coordination neither, and a join lives in shared/joins", async () => {
    const forbidden: [string, string][] = [
      ['shared/planning/x.ts', '../risks/risk-schema'],
      ['shared/planning/x.ts', '../joins/board-risks'],
      ['shared/risks/x.ts', '../planning/board-schema'],
      ['shared/metrics/x.ts', '../planning/board'],
      ['shared/metrics/x.ts', '../coordination/advise'],
      ['shared/coordination/x.ts', '../forecast/plan-simulation'],
    ];
    for (const [file, source] of forbidden) {
      const messages = await restrictedImports(file, `import { a } from '${source}';\nexport const b = a;\n`);
      expect(messages, `${file} → ${source}`).not.toEqual([]);
    }
    // The layers' rules still hold in those folders.
    expect(await restrictedImports('shared/planning/x.ts', "import { a } from 'node:fs';\nexport const b = a;\n")).not.toEqual([]);
  });

  describe('edge cases: what is allowed stays allowed', () => {
    it('a join imports both domains; forecasts build on planning and metrics', async () => {
      expect(await restrictedImports('shared/joins/x.ts', "import { a } from '../planning/board-schema';\nimport { b } from '../risks/risk-schema';\nexport const c = [a, b];\n")).toEqual([]);
      expect(await restrictedImports('shared/forecast/x.ts', "import { a } from '../planning/board-schema';\nimport { b } from '../metrics/percentiles';\nexport const c = [a, b];\n")).toEqual([]);
      expect(await restrictedImports('shared/planning/x.ts', "import { a } from '../domain/entities';\nexport const c = a;\n")).toEqual([]);
    });


    it('shared/ may import zod and its own files', async () => {
      expect(await restrictedImports('shared/domain/x.ts', "import { z } from 'zod';\nimport { Team } from './entities';\nexport const a = [z, Team];\n")).toEqual([]);
    });

    it('the renderer may import shared/ and MUI; electron/main may import electron', async () => {
      expect(
        await restrictedImports('renderer/src/x.ts', "import { contract } from '../../shared/contract/contract';\nimport Button from '@mui/material/Button';\nexport const a = [contract, Button];\n"),
      ).toEqual([]);
      expect(await restrictedImports('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    });
  });
});
