/**
 * The maze and its pellets. The walls are baked once into a texture (and once more in the
 * white flash colours for the level-clear flash), so play draws one image, not hundreds of
 * shapes per frame.
 */
import type Phaser from 'phaser';
import type { MazeView } from '../../game/types';
import { wallPolygons, type WallStyle } from '../../ui/mazeShape';
import { PALETTE } from '../../ui/palette';
import { DOT, ENERGIZER, MAZE, MAZE_FLASH } from '../../ui/textureKeys';
import { Pen } from './pen';

/** Walls stand back 2 px from corridors and round their corners by 2 px. */
const OUTER: WallStyle = { inset: 2, radius: 2 };
/** The fill sits 0.7 px inside, leaving that much of the line colour as the outline. */
const LINE = 0.7;
const INNER: WallStyle = { inset: OUTER.inset + LINE, radius: OUTER.radius - LINE };

function drawMaze(pen: Pen, maze: MazeView, line: number, fill: number): void {
  const isWall = (tx: number, ty: number): boolean => maze.kindAt(tx, ty) === 'wall';
  // The door first, so the rounded wall ends beside it sit on top of its bar.
  for (let ty = 0; ty < maze.height; ty++) {
    for (let tx = 0; tx < maze.width; tx++) {
      if (maze.kindAt(tx, ty) === 'door')
        pen.fill(PALETTE.door).rect(tx * 8 - 1, ty * 8 + 3, 10, 2);
    }
  }
  pen.fill(line);
  for (const polygon of wallPolygons(maze.width, maze.height, isWall, OUTER)) pen.polygon(polygon);
  pen.fill(fill);
  for (const polygon of wallPolygons(maze.width, maze.height, isWall, INNER)) pen.polygon(polygon);
}

export function drawBoardTextures(scene: Phaser.Scene, maze: MazeView): void {
  const pen = new Pen(scene);
  const width = maze.width * 8;
  const height = maze.height * 8;
  drawMaze(pen, maze, PALETTE.wallLine, PALETTE.wallFill);
  pen.bake(MAZE, width, height);
  drawMaze(pen, maze, PALETTE.wallFlashLine, PALETTE.wallFlashFill);
  pen.bake(MAZE_FLASH, width, height);
  pen.fill(PALETTE.dot).roundRect(3, 3, 2, 2, 0.6);
  pen.bake(DOT, 8, 8);
  pen.fill(PALETTE.energizer).circle(4, 4, 3.6);
  pen.bake(ENERGIZER, 8, 8);
  pen.destroy();
}
