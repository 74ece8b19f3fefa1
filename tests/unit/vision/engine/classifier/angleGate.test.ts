// The angle gate: a turn counts only when the head has gone far enough from the player's own
// straight towards their own turn; the classifier applies it only while the angles are real.
import { describe, expect, it } from 'vitest';
import {
  angleCentres,
  angleReading,
  GATE_SHARE,
  headTurns,
  NEAR_END_FLOOR,
  NEAR_END_PERCENTILE,
  nearEnds,
  shareOfTheWay,
  SURE_SHARE,
  TAKEN_SHARE,
} from '../../../../../src/vision/engine/classifier/angleGate';
import { angleFeatures } from '../../../../../src/vision/engine/angleFeatures';
import { PoseClassifier } from '../../../../../src/vision/engine/classifier/poseClassifier';
import { perPose, type Pose } from '../../../../../src/vision/poses';
import type { PoseSamples } from '../../../../../src/vision/poseSamples';

const at = (yaw: number, pitch = 0) => ({ yaw, pitch, roll: 0 });

describe('the angle gate', () => {
  it("measures the way from the player's straight to their turn, along the line between them", () => {
    const centres = angleCentres(
      ['neutral', 'neutral', 'left', 'left', 'up'],
      [at(0.1), at(-0.1), at(0.6), at(0.4), null],
    );
    expect(centres.neutral).toEqual([0, 0]);
    expect(centres.left?.[0]).toBeCloseTo(0.5, 9);
    expect(centres.up).toBeNull(); // no shot with angles
    expect(centres.right).toBeNull(); // no shot at all
    expect(shareOfTheWay(at(0.25), [0, 0], [0.5, 0])).toBeCloseTo(0.5, 9);
    // Across the line counts nothing: a nod is not part of a turn's way.
    expect(shareOfTheWay(at(0, 0.4), [0, 0], [0.5, 0])).toBe(0);
  });

  const centres = {
    ...perPose(() => null),
    neutral: [0, 0],
    left: [0.5, 0],
    up: [0, 0.4],
  } as Record<Pose, readonly [number, number] | null>;
  const read = (voted: Pose, yaw: number, pitch = 0) =>
    angleReading(voted, at(yaw, pitch), centres).pose;

  it('reads a turn the head has not gone far enough towards as straight', () => {
    expect(read('left', 0.5 * (GATE_SHARE + 0.05))).toBe('left');
    expect(read('left', 0.5 * (GATE_SHARE - 0.05))).toBe('neutral');
    expect(angleReading('left', at(0.2), centres, 0.3).pose).toBe('left');
    expect(read('up', 0, 0.4 * (GATE_SHARE - 0.05))).toBe('neutral');
    // Without angles for the frame, or without a centre, the nearest shots decide.
    expect(angleReading('left', null, centres).pose).toBe('left');
    expect(read('right', 0)).toBe('right');
  });

  it('takes a turn the head has clearly made even where the picture says straight', () => {
    expect(read('neutral', 0.5 * (TAKEN_SHARE + 0.05))).toBe('left');
    expect(read('neutral', 0.5 * (TAKEN_SHARE - 0.05))).toBe('neutral');
    expect(read('neutral', 0, 0.4 * (TAKEN_SHARE + 0.05))).toBe('up');
    // Of two turns made at once, the one the head went further towards.
    expect(read('neutral', 0.5 * 1.5, 0.4 * 1.2)).toBe('left');
  });

  it('is sure of a turn from nothing at the gate to all at SURE_SHARE of the way', () => {
    expect(angleReading('left', at(0.5 * GATE_SHARE), centres).sure).toBeCloseTo(0, 9);
    expect(angleReading('left', at(0.5 * SURE_SHARE), centres).sure).toBeCloseTo(1, 9);
    const between = angleReading('left', at(0.5 * ((GATE_SHARE + SURE_SHARE) / 2)), centres);
    expect(between.sure).toBeCloseTo(0.5, 9);
    // Straight ahead and gated turns: the angles give no certainty of their own.
    expect(angleReading('neutral', at(0), centres).sure).toBeNull();
  });

  it("measures a turn from where the player's own turns begin, not from the middle of them", () => {
    // Left recorded as far as it goes: 10 shots from 0.3 to 0.75 rad; straight around 0.
    const labels: Pose[] = ['neutral', 'neutral'];
    const angles = [at(0.02), at(-0.02)];
    for (let i = 0; i < 10; i++) {
      labels.push('left');
      angles.push(at(0.3 + 0.05 * i));
    }
    const centres = angleCentres(labels, angles);
    expect(centres.left?.[0]).toBeCloseTo(0.525, 9);
    const ends = nearEnds(labels, angles, centres, NEAR_END_PERCENTILE, 0);
    // The 20th percentile of the ten, nearest first: the second, 0.35.
    expect(ends.left?.[0]).toBeCloseTo(0.35, 9);
    expect(ends.neutral).toEqual(centres.neutral);
    // No nearer than NEAR_END_FLOOR of the way to the middle (0.8 x 0.525 = 0.42), so that a
    // few shots, one of them small, do not bring the gate down to a head barely turned.
    const floored = nearEnds(labels, angles, centres);
    expect(floored.left?.[0]).toBeCloseTo(NEAR_END_FLOOR * 0.525, 9);
    expect(angleReading('left', at(0.24), ends).pose).toBe('left');
    expect(angleReading('left', at(0.24), floored).pose).toBe('neutral');
    // A natural 0.3 turn: short of the middle's gate, past the near end's.
    expect(angleReading('left', at(0.3), centres).pose).toBe('neutral');
    expect(angleReading('left', at(0.3), ends).pose).toBe('left');
    expect(angleReading('left', at(0.3), floored).pose).toBe('left');
    // One still turn has one place, and it is that.
    const still = nearEnds(
      ['neutral', 'left'],
      [at(0), at(0.5)],
      angleCentres(['neutral', 'left'], [at(0), at(0.5)]),
    );
    expect(still.left?.[0]).toBeCloseTo(0.5, 9);
  });

  it('leaves a pose made with the face, not the head, to the picture', () => {
    // Mouth open (up) and a smile (down) recorded with the head straight: their angles sit on
    // straight's, within MIN_TURN_RADIANS (4 degrees), and left is a real turn.
    const faces = {
      ...perPose(() => null),
      neutral: [0.01, -0.02],
      up: [0.02, -0.01],
      down: [0, 0.03],
      left: [0.5, 0],
    } as Record<Pose, readonly [number, number] | null>;
    expect(headTurns(faces)).toEqual(['left']);
    // The frame's angles are straight's, as a face made with a still head: the gesture stands.
    expect(angleReading('up', at(0.01, -0.02), faces).pose).toBe('up');
    expect(angleReading('down', at(0.02, 0.01), faces).pose).toBe('down');
    // ... and the real turn is still gated.
    expect(angleReading('left', at(0.05), faces).pose).toBe('neutral');
    // A gesture never takes a turn's place: straight read with a straight head stays straight.
    expect(angleReading('neutral', at(0.01, 0.03), faces).pose).toBe('neutral');
  });
});

/** A vector of 4 picture numbers (one set per pose) and the angles. */
function vector(picture: readonly number[], yaw: number | null): Float32Array {
  const angles = angleFeatures(yaw === null ? null : at(yaw));
  return new Float32Array([...picture, ...angles]);
}

const STRAIGHT = [2, 1, 0, 0];
const LEFT = [2, 0, 1, 0];

function samples(leftYaw: number | null = 0.5): PoseSamples {
  const shots = perPose((): Array<{ features: Float32Array; mirrored: Float32Array | null }> => []);
  for (let i = 0; i < 3; i++) {
    shots.neutral.push({ features: vector(STRAIGHT, 0.01 * (i + 1)), mirrored: null });
    shots.left.push({ features: vector(LEFT, leftYaw === null ? null : leftYaw), mirrored: null });
  }
  return shots;
}

describe('the pose classifier with the angles at the end', () => {
  // The picture says left; the head has hardly turned.
  const frame = vector(LEFT, 0.1);

  it('gates a turn the head has not made, and says so', async () => {
    const classifier = new PoseClassifier(1, { anglesAtEnd: true });
    classifier.importSamples(samples());
    expect(classifier.comparesAngles).toBe(true);
    expect(await classifier.predict(frame)).toMatchObject({ pose: 'neutral', gated: true });
    const turned = await classifier.predict(vector(LEFT, 0.45));
    expect(turned).toMatchObject({ pose: 'left', gated: false });
  });

  it('compares without the angles, and has no gate, while they are not measured', async () => {
    const classifier = new PoseClassifier(1, { anglesAtEnd: true });
    classifier.importSamples(samples());
    classifier.setAnglesMeasured(false);
    expect(classifier.comparesAngles).toBe(false);
    // The zeros the live frame carries do not pull it towards any pose either.
    expect(await classifier.predict(vector(LEFT, null))).toMatchObject({
      pose: 'left',
      gated: false,
    });
    classifier.setAnglesMeasured(true);
    expect(await classifier.predict(frame)).toMatchObject({ pose: 'neutral', gated: true });
  });

  it('has no gate for a calibration with a shot recorded without the angles', async () => {
    const classifier = new PoseClassifier(1, { anglesAtEnd: true });
    classifier.importSamples(samples(null));
    expect(classifier.comparesAngles).toBe(false);
    expect(await classifier.predict(frame)).toMatchObject({ pose: 'left', gated: false });
  });

  it('judges the fit on the picture alone: the same angles do not make someone else fit', async () => {
    // Straight ahead and left, by picture (similar pictures: 0.8) and by angle (0 and 1 rad).
    const shots = perPose(
      (): Array<{ features: Float32Array; mirrored: Float32Array | null }> => [],
    );
    for (let i = 0; i < 3; i++) {
      shots.neutral.push({ features: vector([1, 0.5, 0, 0], 0.01 * (i + 1)), mirrored: null });
      shots.left.push({ features: vector([0.5, 1, 0, 0], 1), mirrored: null });
    }
    const classifier = new PoseClassifier(1, { anglesAtEnd: true });
    classifier.importSamples(shots);
    expect(classifier.comparesAngles).toBe(true);
    // Another face looking straight: its picture is further from every shot (0.63) than the
    // poses' pictures are from each other. With the angles in, the turn's angles would have
    // pulled the poses apart (0.41) and this frame would have fitted.
    const someoneElse = await classifier.predict(vector([1, 0, 1, 0], 0.02));
    expect(someoneElse.far).toBe(true);
    expect((await classifier.predict(vector([1, 0.5, 0, 0], 0.02))).far).toBe(false);
  });

  it('reads the last numbers as angles only when told so', async () => {
    const classifier = new PoseClassifier(1);
    classifier.importSamples(samples());
    expect(await classifier.predict(frame)).toMatchObject({ pose: 'left', gated: false });
  });
});
