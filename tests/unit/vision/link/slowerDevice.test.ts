import { describe, expect, it } from 'vitest';
import { engineSlowerBy, MOST_SLOWER_BY } from '../../../../src/vision/link/slowerDevice';

describe('a page address asking for a slower engine (?engineSlowerBy)', () => {
  it('is 1 unless a factor above 1 is asked for, and never more than the most', () => {
    expect(engineSlowerBy('https://example.test/')).toBe(1);
    expect(engineSlowerBy('https://example.test/?engineSlowerBy=4')).toBe(4);
    expect(engineSlowerBy('https://example.test/?engineSlowerBy=2.5')).toBe(2.5);
    expect(engineSlowerBy('https://example.test/?engineSlowerBy=1000')).toBe(MOST_SLOWER_BY);
    for (const odd of ['0.5', '-3', 'fast', '', 'Infinity']) {
      expect(engineSlowerBy(`https://example.test/?engineSlowerBy=${odd}`)).toBe(1);
    }
    expect(engineSlowerBy('not an address')).toBe(1);
  });
});
