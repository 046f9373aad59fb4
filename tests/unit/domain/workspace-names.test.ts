import { describe, expect, it } from 'vitest';
import { fileStemForName, workspaceNameForFiles } from '../../../shared/domain/workspace-names';

describe('names for workspaces made from files', () => {
  it('one file: its name without the extension', () => {
    expect(workspaceNameForFiles(['acme-jira-export.csv'])).toBe('acme-jira-export');
    expect(workspaceNameForFiles(['C:\\exports\\Globex.json'])).toBe('Globex');
  });

  it('several: what their names share at the start, without a trailing separator', () => {
    expect(workspaceNameForFiles(['acme-issues.csv', 'acme-links.csv', 'ACME-revisions.csv'])).toBe('acme');
    expect(workspaceNameForFiles(['Initech 2026 items.csv', 'Initech 2026 links.csv'])).toBe('Initech 2026');
  });

  it('several sharing too little: the first one and how many more', () => {
    expect(workspaceNameForFiles(['issues.csv', 'links.csv', 'deployments.csv'])).toBe('issues and 2 more');
  });

  describe('edge cases', () => {
    it('a name without an extension, a hidden-looking name, no usable name', () => {
      expect(workspaceNameForFiles(['export'])).toBe('export');
      expect(workspaceNameForFiles(['.csv'])).toBe('.csv');
      expect(workspaceNameForFiles([' '])).toBe('My workspace');
    });

    it('file names every system accepts', () => {
      expect(fileStemForName('Acme: Q3/Q4 <draft>?')).toBe('Acme- Q3-Q4 -draft--');
      expect(fileStemForName('  ..hidden.. ')).toBe('hidden');
      expect(fileStemForName('CON')).toBe('CON-workspace');
      expect(fileStemForName('\u0000')).toBe('-');
      expect(fileStemForName('...')).toBe('workspace');
      expect(fileStemForName('x'.repeat(300))).toHaveLength(100);
    });
  });
});
