import { describe, expect, it } from 'vitest';
import { ShownWorkspaceTracker, type WorkspaceSwitch } from '../../../renderer/src/api/shown-workspace';
import { switchNoticeText } from '../../../renderer/src/workspace/WorkspaceSwitchNotice';

const good = { path: '/w/good-copy.interlock', name: 'good-copy', schemaVersion: 11, demo: false, openId: 'a1' };
const acme = { path: '/w/Acme.interlock', name: 'Acme', schemaVersion: 11, demo: false, openId: 'b2' };
const answer = (value: unknown) => ({ ok: true as const, value });

function tracked() {
  const tracker = new ShownWorkspaceTracker();
  const heard: WorkspaceSwitch[] = [];
  tracker.onSwitch((change) => heard.push(change));
  return { tracker, heard };
}

describe('the workspace a window shows', () => {
  it('is unknown until the first answer about the open workspace, then said with every call', () => {
    const { tracker, heard } = tracked();
    expect(tracker.identity()).toBeUndefined();
    tracker.observe('workspace.current', answer(good));
    expect(tracker.identity()).toBe('a1');
    expect(heard).toEqual([]);
  });

  it("follows the window's own opens, saves and renames without a word", () => {
    const { tracker, heard } = tracked();
    tracker.observe('workspace.current', answer(null));
    expect(tracker.identity()).toBeNull();
    tracker.observe('workspace.open', answer(good));
    tracker.observe('workspace.saveAs', answer(acme));
    tracker.observe('workspace.rename', answer({ ...acme, name: 'Acme 2' }));
    expect(tracker.shown).toEqual({ openId: 'b2', name: 'Acme 2', path: acme.path });
    tracker.observe('workspace.close', answer({ closed: true }));
    expect(tracker.identity()).toBeNull();
    expect(heard).toEqual([]);
  });

  it('hears when an answer names another open workspace than the one shown (another tab opened or closed one)', () => {
    const { tracker, heard } = tracked();
    tracker.observe('workspace.current', answer(good));
    tracker.observe('risks.board', answer({ risks: [] }));
    tracker.observe('workspace.current', answer(good));
    expect(heard).toEqual([]);
    tracker.observe('workspace.overview', answer({ ...acme, counts: {} }));
    expect(heard).toEqual([{ from: { openId: 'a1', name: 'good-copy', path: good.path }, to: { openId: 'b2', name: 'Acme', path: acme.path }, refusedWrite: false }]);
    expect(tracker.identity()).toBe('b2');
    tracker.observe('workspace.current', answer(null));
    expect(heard[1]).toEqual({ from: { openId: 'b2', name: 'Acme', path: acme.path }, to: null, refusedWrite: false });
  });

  it('ignores failures and files written but not opened (no openId)', () => {
    const { tracker, heard } = tracked();
    tracker.observe('workspace.current', answer(good));
    tracker.observe('workspace.rename', { ok: false, error: { code: 'workspace-changed', message: 'x' } });
    tracker.observe('workspace.unseal', answer({ path: '/w/u.interlock', name: 'u', schemaVersion: 11, demo: false }));
    expect(tracker.identity()).toBe('a1');
    expect(heard).toEqual([]);
    // The refusal is remembered for the switch the next answer shows.
    tracker.observe('workspace.current', answer(acme));
    expect(heard).toMatchObject([{ to: { name: 'Acme' }, refusedWrite: true }]);
  });

  it('adopts silently what the desktop menu opened for this window (forget)', () => {
    const { tracker, heard } = tracked();
    tracker.observe('workspace.current', answer(good));
    tracker.forget();
    tracker.observe('workspace.current', answer(acme));
    expect(tracker.identity()).toBe('b2');
    expect(heard).toEqual([]);
  });

  it('says which workspace the window shows now, and what it showed', () => {
    const from = { openId: 'a1', name: 'good-copy', path: good.path };
    const to = { openId: 'b2', name: 'Acme', path: acme.path };
    expect(switchNoticeText({ from, to, refusedWrite: false })).toEqual({
      title: 'This window now shows “Acme”',
      text: '“Acme” (/w/Acme.interlock) was opened in another window or tab; one workspace is open at a time, so this window no longer shows “good-copy”. Nothing was written into a workspace this window did not show.',
    });
    expect(switchNoticeText({ from, to, refusedWrite: true }).text).toContain('The change this window just asked for was not made, in either workspace');
    expect(switchNoticeText({ from, to: null, refusedWrite: false }).title).toBe('No workspace is open now');
  });
});
