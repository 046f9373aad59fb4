import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The window's webPreferences are a literal in electron/main/main.ts (so electronegativity can read
// them too). This test reads that literal from the source — no Electron binary needed — and holds
// it to the security checklist, including what electronegativity misses (nodeIntegration with
// sandbox off).

type Literal = boolean | string | 'expression';

/** The webPreferences literal of a window's options, each value read as a literal or 'expression'. */
function preferencesOf(options: ts.Expression | undefined): Map<string, Literal> {
  const prefs = new Map<string, Literal>();
  if (!options || !ts.isObjectLiteralExpression(options)) return prefs;
  const wp = options.properties.find((p) => p.name?.getText() === 'webPreferences');
  if (wp && ts.isPropertyAssignment(wp) && ts.isObjectLiteralExpression(wp.initializer)) {
    for (const p of wp.initializer.properties) {
      if (!ts.isPropertyAssignment(p)) {
        prefs.set(`<${ts.SyntaxKind[p.kind]}>`, 'expression');
        continue;
      }
      const v = p.initializer;
      const value: Literal =
        v.kind === ts.SyntaxKind.TrueKeyword ? true : v.kind === ts.SyntaxKind.FalseKeyword ? false : ts.isStringLiteral(v) ? v.text : 'expression';
      prefs.set(p.name.getText(), value);
    }
  }
  return prefs;
}

/** Every `new BrowserWindow({...})` (kind 'new') and every window a page may open (`overrideBrowserWindowOptions`, kind 'opened'). */
function windowsIn(source: string, kind: 'new' | 'opened'): Map<string, Literal>[] {
  const file = ts.createSourceFile('main.ts', source, ts.ScriptTarget.Latest, true);
  const found: Map<string, Literal>[] = [];
  const visit = (node: ts.Node) => {
    if (kind === 'new' && ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') found.push(preferencesOf(node.arguments?.[0]));
    if (kind === 'opened' && ts.isPropertyAssignment(node) && node.name.getText() === 'overrideBrowserWindowOptions') found.push(preferencesOf(node.initializer));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const browserWindowPreferences = (source: string) => windowsIn(source, 'new');

const REQUIRED: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

describe('the main window webPreferences', () => {
  const windows = browserWindowPreferences(readFileSync('electron/main/main.ts', 'utf8'));

  it('there is exactly one BrowserWindow, configured with a literal', () => {
    expect(windows).toHaveLength(1);
    expect(windows[0]!.size).toBeGreaterThan(0);
  });

  it('meets the Electron security checklist', () => {
    const prefs = windows[0]!;
    for (const [key, value] of Object.entries(REQUIRED)) expect(prefs.get(key), key).toBe(value);
    expect(prefs.get('preload')).toBe('expression');
    expect(prefs.has('enableBlinkFeatures')).toBe(false);
    expect([...prefs.keys()].filter((k) => k.startsWith('<'))).toEqual([]);
  });

  describe('edge cases', () => {
    it('the reader catches an unsafe window (so this test can fail)', () => {
      const unsafe = browserWindowPreferences(
        `new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: false, nodeIntegration: true } })`,
      )[0]!;
      expect(unsafe.get('sandbox')).toBe(false);
      expect(unsafe.get('nodeIntegration')).toBe(true);
    });

    it('a spread or computed preference is reported, not silently accepted', () => {
      const spread = browserWindowPreferences(`new BrowserWindow({ webPreferences: { ...defaults, sandbox: true } })`)[0]!;
      expect([...spread.keys()].some((k) => k.startsWith('<'))).toBe(true);
    });
  });
});

describe('the presenter view’s window webPreferences (the one window the page may open)', () => {
  const opened = windowsIn(readFileSync('electron/main/main.ts', 'utf8'), 'opened');

  it('one, with the checklist and no preload: it talks to the main window, never to the backend', () => {
    expect(opened).toHaveLength(1);
    const prefs = opened[0]!;
    for (const [key, value] of Object.entries(REQUIRED)) expect(prefs.get(key), key).toBe(value);
    expect(prefs.has('preload')).toBe(false);
    expect(prefs.has('enableBlinkFeatures')).toBe(false);
    expect([...prefs.keys()].filter((k) => k.startsWith('<'))).toEqual([]);
  });

  describe('edge cases', () => {
    it('the reader finds a window a page may open, and an unsafe one', () => {
      const unsafe = windowsIn(`contents.setWindowOpenHandler(() => ({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: { sandbox: false, preload: p } } }))`, 'opened');
      expect(unsafe).toHaveLength(1);
      expect(unsafe[0]!.get('sandbox')).toBe(false);
      expect(unsafe[0]!.get('preload')).toBe('expression');
    });

    it('no other file of the shell lets a page open a window', () => {
      const others = readdirSync('electron/main').filter((f) => f !== 'main.ts');
      for (const file of others) expect(windowsIn(readFileSync(`electron/main/${file}`, 'utf8'), 'opened'), file).toEqual([]);
    });
  });
});

describe('the report printer window webPreferences (Export Report as PDF)', () => {
  const windows = browserWindowPreferences(readFileSync('electron/main/report-pdf.ts', 'utf8'));

  it('one hidden window, with the checklist, no preload and no script', () => {
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!;
    for (const [key, value] of Object.entries(REQUIRED)) expect(prefs.get(key), key).toBe(value);
    expect(prefs.get('javascript')).toBe(false);
    expect(prefs.has('preload')).toBe(false);
    expect([...prefs.keys()].filter((k) => k.startsWith('<'))).toEqual([]);
  });

  describe('edge cases', () => {
    it('no other file of the shell opens a window', () => {
      const others = readdirSync('electron/main').filter((f) => !['main.ts', 'report-pdf.ts'].includes(f));
      for (const file of others) expect(browserWindowPreferences(readFileSync(`electron/main/${file}`, 'utf8')), file).toEqual([]);
    });
  });
});
