import { describe, expect, it } from 'vitest';
import { missionOf, objectivesByTeam } from '../../../shared/coordination/advise';
import type { CoordinationData, ObjectiveFact } from '../../../shared/coordination/coordination-data';

// missionOf reads only the objectives.
const withObjectives = (objectives: ObjectiveFact[]) => ({ objectives }) as unknown as CoordinationData;
const o = (key: string, teamKeys: string[], level: ObjectiveFact['level'] = 'program'): ObjectiveFact => ({ key, title: `Title ${key}`, level, teamKeys });

describe('missionOf', () => {
  it('names the objective most members contribute to, counting each member once', () => {
    const data = withObjectives([o('O1', ['a', 'b', 'x']), o('O2', ['a', 'b', 'c', 'c']), o('O3', ['c', 'd'])]);
    expect(missionOf(['a', 'b', 'c', 'd'], data)).toEqual({ title: 'Title O2', members: 3 });
    expect(objectivesByTeam(data).get('c')).toEqual([1, 2]);
  });

  it('breaks ties by the smaller key, whatever the objectives’ order', () => {
    const data = withObjectives([o('O9', ['a', 'b']), o('O3', ['b', 'c']), o('O5', ['a', 'c'])]);
    expect(missionOf(['a', 'b', 'c'], data)).toEqual({ title: 'Title O3', members: 2 });
  });

  it('gives the same answer with an index made once for many groups', () => {
    const data = withObjectives([o('O1', ['a', 'b']), o('O2', ['c', 'd', 'e']), o('O3', ['a', 'e'])]);
    const index = objectivesByTeam(data);
    for (const group of [['a', 'b'], ['c', 'd', 'e'], ['a', 'e', 'c'], ['b']]) expect(missionOf(group, data, index)).toEqual(missionOf(group, data));
  });
});

describe('edge cases', () => {
  it('leaves out portfolio objectives, even when every member shares one', () => {
    const data = withObjectives([o('P', ['a', 'b', 'c'], 'portfolio'), o('O1', ['a', 'b'], null)]);
    expect(missionOf(['a', 'b', 'c'], data)).toEqual({ title: 'Title O1', members: 2 });
  });

  it('needs at least two members on one objective', () => {
    expect(missionOf(['a', 'b'], withObjectives([o('O1', ['a', 'a']), o('O2', ['b', 'z'])]))).toBeNull();
    expect(missionOf(['a', 'b'], withObjectives([]))).toBeNull();
    expect(missionOf([], withObjectives([o('O1', ['a', 'b'])]))).toBeNull();
  });

  it('counts a member named twice in the group once', () => {
    expect(missionOf(['a', 'a'], withObjectives([o('O1', ['a', 'b'])]))).toBeNull();
  });
});
