/**
 * The one line that says how the head chooses on a screen ("HEAD: ← → MOVE, HOLD ↑ 1 SEC:
 * CHOOSE"), shown while head control steers and kept current every frame (the start pose
 * can change in the settings; head control can start or stop).
 */
import Phaser from '../phaserLite/phaser';
import { schemeLine } from '../handsFree/headWords';
import { PALETTE } from '../ui/palette';
import { Label } from './label';
import type { Services } from './services';

export function headSchemeLabel(
  scene: Phaser.Scene,
  y: number,
  { signals, settings }: Pick<Services, 'signals' | 'settings'>,
): Label {
  const scheme = new Label(scene, 112, y, '', { align: 'center', color: PALETTE.textDim });
  const show = (): void => {
    scheme.set(signals.steering ? schemeLine(settings.value.startPose) : '');
  };
  show();
  scene.events.on(Phaser.Scenes.Events.UPDATE, show);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
    scene.events.off(Phaser.Scenes.Events.UPDATE, show),
  );
  return scheme;
}
