import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { VictoryAxis, VictoryBar, VictoryChart, VictoryStack } from 'victory';
import { BarPaths, type PathBar } from '../../../renderer/src/charts/BarPaths';

// The Flow page's bar charts draw plain paths instead of VictoryBar components; these check the
// paths are the very bars VictoryBar and VictoryStack drew, in their colours and drawing order,
// and that the chart's axes (its domain) come out the same.

afterEach(cleanup);

interface Drawn {
  bars: { d: string; fill: string | null; opacity: string | null }[];
  ticks: string[];
}

/** A 200×100 chart without padding with a y axis (whose ticks show the domain) and `children`. */
function draw(children: ReactElement | ReactElement[], domain: { x: [number, number] } = { x: [0, 10] }): Drawn {
  const { container } = render(
    <VictoryChart width={200} height={100} padding={0} domain={domain} standalone>
      <VictoryAxis dependentAxis />
      {children}
    </VictoryChart>,
  );
  const bars = [...container.querySelectorAll('path')].map((p) => ({
    d: p.getAttribute('d')!.replace(/\s+/g, ' ').trim(),
    fill: p.getAttribute('fill') ?? p.style.fill,
    opacity: p.getAttribute('opacity') ?? p.style.opacity,
  }));
  const ticks = [...container.querySelectorAll('text')].map((t) => t.textContent ?? '');
  return { bars, ticks };
}

const colour = (fill: string | null) => (fill?.startsWith('#') ? fill.toLowerCase() : fill);

describe('BarPaths', () => {
  it('draws the bars VictoryBar draws, with the same y domain', () => {
    const data = [
      { x: 1.5, y: 4 },
      { x: 4.5, y: 10 },
      { x: 7.5, y: 0 },
    ];
    const victory = draw(<VictoryBar data={data} barWidth={12} style={{ data: { fill: '#0072B2' } }} />);
    const paths = draw(<BarPaths data={data.map((d) => ({ ...d, fill: '#0072B2' }))} barWidth={12} />);
    expect(paths.bars.map((b) => b.d)).toEqual(victory.bars.map((b) => b.d));
    expect(paths.bars.map((b) => colour(b.fill))).toEqual(['#0072b2', '#0072b2', '#0072b2']);
    expect(paths.ticks).toEqual(victory.ticks);
    // A bar of 4 on a domain of 0–10 over 100 px: from the x axis (y 100) up to y 60, 12 px wide around x 30.
    expect(paths.bars[0]!.d).toBe('M 24, 100 A 0 0 0 0 1, 24, 100 L 24, 60 A 0 0 0 0 1, 24, 60 L 36, 60 A 0 0 0 0 1, 36, 60 L 36, 100 A 0 0 0 0 1, 36, 100 z');
  });

  it('gives each bar its own colour and opacity (faded partial weeks)', () => {
    const paths = draw(
      <BarPaths
        data={[
          { x: 1, y: 5, fill: '#aaa', opacity: 0.45 },
          { x: 3, y: 5, fill: '#0072B2', opacity: 1 },
        ]}
        barWidth={4}
      />,
    );
    expect(paths.bars.map((b) => [b.fill, b.opacity])).toEqual([
      ['#aaa', '0.45'],
      ['#0072B2', '1'],
    ]);
  });

  it('stacks as VictoryStack does: same bars, drawn top layer first, same domain', () => {
    const layers = [
      [3, 0, 5],
      [2, 4, 0],
      [1, 1, 1],
    ];
    const fills = ['#111111', '#222222', '#333333'];
    const xs = [1.5, 4.5, 7.5];
    const victory = draw(
      <VictoryStack>
        {layers.map((ys, k) => (
          <VictoryBar key={k} data={ys.map((y, i) => ({ x: xs[i], y }))} barWidth={10} style={{ data: { fill: fills[k] } }} />
        ))}
      </VictoryStack>,
    );
    const bars: PathBar[][] = layers.map((ys, k) => ys.map((y, i) => ({ x: xs[i]!, y0: sumBelow(layers, k, i), y: sumBelow(layers, k, i) + y, fill: fills[k]! })));
    const paths = draw([...bars.entries()].reverse().map(([k, data]) => <BarPaths key={k} data={data} barWidth={10} />));
    expect(paths.bars.map((b) => [b.d, colour(b.fill)])).toEqual(victory.bars.map((b) => [b.d, colour(b.fill)]));
    expect(paths.ticks).toEqual(victory.ticks);
  });

  describe('edge cases', () => {
    it('draws nothing for no bars', () => {
      expect(draw(<BarPaths data={[]} barWidth={4} />).bars).toEqual([]);
    });

    it('leaves out bars outside the x domain, as VictoryBar does', () => {
      const data = [
        { x: -2, y: 3 },
        { x: 5, y: 3 },
        { x: 12, y: 3 },
      ];
      const victory = draw(<VictoryBar data={data} barWidth={4} />);
      const paths = draw(<BarPaths data={data.map((d) => ({ ...d, fill: '#000' }))} barWidth={4} />);
      expect(paths.bars.map((b) => b.d)).toEqual(victory.bars.map((b) => b.d));
      expect(paths.bars).toHaveLength(1);
    });
  });
});

function sumBelow(layers: number[][], k: number, i: number): number {
  return layers.slice(0, k).reduce((sum, ys) => sum + ys[i]!, 0);
}
