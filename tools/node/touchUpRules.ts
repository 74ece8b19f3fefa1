/**
 * When to offer a touch-up, as rules the real-day study (tools/real-day.ts) plays games
 * through: today's "the calibration no longer fits" (FitWatch: most recent frames far from
 * every shot) beside rules that look for steering in trouble.
 */
import {
  FitWatch,
  STEERING_IN_TROUBLE,
  troubleIn,
  UNSEEN_TURN_WEIGHT,
} from '../../src/vision/steering/fitWatch';
import { SMOOTHER_SETTINGS } from '../../src/vision/steering/smootherSettings';
import type { TouchUpRule } from '../real-day';
import type { FrameAnswer } from './studyReaders';

const FAR_RULE: TouchUpRule = {
  name: 'far (before)',
  start() {
    const watch = new FitWatch();
    return (answer) => (answer === null ? false : watch.frame(answer.far === true) && !watch.fits);
  },
};

/** A share of the last `window` answers with a face, judged from `least` on. */
function shareRule(
  name: string,
  window: number,
  least: number,
  over: number,
  counts: (answer: FrameAnswer) => boolean,
): TouchUpRule {
  return {
    name,
    start() {
      const recent: boolean[] = [];
      let hits = 0;
      return (answer) => {
        if (answer === null) return false;
        const hit = counts(answer);
        recent.push(hit);
        if (hit) hits++;
        if (recent.length > window && recent.shift() === true) hits--;
        return recent.length >= least && hits / recent.length > over;
      };
    },
  };
}

const unsureTurn = (a: FrameAnswer): boolean =>
  a.pose !== 'neutral' && a.confidence < SMOOTHER_SETTINGS.minConfidence;

/** Either rule offers. */
function either(name: string, a: TouchUpRule, b: TouchUpRule): TouchUpRule {
  return {
    name,
    start() {
      const first = a.start();
      const second = b.start();
      return (answer) => {
        const one = first(answer);
        const two = second(answer);
        return one || two;
      };
    },
  };
}

/** Both shares over their lines at once. */
function farAndUnsure(far: number, unsure: number): TouchUpRule {
  return {
    name: `far > ${far} and unsure > ${unsure} of 30 s`,
    start() {
      const recent: FrameAnswer[] = [];
      return (answer) => {
        if (answer === null) return false;
        recent.push(answer);
        if (recent.length > 300) recent.shift();
        if (recent.length < 150) return false;
        const share = (f: (a: FrameAnswer) => boolean): number =>
          recent.filter(f).length / recent.length;
        return (
          share((a) => a.far === true) > far &&
          share((a) => a.confidence < SMOOTHER_SETTINGS.minConfidence) > unsure
        );
      };
    },
  };
}

/**
 * The game's rule (fitWatch.ts): a disagreement counts 1 where the picture named a turn the
 * head had not made, `unseen` where the angles took a turn the picture called straight.
 */
function troubleRule(unseen: number): TouchUpRule {
  const game = unseen === UNSEEN_TURN_WEIGHT ? 'the game: ' : '';
  return {
    name: `${game}overruled > 0.2 of 60 s, a turn taken unseen counts ${unseen}`,
    start() {
      const watch = new FitWatch(STEERING_IN_TROUBLE);
      return (answer) =>
        answer !== null &&
        watch.frame(troubleIn({ pose: answer.pose, gated: answer.gated === true }, unseen)) &&
        !watch.fits;
    },
  };
}

const OVERRULED = shareRule('overruled > 0.15 of 30 s', 300, 150, 0.15, (a) => a.gated === true);

export const TOUCH_UP_RULES: readonly TouchUpRule[] = [
  FAR_RULE,
  OVERRULED,
  shareRule('overruled > 0.2 of 30 s', 300, 150, 0.2, (a) => a.gated === true),
  shareRule('overruled > 0.25 of 30 s', 300, 150, 0.25, (a) => a.gated === true),
  shareRule('overruled > 0.15 of 60 s', 600, 300, 0.15, (a) => a.gated === true),
  shareRule('overruled > 0.2 of 60 s (before)', 600, 300, 0.2, (a) => a.gated === true),
  troubleRule(UNSEEN_TURN_WEIGHT),
  troubleRule(0.6),
  troubleRule(0.7),
  shareRule(
    'overruled or unsure turn > 0.15 of 30 s',
    300,
    150,
    0.15,
    (a) => a.gated === true || unsureTurn(a),
  ),
  either('overruled > 0.15, or far > 0.9 and unsure > 0.15', OVERRULED, farAndUnsure(0.9, 0.15)),
];
