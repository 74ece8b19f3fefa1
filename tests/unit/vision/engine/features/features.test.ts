import { describe, expect, it } from 'vitest';
import {
  LAYER_TAPS,
  averagePoolToGrid,
  combineParts,
  featureLength,
  type FeatureRecipe,
} from '../../../../../src/vision/engine/features/features';
import { unitLength } from '../../../../../src/vision/engine/unitLength';
import { FEATURE_RECIPE } from '../../../../../src/vision/engine/recipe';

describe('averagePoolToGrid', () => {
  it('averages each cell, channel by channel', () => {
    // 2x2 map, 2 channels: channel 0 = 1,2,3,4 and channel 1 = 10,20,30,40.
    const map = new Float32Array([1, 10, 2, 20, 3, 30, 4, 40]);
    expect([...averagePoolToGrid(map, 2, 2, 1)]).toEqual([2.5, 25]);
    expect([...averagePoolToGrid(map, 2, 2, 2)]).toEqual([1, 10, 2, 20, 3, 30, 4, 40]);
  });

  it('shares the middle row and column of an odd map between cells (7 -> 2: rows 0-3 and 3-6)', () => {
    const size = 7;
    const map = new Float32Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) map[y * size + x] = x;
    const pooled = averagePoolToGrid(map, size, 1, 2);
    expect([...pooled]).toEqual([1.5, 4.5, 1.5, 4.5]);
    // Cell order: row of cells, then column: a map growing downward shows it.
    const down = new Float32Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) down[y * size + x] = y;
    expect([...averagePoolToGrid(down, size, 1, 2)]).toEqual([1.5, 1.5, 4.5, 4.5]);
  });

  it('refuses maps of the wrong size and grids finer than the map', () => {
    expect(() => averagePoolToGrid(new Float32Array(5), 2, 2, 1)).toThrow();
    expect(() => averagePoolToGrid(new Float32Array(4), 2, 1, 3)).toThrow();
  });
});

describe('combineParts', () => {
  const recipe: FeatureRecipe = {
    id: 'two',
    parts: [
      { layer: 'conv13', grid: 1 },
      { layer: 'conv11', grid: 1 },
    ],
    normalise: 'per-part',
  };

  it('scales each part to unit length so layers weigh the same', () => {
    const a = new Float32Array(256).fill(10);
    const b = new Float32Array(128).fill(0.01);
    const joined = combineParts(recipe, [a, b]);
    expect(joined).toHaveLength(featureLength(recipe));
    let first = 0;
    let second = 0;
    for (let i = 0; i < 256; i++) first += (joined[i] as number) ** 2;
    for (let i = 256; i < 384; i++) second += (joined[i] as number) ** 2;
    expect(first).toBeCloseTo(1, 5);
    expect(second).toBeCloseTo(1, 5);
  });

  it('keeps raw values when asked, and checks the parts', () => {
    const raw = { ...recipe, normalise: 'none' as const };
    const joined = combineParts(raw, [
      new Float32Array(256).fill(2),
      new Float32Array(128).fill(3),
    ]);
    expect(joined[0]).toBe(2);
    expect(joined[300]).toBe(3);
    expect(() => combineParts(raw, [new Float32Array(256)])).toThrow();
    expect(() => combineParts(raw, [new Float32Array(256), new Float32Array(127)])).toThrow();
  });

  it('leaves an all-zero vector at zero', () => {
    expect([...unitLength(new Float32Array(3))]).toEqual([0, 0, 0]);
  });

  it("the game's recipe reads layers that exist", () => {
    for (const part of FEATURE_RECIPE.parts) expect(LAYER_TAPS[part.layer].node).toMatch(/Relu6$/);
    expect(featureLength(FEATURE_RECIPE)).toBeGreaterThan(0);
  });
});
