/**
 * Points that pop up where a ghost or fruit was eaten, and fade after a while. They age in
 * game ticks, not real time, so a pause freezes them with everything else.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../ui/palette';
import { Label } from '../label';

interface Popup {
  readonly label: Label;
  ticksLeft: number;
}

export class Popups {
  private readonly live: Popup[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  show(points: number, x: number, y: number, ticks: number, color: number = PALETTE.points): void {
    const label = new Label(this.scene, x, y - 3, String(points), {
      align: 'center',
      color,
      depth: 6,
    });
    this.live.push({ label, ticksLeft: ticks });
  }

  /** Ages every popup by one game tick. */
  tick(): void {
    for (let i = this.live.length - 1; i >= 0; i--) {
      const popup = this.live[i];
      if (!popup) continue;
      popup.ticksLeft--;
      if (popup.ticksLeft <= 0) {
        popup.label.text.destroy();
        this.live.splice(i, 1);
      }
    }
  }
}
