import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VictoryChart } from 'victory';
import { DotCloud, type CloudDot } from '../../../renderer/src/charts/DotCloud';

// The dense charts draw their dots as a few paths; these check the paths hold every dot, in its
// colour and shape, where the chart's scales put it.

afterEach(cleanup);

/** A 200×100 plot without padding over x 0–10 and y 0–10: x → 20 px per unit, y → 10 px per unit from the bottom. */
function draw(data: CloudDot[], domain = { x: [0, 10] as [number, number], y: [0, 10] as [number, number] }) {
  const { container } = render(
    <VictoryChart width={200} height={100} padding={0} domain={domain} standalone>
      <DotCloud data={data} opacity={0.8} />
    </VictoryChart>,
  );
  return [...container.querySelectorAll('path')].map((p) => ({ fill: p.getAttribute('fill'), d: p.getAttribute('d')!.replace(/\s+/g, ' ').trim(), opacity: p.getAttribute('opacity') }));
}

/** Subpaths ("M x, y …") in a path's d, as their starting points. */
const starts = (d: string) => [...d.matchAll(/M (-?[\d.]+), (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('DotCloud', () => {
  it('draws each dot at its scaled place, circles as Victory draws them, in its own colour', () => {
    const paths = draw([
      { x: 5, y: 5, size: 3, fill: '#0072B2' },
      { x: 1, y: 2, size: 4, fill: '#E69F00' },
    ]);
    expect(paths).toHaveLength(2);
    const blue = paths.find((p) => p.fill === '#0072B2')!;
    // Victory's circle: move to the centre (100, 50), then to its left edge, two arcs of radius 3.
    expect(blue.d).toBe('M 100, 50 m -3, 0 a 3, 3 0 1,0 6,0 a 3, 3 0 1,0 -6,0');
    expect(blue.opacity).toBe('0.8');
    expect(starts(paths.find((p) => p.fill === '#E69F00')!.d)).toEqual([[20, 80]]);
  });

  it('keeps colours with spaces in them (the dark theme’s rgb(…) colours)', () => {
    const paths = draw([{ x: 5, y: 5, size: 3, fill: 'rgb(86, 180, 233)' }]);
    expect(paths.map((p) => p.fill)).toEqual(['rgb(86, 180, 233)']);
  });

  it('draws a clipped dot as a triangle and holds many dots in a few paths', () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ x: (i % 10) + 0.5, y: Math.floor(i / 10) + 1, size: 2, fill: '#0072B2' }));
    const paths = draw([...data, { x: 3, y: 10, size: 4, fill: '#0072B2', clipped: true }]);
    expect(paths.length).toBeLessThanOrEqual(5);
    expect(paths.reduce((n, p) => n + starts(p.d).length, 0)).toBe(41);
    // Victory's triangleUp at (60, 0), size 4: from the bottom left corner (56, 4).
    expect(paths.filter((p) => p.d.includes('L')).map((p) => p.d)).toEqual([expect.stringMatching(/^M 56, 4 L 64, 4 L 60, -3\.46\d* z$/)]);
  });

  describe('edge cases', () => {
    it('leaves out dots outside the domain, as VictoryScatter does', () => {
      const paths = draw([
        { x: 11, y: 5, size: 3, fill: '#0072B2' },
        { x: 5, y: -1, size: 3, fill: '#0072B2' },
        { x: 5, y: 5, size: 3, fill: '#0072B2' },
      ]);
      expect(paths.flatMap((p) => starts(p.d))).toEqual([[100, 50]]);
    });

    it('draws nothing for no dots, and a dot of size 0 at Victory’s smallest size, 1', () => {
      expect(draw([])).toEqual([]);
      expect(draw([{ x: 5, y: 5, size: 0, fill: '#000' }])[0]!.d).toContain('m -1, 0');
    });
  });
});
