/**
 * The outline of HEADCHOMP's walls, as polygons in maze pixels, computed from the tile grid.
 *
 * Each wall tile is split into four 4x4 quarters. A quarter shrinks away from open
 * neighbours by `inset`, rounds its outer corner when both sides are open (convex) and gets
 * a quarter-circle bite when only the diagonal is open (concave). Drawn together, the quarters
 * give soft, rounded wall blocks; drawing once wide in the line colour and once narrower in
 * the fill colour leaves an even outline, with no stroking maths.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface WallStyle {
  /** How far walls pull back from open tiles, in pixels (0..4). */
  readonly inset: number;
  /** Radius of convex corners; inset + radius must not exceed 4. */
  readonly radius: number;
}

const HALF = 4;
const ARC_STEPS = 6;

type Local = [number, number];

function arc(cu: number, cv: number, r: number, fromDeg: number, toDeg: number): Local[] {
  const out: Local[] = [];
  for (let i = 0; i <= ARC_STEPS; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / ARC_STEPS) * Math.PI) / 180;
    out.push([cu + r * Math.cos(a), cv + r * Math.sin(a)]);
  }
  return out;
}

/**
 * One quarter in local coordinates: u grows from the tile centre towards the quarter's
 * horizontal side, v towards its vertical side, both 0..4.
 */
export function quarterOutline(
  hOpen: boolean,
  vOpen: boolean,
  dOpen: boolean,
  style: WallStyle,
): Local[] {
  const e = style.inset;
  const edge = HALF - e;
  if (hOpen && vOpen) {
    const r = Math.min(style.radius, edge);
    const c = edge - r;
    return [[0, 0], [edge, 0], ...arc(c, c, r, 0, 90), [0, edge]];
  }
  if (hOpen)
    return [
      [0, 0],
      [edge, 0],
      [edge, HALF],
      [0, HALF],
    ];
  if (vOpen)
    return [
      [0, 0],
      [HALF, 0],
      [HALF, edge],
      [0, edge],
    ];
  if (dOpen && e > 0) return [[0, 0], [HALF, 0], ...arc(HALF, HALF, e, 270, 180), [0, HALF]];
  return [
    [0, 0],
    [HALF, 0],
    [HALF, HALF],
    [0, HALF],
  ];
}

/** Polygons (maze pixels) covering every wall tile, for a given style. */
export function wallPolygons(
  width: number,
  height: number,
  isWall: (tx: number, ty: number) => boolean,
  style: WallStyle,
): Point[][] {
  const polygons: Point[][] = [];
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      if (!isWall(tx, ty)) continue;
      const cx = tx * 8 + HALF;
      const cy = ty * 8 + HALF;
      for (const sx of [-1, 1]) {
        for (const sy of [-1, 1]) {
          const local = quarterOutline(
            !isWall(tx + sx, ty),
            !isWall(tx, ty + sy),
            !isWall(tx + sx, ty + sy),
            style,
          );
          polygons.push(local.map(([u, v]) => ({ x: cx + sx * u, y: cy + sy * v })));
        }
      }
    }
  }
  return polygons;
}
