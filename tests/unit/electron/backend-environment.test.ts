import { describe, expect, it } from 'vitest';
import { backendEnvironment, outsideEnvironment } from '../../../scripts/backend-environment.mjs';

describe('the environment backend processes start with', () => {
  it('adds the huge-page tunable on Linux, after any tunables already set', () => {
    expect(backendEnvironment({ HOME: '/h' }, 'linux')).toEqual({ HOME: '/h', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(backendEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  });

  it("keeps the user's own hugetlb setting, whatever its value", () => {
    expect(backendEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=0');
    expect(backendEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=2:glibc.malloc.arena_max=1' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=2:glibc.malloc.arena_max=1');
  });

  it('is the same environment elsewhere than Linux (no glibc to read it)', () => {
    expect(backendEnvironment({ HOME: '/h' }, 'darwin')).toEqual({ HOME: '/h' });
    expect(backendEnvironment({ HOME: 'C:\\h' }, 'win32')).toEqual({ HOME: 'C:\\h' });
  });

  it('a process that is not Interlock\'s gets the environment back without what was added', () => {
    const env = { HOME: '/h', GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(outsideEnvironment(backendEnvironment(env, 'linux'))).toEqual(env);
    expect(outsideEnvironment(backendEnvironment({ HOME: '/h' }, 'linux'))).toEqual({ HOME: '/h' });
  });

  describe('edge cases', () => {
    it('an empty GLIBC_TUNABLES and stray separators are no tunables', () => {
      expect(backendEnvironment({ GLIBC_TUNABLES: '' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1');
      expect(backendEnvironment({ GLIBC_TUNABLES: ':glibc.malloc.arena_max=2:' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    });

    it('a tunable whose name only starts like hugetlb is not it', () => {
      expect(backendEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlbx=1' }, 'linux').GLIBC_TUNABLES).toBe('glibc.malloc.hugetlbx=1:glibc.malloc.hugetlb=1');
    });

    it('the user\'s hugetlb=1 set before is taken away from an outside process too: it cannot be told from ours', () => {
      expect(outsideEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' })).toEqual({});
      expect(outsideEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    });

    it('never changes the environment given', () => {
      const env = Object.freeze({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
      backendEnvironment(env, 'linux');
      outsideEnvironment(env);
      expect(env).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
    });
  });
});
