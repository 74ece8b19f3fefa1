// The fake camera clips the head-control browser tests use: one Pointing'04 person, each pose
// held 5 seconds (long enough to hold a record control 3 seconds inside one pose).
import { poseScript, type ClipSpec } from './fakeCamera';

export const PERSON = 'person01';
export const SEGMENT_SECONDS = 5;

/** Series 1: the photos the player calibrates on (and first steers with). */
export const CALIBRATION_CLIP: ClipSpec = {
  name: `${PERSON}-series1`,
  person: PERSON,
  segments: poseScript(1, SEGMENT_SECONDS),
};

/** Series 2: the same person photographed in another session, never seen in calibration. */
export const OTHER_SESSION_CLIP: ClipSpec = {
  name: `${PERSON}-series2`,
  person: PERSON,
  segments: poseScript(2, SEGMENT_SECONDS),
};

/**
 * Series 1 again, but the person sits back and to one side: each photo smaller, somewhere in
 * a grey frame (support/fakeCamera.ts 'sitting-back'), while the calibration was recorded
 * close and centred.
 */
export const SITTING_BACK_CLIP: ClipSpec = {
  name: `${PERSON}-series1-sitting-back`,
  person: PERSON,
  segments: poseScript(1, SEGMENT_SECONDS).map((segment) => ({
    ...segment,
    placement: 'sitting-back',
  })),
};

/** Nobody in front of the camera: an empty room. */
export const NOBODY_CLIP: ClipSpec = {
  name: 'nobody',
  person: PERSON,
  segments: [{ pose: 'neutral', series: 1, seconds: 5, nobody: true }],
};
