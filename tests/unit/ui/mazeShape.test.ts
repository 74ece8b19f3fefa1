import { describe, expect, it } from 'vitest';
import { quarterOutline, wallPolygons } from '../../../src/ui/mazeShape';

const STYLE = { inset: 2, radius: 2 };

function area(points: readonly (readonly [number, number])[]): number {
  let sum = 0;
  points.forEach(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length] ?? [0, 0];
    sum += x * ny - nx * y;
  });
  return Math.abs(sum) / 2;
}

describe('quarterOutline', () => {
  it('fills a quarter with walls all around', () => {
    expect(area(quarterOutline(false, false, false, STYLE))).toBeCloseTo(16);
  });

  it('pulls back from an open side by the inset', () => {
    expect(area(quarterOutline(true, false, false, STYLE))).toBeCloseTo(8);
    expect(area(quarterOutline(false, true, true, STYLE))).toBeCloseTo(8);
  });

  it('rounds a convex corner and bites a concave one', () => {
    const convex = area(quarterOutline(true, true, true, STYLE));
    expect(convex).toBeLessThan(4);
    expect(convex).toBeGreaterThan(2);
    const concave = area(quarterOutline(false, false, true, STYLE));
    expect(concave).toBeCloseTo(16 - Math.PI, 1);
  });

  it('stays inside the quarter', () => {
    for (const h of [false, true]) {
      for (const v of [false, true]) {
        for (const d of [false, true]) {
          for (const [u, w] of quarterOutline(h, v, d, STYLE)) {
            expect(u).toBeGreaterThanOrEqual(-1e-9);
            expect(w).toBeGreaterThanOrEqual(-1e-9);
            expect(u).toBeLessThanOrEqual(4 + 1e-9);
            expect(w).toBeLessThanOrEqual(4 + 1e-9);
          }
        }
      }
    }
  });
});

describe('wallPolygons', () => {
  it('gives four quarters per wall tile, placed on that tile', () => {
    const walls = new Set(['1,1', '2,1']);
    const polygons = wallPolygons(4, 3, (x, y) => walls.has(`${x},${y}`), STYLE);
    expect(polygons).toHaveLength(8);
    for (const polygon of polygons) {
      for (const p of polygon) {
        expect(p.x).toBeGreaterThanOrEqual(8);
        expect(p.x).toBeLessThanOrEqual(24);
        expect(p.y).toBeGreaterThanOrEqual(8 + STYLE.inset - 1e-9);
        expect(p.y).toBeLessThanOrEqual(16 - STYLE.inset + 1e-9);
      }
    }
  });
});
