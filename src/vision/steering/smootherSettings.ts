/**
 * The smoother's settings in force, chosen by simulating steering on the guesses that
 * tools/studies/measure-poses.ts measured on the Pointing'04 photos (see engine/recipe.ts).
 */
import type { SmootherSettings } from './smoother';

/**
 * A pose steers after 4 of the last 6 frames show it; it stays held while 2 of 6 still do.
 * Simulated on the N=3 guesses above (frames drawn independently, so kinder than a camera):
 *
 *   window/start/keep   turns recognised   frames to request   wrong requests / 1000 frames
 *   1/1/1 (none)        97.6 %             1                   103.4
 *   5/3/2               97.4 %             3                   16.1
 *   6/4/2  <- chosen    96.8 %             4                   6.5
 *   8/5/3               96.6 %             5                   4.5
 *   10/6/3              96.3 %             7                   3.4
 *
 * 6/4/2 cuts wrong requests 2.5x against 5/3/2 for one frame (33 ms at 30 fps) more, and a
 * head wobbling between two poses frame by frame (3 of 6 each) requests nothing.
 * minConfidence: a frame counts for its pose only when the engine is this sure of it (the
 * margin confidence, engine/classifier/poseConfidence.ts: 1 = as distinct as this calibration's own
 * shots usually are, 0 = on the border with another pose). Measured on Pointing'04 (face
 * pipeline, N=3, other-session photos, 31,700 frames):
 *
 *   threshold   frames above   right above   right below
 *   0.1         92.3 %         88.8 %        51.4 %
 *   0.2 <-      85.6 %         91.2 %        54.7 %
 *   0.3         79.4 %         93.1 %        58.1 %
 *   0.5         68.0 %         96.2 %        64.0 %
 *
 * 0.2 of that table drops the frames that are wrong about half the time and keeps 6 frames in
 * 7. The table's calibrations were independent photos; the game records a shot ten times a
 * second, and a shot's leave-one-out neighbour is then its twin in the same burst, which makes
 * the confidence's scale (the usual margin) 1.4-1.8x larger (Node, Pointing'04 persons 01,
 * 05, 09 recorded as bursts of ten): every confidence reads smaller by as much. So the game
 * counts a frame at 0.12, which is 0.17-0.22 of the table.
 */
/*
 * Evidence: from straight ahead, the confidences of the latest frames that show one pose add up,
 * and at 1 the pose is taken at once: one frame the engine is fully sure of (the picture's
 * margin as wide as the calibration's own, or the head turned SURE_SHARE of its own way:
 * engine/classifier/angleGate.ts), two at 0.5, four at 0.25 (where the window's 4 of 6 would
 * take it anyway). It replaced "two frames in a row at 0.7 or more" (the sure run), which
 * measured no more wrong turns than the window alone (tools/studies/measure-steering.ts).
 * Measured in the real-day study (tools/real-day.ts: 15 people, one photo held per pose, 10
 * predictions a second through this smoother; reaction in predictions p50 / p90, wrong turns a
 * minute):
 *
 *                        turns 30-90        turns of 30        turns of 15
 *   window alone         4 / 4   0.05       4 / 4   0.34       4 / 4   0.31
 *   sure run (before)    2 / 4   0.05       2 / 4   0.34       2 / 4   0.31
 *   evidence 0.8         1 / 2   0.05       2 / 3   0.34       1 / 3   0.31
 *   evidence 1   <-      1 / 3   0.05       2 / 3   0.34       2 / 4   0.31
 *   evidence 1.4         2 / 3   0.05       2 / 4   0.34       2 / 4   0.31
 * No wrong turn more at any line (a still head's misreads last the whole hold, whatever the
 * smoother); 1 rather than 0.8 for what these photos do not have: a camera's odd single frame.
 *
 * Not taken: evidence from a held turn (evidenceFramesFromTurn). From a held turn to another
 * (up, then left at the next junction) only the window takes the new pose (4 of 6), which is
 * most of the bench's reaction (its clip changes turn to turn: 4 answers, the last taking it,
 * 238 ms p50 of which ~130 waiting for the window). Real-day study with --turn-to-turn (each
 * turn followed by another; 15 people, 150 s; reaction p50 / p90 in predictions, wrong turns
 * a minute):
 *
 *                          turns 30-90     turns of 30     turns of 15     dim room
 *   never (the game)       3 / 4  0.10     4 / 4  0.28     2 / 4  0.18     4 / 4  0.31
 *   1 frame                1 / 3  0.10     2 / 3  0.28     2 / 3  0.18     1 / 3  0.31
 *   2 frames               2 / 3  0.10     2 / 3  0.28     2 / 3  0.18     2 / 3  0.31
 *   3 frames               3 / 3  0.10     3 / 3  0.28     2 / 3  0.18     3 / 3  0.31
 * Agreement and turns never taken were the same on every line, and the bench's reaction went
 * 5 / 7 -> 2 / 4 camera frames (201 -> 116 ms p50). But in play through the browser
 * (tools/play-trial.ts, natural turns, person02 and person05, 60 s, same build but for this
 * line) 2 frames gave 2.9 wrong turns a minute and 90.6 % read right, twice (straight let in
 * early too, or not), against 1.0 and 94.7 % without: a straight head misread now as right,
 * now as down (the picture at the border, read afresh every few frames) becomes a wrong turn at
 * each flip, which the window's 4 of 6 damps. The study's photos read the same every frame and cannot show it.
 */
export const SMOOTHER_SETTINGS: SmootherSettings = {
  windowFrames: 6,
  framesToStart: 4,
  framesToKeep: 2,
  minConfidence: 0.12,
  evidenceToTurn: 1,
};
