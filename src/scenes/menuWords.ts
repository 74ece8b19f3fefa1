/**
 * What the menu says about head control, as one pixel-font line under the choices and as a
 * sentence for the live region: ready (and how to start with the head), no longer fitting
 * (a touch-up comes), touching up, starting, off, not set up yet, or in trouble. Kept apart from MenuScene so the wording is in one place.
 */
import { holdInWords } from '../handsFree/holdTime';
import { POSE_ARROWS } from '../handsFree/startPose';
import type { Services } from './services';

export interface MenuHeadWords {
  /** For the screen, in the pixel font (at most 37 characters). */
  readonly line: string;
  /** For the live region while head control is not steering (the choice list says the rest). */
  readonly hint: string;
}

const KEYS_TOO = 'Enter or a tap plays with keys or touch.';

/**
 * `headHighlighted`: "Play with your head" is the highlighted choice, so holding the start
 * pose plays (otherwise it chooses whatever is highlighted, and the line says only "ready").
 */
export function menuHeadWords(
  {
    head,
    signals,
    settings,
    touchUp,
  }: Pick<Services, 'head' | 'signals' | 'settings'> & Partial<Pick<Services, 'touchUp'>>,
  firstVisit: boolean,
  headHighlighted: boolean,
): MenuHeadWords {
  const start = settings.value.startPose;
  const hold = holdInWords(settings.value.holdTime);
  if (touchUp?.running) {
    return {
      line: 'TOUCH-UP: HOLD EACH POSE AS ASKED',
      hint: 'Touch-up: hold each pose as the countdown asks.',
    };
  }
  if (signals.steering && !head.calibrationFits) {
    // A returning player on another day: the start pose may never be recognised, so the
    // touch-up comes to them (its notice counts down, any key cancels, T starts it at once).
    return {
      line: "CALIBRATION DOESN'T FIT: TOUCH-UP",
      hint:
        'Head control is misreading you: your calibration no longer matches how you look now. A hands-free touch-up ' +
        'records each pose once more: it starts by itself, or press T. Any other key cancels ' +
        `it. ${KEYS_TOO}`,
    };
  }
  if (signals.steering) {
    return {
      line: headHighlighted
        ? `HEAD CONTROL READY - HOLD ${POSE_ARROWS[start]} TO PLAY`
        : 'HEAD CONTROL READY',
      hint: `Head control is ready: hold ${start} for ${hold} to play.`,
    };
  }
  const state = head.headState;
  if (!head.complete && state.kind === 'off' && state.note) {
    // A saved calibration that cannot be used (made before the face finder, say): one step
    // records a new one.
    return {
      line: 'OLD CALIBRATION: H RECORDS IT AGAIN',
      hint: `${state.note} Choose Play with your head (H) for one minute of hands-free recording. ${KEYS_TOO}`,
    };
  }
  if (!head.complete) {
    return firstVisit
      ? {
          line: '',
          hint:
            'Choose Play with your head (H) to steer with your head: your browser asks for ' +
            'the camera, everything stays on this device, and one minute of hands-free ' +
            `recording sets it up. ${KEYS_TOO}`,
        }
      : {
          line: 'HEAD CONTROL: 1 MINUTE TO SET UP',
          hint:
            'Head control is not set up: choose Play with your head (H) for one minute of ' +
            `hands-free recording. ${KEYS_TOO}`,
        };
  }
  if (!head.isOn) {
    return {
      line: 'HEAD CONTROL OFF - H TURNS IT ON',
      hint: `Head control is off: choose Play with your head (H) to turn it on. ${KEYS_TOO}`,
    };
  }
  const kind = head.headState.kind;
  if (kind === 'camera-problem' || kind === 'model-problem') {
    return {
      line: 'HEAD CONTROL: SEE THE MESSAGE ABOVE',
      hint: `Head control cannot start now (the message at the top says why). ${KEYS_TOO}`,
    };
  }
  return {
    line: 'HEAD CONTROL STARTING...',
    hint: `Head control is starting; when it is ready, hold ${start} for ${hold} to play.`,
  };
}
