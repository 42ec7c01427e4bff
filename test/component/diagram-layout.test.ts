import { describe, expect, it } from 'vitest';
import { fitText, wrapText } from '../../src/ui/diagram/layout';

describe('diagram text fitting', () => {
  it('keeps short names on one line', () => {
    expect(wrapText('Browser', 140, 7.8)).toEqual(['Browser']);
  });

  it('wraps a long actor name at a space onto a second line instead of cutting it', () => {
    expect(wrapText('Eavesdropper on the network', 130, 7.8)).toEqual(['Eavesdropper on', 'the network']);
  });

  it('shortens the last line with an ellipsis when two lines are not enough', () => {
    const lines = wrapText('Certificate authority of a very long organisation name', 100, 7.8);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(lines.every((line) => line.length <= Math.floor(100 / 7.8))).toBe(true);
  });

  it('shortens a single word wider than the column', () => {
    expect(fitText('Supercalifragilistic', 60)).toBe('Supercal…');
    expect(wrapText('Supercalifragilistic', 60)).toEqual(['Supercal…']);
  });
});
