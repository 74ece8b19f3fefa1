import { describe, expect, it } from 'vitest';
import { previewPlacement } from '../../../src/ui/faceBox';
import { indicatorText } from '../../../src/ui/headIndicator';
import { NO_FRAME_YET } from '../../../src/vision/headView';

describe('the head indicator', () => {
  it('shows the pose acted on as an arrow, neutral as straight, and no face as no face', () => {
    expect(indicatorText({ ...NO_FRAME_YET, sight: 'seen', pose: 'left' })).toMatchObject({
      glyph: '←',
      word: 'left',
      state: 'pose',
    });
    expect(indicatorText({ ...NO_FRAME_YET, sight: 'seen', pose: 'neutral' }).word).toBe(
      'straight',
    );
    expect(indicatorText({ ...NO_FRAME_YET, sight: 'seen', pose: null }).state).toBe('unsure');
    // A lost face wins over a pose still held from before.
    expect(indicatorText({ ...NO_FRAME_YET, sight: 'lost', pose: 'up' })).toMatchObject({
      word: 'no face',
      state: 'no-face',
    });
  });
});

describe('the face box over a mirrored preview', () => {
  it('mirrors the box: a face on the camera frame’s left shows on the preview’s right', () => {
    const place = previewPlacement({ x: 0, y: 0, width: 160, height: 120 }, 640, 480, 96, 72);
    expect(place).toEqual({ left: 72, top: 0, width: 24, height: 18 });
  });

  it('follows object-fit: cover when the preview is squarer than the frame', () => {
    // A 640x480 frame in a 100x100 preview: scaled to 133x100, 16.7 px cut off each side.
    const centre = previewPlacement(
      { x: 270, y: 190, width: 100, height: 100 },
      640,
      480,
      100,
      100,
    );
    expect(centre.left).toBeCloseTo(100 - (-16.667 + 270 * (100 / 480)) - 100 * (100 / 480), 2);
    expect(centre.top).toBeCloseTo(190 * (100 / 480), 5);
    expect(centre.width).toBeCloseTo(100 * (100 / 480), 5);
  });
});
