import { describe, expect, it } from 'vitest';
import {
  BURST_KEEP_SHARE,
  judgeBurst,
} from '../../../../../src/vision/engine/classifier/burstCheck';
import { perPose, type Pose } from '../../../../../src/vision/poses';
import type { PoseSample, PoseSamples } from '../../../../../src/vision/poseSamples';
import { angleFeatures } from '../../../../../src/vision/engine/angleFeatures';
import { clusteredSamples, seeded, vectorNear } from '../../testVectors';

const LENGTH = 16;
/** An axis none of the poses uses: "today's light", shared by every shot taken today. */
const LIGHT = 10;

function shotsOf(
  pose: Pose,
  count: number,
  seed: number,
  light = 0,
  mirrored = false,
): PoseSample[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const features = vectorNear(pose, random, LENGTH);
    features[LIGHT] = light;
    return { features, mirrored: mirrored ? new Float32Array(features) : null };
  });
}

/** `samples` with `shots` added to `pose`; returns where they start. */
function withBurst(samples: PoseSamples, pose: Pose, shots: PoseSample[]) {
  const from = samples[pose].length;
  return { samples: { ...samples, [pose]: [...samples[pose], ...shots] }, from };
}

describe('the touch-up burst check', () => {
  const old = clusteredSamples(5, 1, LENGTH);

  it('keeps a burst that reads as the pose asked for', () => {
    const { samples, from } = withBurst(old, 'up', shotsOf('up', 20, 2));
    const verdict = judgeBurst(samples, 'up', from);
    expect(verdict).toMatchObject({ kept: true, reason: null, shots: 20, lookedLike: null });
    expect(verdict.readAs.up).toBe(20);
  });

  it('drops a burst that reads as another pose, and says which', () => {
    const { samples, from } = withBurst(old, 'up', shotsOf('neutral', 20, 3));
    const verdict = judgeBurst(samples, 'up', from);
    expect(verdict).toMatchObject({ kept: false, reason: 'other-pose', lookedLike: 'neutral' });
    expect(verdict.readAs.neutral).toBe(20);
  });

  it('drops a burst with no shot at all: no face was seen', () => {
    expect(judgeBurst(old, 'left', old.left.length)).toMatchObject({
      kept: false,
      reason: 'no-face',
      shots: 0,
    });
  });

  it('never compares a burst with itself or its mirror images', () => {
    // Neutral frames recorded as "up", mirrored (a mirror of "up" is "up"): were the mirror
    // images compared with, every shot's nearest example would be its own mirror, voting "up".
    const { samples, from } = withBurst(old, 'up', shotsOf('neutral', 10, 4, 0, true));
    expect(judgeBurst(samples, 'up', from).kept).toBe(false);
  });

  it('keeps the burst when half of it reads as the pose', () => {
    expect(BURST_KEEP_SHARE).toBe(0.5);
    const half = [...shotsOf('down', 2, 5), ...shotsOf('neutral', 2, 6)];
    const { samples, from } = withBurst(old, 'down', half);
    const verdict = judgeBurst(samples, 'down', from);
    expect(verdict.readAs.down).toBe(2);
    expect(verdict.kept).toBe(true);
    const less = withBurst(old, 'down', [...shotsOf('down', 1, 5), ...shotsOf('neutral', 3, 6)]);
    expect(judgeBurst(less.samples, 'down', less.from).kept).toBe(false);
  });

  it("with touchUpFrom, compares with the old day's shots only, not today's other poses", () => {
    // Today's neutral, recorded first in the touch-up, shares today's light with today's
    // "down": nearer to it than the old day's "down" shots are.
    const light = 1.5;
    const today = withBurst(old, 'neutral', shotsOf('neutral', 10, 7, light));
    const { samples, from } = withBurst(today.samples, 'down', shotsOf('down', 10, 8, light));
    expect(judgeBurst(samples, 'down', from)).toMatchObject({ kept: false, lookedLike: 'neutral' });
    const touchUpFrom = perPose((pose) => old[pose].length);
    expect(judgeBurst(samples, 'down', from, { touchUpFrom })).toMatchObject({ kept: true });
    // A player who showed neutral when "down" was asked is still caught by the old shots.
    const wrong = withBurst(today.samples, 'down', shotsOf('neutral', 10, 9, light));
    expect(judgeBurst(wrong.samples, 'down', wrong.from, { touchUpFrom }).kept).toBe(false);
  });

  it('keeps a burst when there is nothing else to compare with', () => {
    const only = perPose((): PoseSample[] => []);
    const { samples, from } = withBurst(only, 'left', shotsOf('left', 3, 10, 0, true));
    expect(judgeBurst(samples, 'left', from)).toMatchObject({ kept: true, shots: 3 });
  });

  it("counts mirror images of other poses' shots as the mirrored pose", () => {
    // Only "right" shots, with mirror images (which show "left"): a "left" burst reads as left.
    const rights = perPose((pose): PoseSample[] =>
      pose === 'right' ? shotsOf('right', 5, 11, 0) : [],
    );
    const mirrored = perPose((pose): PoseSample[] =>
      rights[pose].map((s) => {
        const image = new Float32Array(s.features);
        // The mirror image of "right" points along "left"'s axis.
        [image[1], image[2]] = [image[2] as number, image[1] as number];
        return { features: s.features, mirrored: image };
      }),
    );
    const { samples, from } = withBurst(mirrored, 'left', shotsOf('left', 4, 12));
    const verdict = judgeBurst(samples, 'left', from);
    expect(verdict.kept).toBe(true);
    expect(verdict.readAs.left).toBe(4);
  });

  describe("with the head's angles at the end of each vector, as the game records them", () => {
    /** A picture that looks straight ahead, and the head's pitch in radians (0.15: about 9°). */
    function shot(seed: number, pitch: number): PoseSample {
      const picture = vectorNear('neutral', seeded(seed), LENGTH);
      const angles = angleFeatures({ yaw: 0, pitch, roll: 0 });
      return { features: new Float32Array([...picture, ...angles]), mirrored: null };
    }
    // A player whose tilt down is small (8-10°): the picture cannot tell it from straight ahead,
    // the head's angles can (play takes the turn on them: angleGate.ts).
    const small = perPose((): PoseSample[] => []);
    for (let i = 0; i < 5; i++) {
      small.neutral.push(shot(20 + i, 0.005 * (i + 1)));
      small.down.push(shot(30 + i, 0.14 + 0.01 * i));
    }

    it('keeps a small tilt that play reads as down, which the picture alone reads as straight', () => {
      // Today's tilt looks exactly like the straight shots' pictures; its angles go a little past
      // the recorded ones (11-13°), as far as play needs to take a turn on the angles alone.
      const burst = [0, 1, 2, 3].map((i) => shot(20 + i, 0.2 + 0.01 * i));
      const { samples, from } = withBurst(small, 'down', burst);
      expect(judgeBurst(samples, 'down', from).lookedLike).toBe('neutral');
      const verdict = judgeBurst(samples, 'down', from, { anglesAtEnd: true });
      expect(verdict).toMatchObject({ kept: true, lookedLike: null });
      expect(verdict.readAs.down).toBe(4);
    });

    it('does not vouch for a straight head recorded as down', () => {
      const burst = [0, 1, 2, 3].map((i) => shot(20 + i, 0.01));
      const { samples, from } = withBurst(small, 'down', burst);
      const verdict = judgeBurst(samples, 'down', from, { anglesAtEnd: true });
      expect(verdict).toMatchObject({ kept: false, reason: 'other-pose', lookedLike: 'neutral' });
    });

    it('judges straight ahead by the picture alone', () => {
      // Pictures just like the down shots', the head barely tilted: play's gate would read them
      // as straight ("not far enough"), which is no evidence that straight was shown.
      const burst = [0, 1, 2, 3].map((i) => shot(30 + i, 0.03));
      const { samples, from } = withBurst(small, 'neutral', burst);
      const verdict = judgeBurst(samples, 'neutral', from, { anglesAtEnd: true });
      expect(verdict).toMatchObject({ kept: false, lookedLike: 'down' });
    });
  });
});
