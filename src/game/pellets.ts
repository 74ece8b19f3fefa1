/** The dots and energizers still on the board during a level. */
import type { Maze, PelletKind } from './maze';

export class Pellets {
  private readonly board: (PelletKind | null)[] = [];
  private left = 0;

  constructor(private readonly maze: Maze) {
    this.refill();
  }

  /** A new level puts every dot and energizer back. */
  refill(): void {
    this.board.length = 0;
    this.left = 0;
    for (let ty = 0; ty < this.maze.height; ty++) {
      for (let tx = 0; tx < this.maze.width; tx++) {
        const pellet = this.maze.pelletAt(tx, ty);
        this.board.push(pellet);
        if (pellet) this.left++;
      }
    }
  }

  get count(): number {
    return this.left;
  }

  at(tx: number, ty: number): PelletKind | null {
    if (tx < 0 || ty < 0 || tx >= this.maze.width || ty >= this.maze.height) return null;
    return this.board[ty * this.maze.width + tx] ?? null;
  }

  /** Removes and returns the pellet on the tile, if any. */
  eat(tx: number, ty: number): PelletKind | null {
    const pellet = this.at(tx, ty);
    if (pellet) {
      this.board[ty * this.maze.width + tx] = null;
      this.left--;
    }
    return pellet;
  }

  /** For tests and scenarios: clear a tile without scoring it. */
  remove(tx: number, ty: number): void {
    this.eat(tx, ty);
  }
}
