/**
 * What head control tells the rest of the game as it happens, each kind of news with its own
 * listeners: a change of state or shots, every prediction, every frame's view, every shot
 * recorded. HeadControl is this (the screens subscribe where they talk to head control); the
 * engine's answers (headAnswers.ts) bring the last three.
 */
import type { PosePrediction } from './engine/classifier/poseClassifier';
import type { AnswerListeners } from './headAnswers';
import type { HeadFrameView } from './headView';
import { Listeners } from './listeners';
import type { Pose } from './poses';

export class HeadNews {
  private readonly changes = new Listeners<void>();
  /** The news the engine's answers bring, told by headAnswers.ts. */
  protected readonly answerNews: AnswerListeners = {
    predictions: new Listeners<PosePrediction | null>(),
    frames: new Listeners<HeadFrameView>(),
    shotsTaken: new Listeners<Pose>(),
  };

  /** Called on every change of state or shots; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    return this.changes.add(listener);
  }
  /** Called with every prediction (null while recording or before any shot). */
  onPrediction(listener: (prediction: PosePrediction | null) => void): () => void {
    return this.answerNews.predictions.add(listener);
  }
  /** Called with every frame's view (face, pose, how sure) while head control runs. */
  onFrame(listener: (view: HeadFrameView) => void): () => void {
    return this.answerNews.frames.add(listener);
  }
  /** Called when a shot of `pose` has been recorded (the video shows that frame, near enough). */
  onShot(listener: (pose: Pose) => void): () => void {
    return this.answerNews.shotsTaken.add(listener);
  }

  /** Tell every change listener: the state, the shots or a notice changed. */
  protected notify(): void {
    this.changes.tell();
  }
}
