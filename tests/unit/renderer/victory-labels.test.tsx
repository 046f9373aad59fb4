import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Data, Domain, TextSize, VictoryAxis, VictoryChart, labelSize } from '../../../renderer/src/charts/victory';
import { DotCloud, formattedDots, type CloudDot } from '../../../renderer/src/charts/DotCloud';
import { textWidth } from '../../../renderer/src/charts/measure-text';

// Charts import Victory through renderer/src/charts/victory.ts, which measures labels without
// asking the page for a layout, and DotCloud formats its data once per array for VictoryChart's
// several reads. These check both give Victory what its own code gave.

afterEach(cleanup);

describe('labels measured without the page', () => {
  it('is what Victory now uses, and it adds nothing to the page', () => {
    const before = document.body.childElementCount;
    const size = TextSize.approximateTextSize('Throughput', { fontSize: 12, fontFamily: 'sans-serif' });
    expect(size).toEqual(labelSize('Throughput', { fontSize: 12, fontFamily: 'sans-serif' }));
    // Victory's own measurement appends a hidden <svg> to the body to measure in.
    expect(document.body.childElementCount).toBe(before);
  });

  it('takes the width of the widest line and the height Victory estimates for the lines', () => {
    const style = { fontSize: 10, fontFamily: 'sans-serif' };
    const size = labelSize(['ab', 'abcdef'], style);
    expect(size.width).toBe(textWidth('abcdef', 10, 'sans-serif'));
    // happy-dom has no canvas: measure-text's estimate of 0.6 em a character.
    expect(size.width).toBe(36);
    expect(size.height).toBeGreaterThan(labelSize('ab', style).height);
  });

  it('adds letter spacing between characters, in px or em', () => {
    const plain = labelSize('abcd', { fontSize: 10, fontFamily: 'sans-serif' }).width;
    expect(labelSize('abcd', { fontSize: 10, fontFamily: 'sans-serif', letterSpacing: '2px' }).width).toBe(plain + 6);
    expect(labelSize('abcd', { fontSize: 10, fontFamily: 'sans-serif', letterSpacing: '0.1em' }).width).toBe(plain + 3);
  });

  it('turns the box with the label: at 90 degrees width and height swap', () => {
    const flat = labelSize('abcdef', { fontSize: 10, fontFamily: 'sans-serif' });
    const turned = labelSize('abcdef', { fontSize: 10, fontFamily: 'sans-serif', angle: 90 });
    expect(turned.width).toBeCloseTo(flat.height, 6);
    expect(turned.height).toBeCloseTo(flat.width, 6);
  });

  describe('edge cases', () => {
    it('an empty label has no width', () => {
      expect(labelSize('', { fontSize: 10 }).width).toBe(0);
    });

    it('a style per line measures each line in its own size', () => {
      const size = labelSize(['abcd', 'ab'], [{ fontSize: 10 }, { fontSize: 30 }]);
      expect(size.width).toBe(textWidth('ab', 30, "'Gill Sans', 'Gill Sans MT', 'Seravek', 'Trebuchet MS', sans-serif"));
    });

    it('a font size given as text ("12px") counts as that many px', () => {
      expect(labelSize('abcd', { fontSize: '12px' }).width).toBe(labelSize('abcd', { fontSize: 12 }).width);
    });

    it('newlines in a string are lines', () => {
      expect(labelSize('ab\nabcdef', { fontSize: 10 })).toEqual(labelSize(['ab', 'abcdef'], { fontSize: 10 }));
    });
  });
});

describe('DotCloud data for VictoryChart', () => {
  const dots: CloudDot[] = [
    { x: 1, y: 4, size: 3, fill: '#0072B2' },
    { x: 7, y: 2, size: 3, fill: '#E69F00' },
  ];

  it('is Victory’s formatted data, formatted once per array', () => {
    expect(formattedDots(dots)).toEqual(Data.getData({ data: dots }));
    expect(formattedDots(dots)).toBe(formattedDots(dots));
    expect(DotCloud.getData({ data: dots })).toBe(formattedDots(dots));
    // A new answer is a new array: formatted afresh.
    expect(formattedDots([...dots])).not.toBe(formattedDots(dots));
  });

  it('gives the domain Victory’s own rule gives, and a domain in the props still wins', () => {
    for (const axis of ['x', 'y'] as const) expect(DotCloud.getDomain({ data: dots }, axis)).toEqual(Domain.getDomain({ data: dots }, axis));
    expect(DotCloud.getDomain({ data: dots, domain: { x: [0, 10] } } as never, 'x')).toEqual([0, 10]);
  });

  it('sets the chart’s axes as the dots span them', () => {
    const { container } = render(
      <VictoryChart width={200} height={100} padding={0} standalone>
        <VictoryAxis dependentAxis />
        <DotCloud data={dots} opacity={1} />
      </VictoryChart>,
    );
    // The y axis spans the dots' 2 to 4, from end to end.
    const ticks = [...container.querySelectorAll('text')].map((t) => Number(t.textContent));
    expect(Math.min(...ticks)).toBe(2);
    expect(Math.max(...ticks)).toBe(4);
  });
});
