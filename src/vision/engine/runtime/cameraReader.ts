/**
 * The worker reads the camera itself (headProtocol.ts, 'camera'): where the page handed it a
 * stream of VideoFrames (or a track to make one from), frames reach the engine without waiting
 * for the page's thread, which may be busy drawing.
 *
 * One frame in flight: the next frame is read only once the engine has answered the last, and
 * the processor behind the stream keeps only the newest frame meanwhile, so the frames that
 * arrived during a prediction are let go, never queued, and the next prediction is about the
 * newest picture at once. Each VideoFrame is closed as soon as it is read: one the gate does
 * not want at once, one it sends once its pixels are copied into the picture the engine reads
 * (framePictures.ts), so the camera's buffers go straight back to it.
 *
 * Which frames go is the same FrameGate as on the page: ten shots a second while a pose is
 * recorded, the rate governor's least interval ('feed'), nothing while there is nothing to
 * predict (no shot yet). Each result says what its frame was taken with (`taken`), with the
 * count of shot messages heard so far, since the page must know which set of shots a
 * recorded shot belongs to.
 */
import { FrameGate } from '../../link/frameGate';
import type { CameraSource, FromEngine, TakenFrame, ToEngine } from '../../link/headProtocol';
import type { Pose } from '../../poses';

/** What the reader needs of a VideoFrame. */
export interface CameraFrame {
  readonly displayWidth: number;
  readonly displayHeight: number;
  close(): void;
}

type FrameMessage = Extract<ToEngine, { type: 'frame' }>;

export interface CameraReaderHost {
  /** Give the engine a frame; settles once it has answered. */
  predict(message: FrameMessage): Promise<void>;
  /** Whether there is anything to predict (the engine holds shots). */
  holdsShots(): boolean;
  /** A frame's picture for the engine, made before the frame is closed (framePictures.ts). */
  picture(frame: CameraFrame): Promise<CanvasImageSource>;
  /** The frames of a track handed over whole, or null where this worker cannot read one. */
  framesOfTrack(track: MediaStreamTrack): ReadableStream<CameraFrame> | null;
  /** Tell the page. */
  tell(message: FromEngine): void;
  /** ms, for the gate's timing (performance.now()). */
  now(): number;
  /** ms since the epoch (performance.timeOrigin + now()), for the page's clock. */
  epochNow(): number;
}

export class CameraReader {
  private readonly gate = new FrameGate();
  private reader: ReadableStreamDefaultReader<CameraFrame> | null = null;
  private track: MediaStreamTrack | null = null;
  private recording: Pose | null = null;
  private shotMessages = 0;
  private lastId = 0;

  constructor(private readonly host: CameraReaderHost) {}

  /**
   * Every message to the worker passes here first, in order: the camera's own are handled
   * (true); the others are counted when they change the shots, and left to the engine (false).
   */
  heard(message: ToEngine): boolean {
    switch (message.type) {
      case 'camera':
        this.read(message.source);
        return true;
      case 'camera-stop':
        this.stop();
        return true;
      case 'feed':
        this.feed(message.record, message.minIntervalMs);
        return true;
      case 'set-samples':
      case 'remove-pose':
        this.shotMessages++;
        return false;
      case 'dispose':
        this.stop();
        return false;
      default:
        return false;
    }
  }

  /** Whether frames are being read now. */
  get reading(): boolean {
    return this.reader !== null;
  }

  private feed(record: Pose | null, minIntervalMs: number): void {
    if (record !== this.recording) {
      this.recording = record;
      if (record === null) this.gate.stopRecording();
      else this.gate.startRecording(record, this.host.now());
    }
    this.gate.minIntervalMs = minIntervalMs;
  }

  private read(source: CameraSource): void {
    this.stop();
    let frames: ReadableStream<CameraFrame> | null;
    if ('frames' in source) {
      frames = source.frames as unknown as ReadableStream<CameraFrame>;
    } else {
      this.track = source.track;
      frames = this.host.framesOfTrack(source.track);
    }
    if (frames === null) {
      this.failed('this browser cannot read the camera in a worker');
      return;
    }
    let reader: ReadableStreamDefaultReader<CameraFrame>;
    try {
      reader = frames.getReader();
    } catch (error) {
      this.failed(error);
      return;
    }
    this.reader = reader;
    void this.readAll(reader);
  }

  private stop(): void {
    const reader = this.reader;
    this.reader = null;
    // Cancelling lets the processor go; frames read meanwhile are closed by readAll.
    if (reader !== null) void reader.cancel().catch(() => {});
    this.track?.stop();
    this.track = null;
    this.gate.done();
  }

  private failed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.stop();
    this.host.tell({ type: 'camera', state: 'failed', reason });
  }

  private async readAll(reader: ReadableStreamDefaultReader<CameraFrame>): Promise<void> {
    let first = true;
    try {
      for (;;) {
        const { value: frame, done } = await reader.read();
        if (done) break;
        if (this.reader !== reader) {
          frame.close();
          break;
        }
        if (first) {
          first = false;
          this.host.tell({ type: 'camera', state: 'reading', reason: null });
        }
        await this.offer(frame);
      }
    } catch (error) {
      if (this.reader === reader) this.failed(error);
    } finally {
      if (this.reader === reader) this.reader = null;
    }
  }

  /** A frame just read: to the engine, or let go. Settles once the engine has answered. */
  private async offer(frame: CameraFrame): Promise<void> {
    const wanted = this.recording !== null || this.host.holdsShots();
    const decision = wanted ? this.gate.offer(this.host.now()) : null;
    if (decision === null || !decision.send) {
      frame.close();
      return;
    }
    const at = this.host.epochNow();
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    let picture: CanvasImageSource;
    try {
      picture = await this.host.picture(frame);
    } catch {
      this.gate.done();
      return;
    } finally {
      frame.close();
    }
    // Counted as the frame joins the engine's queue: the shot messages before it in that queue
    // are the ones its answer follows.
    const taken: TakenFrame = { at, width, height, shotMessages: this.shotMessages };
    try {
      await this.host.predict({
        type: 'frame',
        id: --this.lastId, // below zero: never one of the page's ids
        frame: picture,
        width,
        height,
        record: decision.record,
        taken,
      });
    } finally {
      this.gate.done(this.host.now());
    }
  }
}
