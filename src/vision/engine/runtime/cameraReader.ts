/**
 * The worker takes the camera's frames itself (headProtocol.ts, 'camera'): frames the page
 * posts one at a time as its MediaStreamTrackProcessor gives them ('camera-frame', Chromium),
 * or the frames of a track handed over whole (Safari), so a frame reaches the engine without
 * the page's own reading (rVFC, a canvas copy) while the page is busy drawing.
 *
 * One frame in flight: while the engine works on a frame, only the newest frame that arrives
 * is kept (the one before it closed), so the next prediction is about the newest picture; where
 * the page posts them, it is asked for the next ('next') only once the engine is free, so a
 * frame never ages in the worker's message queue (a recorded shot would be labelled with the
 * pose shown a prediction later). Each VideoFrame is closed as soon as it is done with: one
 * the gate does not want at once, one it sends once its pixels are copied into the picture the
 * engine reads (framePictures.ts), so the camera's buffers go straight back to it.
 *
 * This file is one idea, the worker's camera reading, over 300 lines: the reading's life
 * (sessions, stop without dropping a frame), the one-in-flight mailbox and the still check
 * share the gate and the counts; split, each would reach into the other's state.
 *
 * Which frames go is the same FrameGate as on the page: ten shots a second while a pose is
 * recorded, the rate governor's least interval ('feed'), nothing while there is nothing to
 * predict (no shot yet). Each result says what its frame was taken with (`taken`), with the
 * count of shot messages heard so far, since the page must know which set of shots a
 * recorded shot belongs to, and the reading's counts so far (CameraCounts).
 *
 * The governor holds back only the predictions of a head that holds still: while it paces,
 * every frame is looked at cheaply first (its brightness plane, stillHead.ts: the last face's
 * square against the last predicted frame's, 16x16), and a frame that comes before the
 * governor's turn is predicted at once when the head in it moved or has not settled, and let
 * go when it holds still. Holding a turning head back cost steering 3x its reaction (issue
 * 28's bench: 9 camera frames p50 at the default rate, 1 with ?headRate=full).
 */
import type { FaceBox } from '../../headView';
import { FrameGate } from '../../link/frameGate';
import type {
  CameraCounts,
  CameraSource,
  FromEngine,
  TakenFrame,
  ToEngine,
} from '../../link/headProtocol';
import type { Pose } from '../../poses';
import type { LumaPlane } from './lumaLook';
import { StillHead, type FrameLook } from './stillHead';

/** What the reader needs of a VideoFrame. */
export interface CameraFrame {
  readonly displayWidth: number;
  readonly displayHeight: number;
  close(): void;
}

/** How long a stopped reading waits for its stream to end before cancelling it. */
export const DRAIN_LIMIT_MS = 2000;

type FrameMessage = Extract<ToEngine, { type: 'frame' }>;

export interface CameraReaderHost {
  /** Give the engine a frame; settles once it has answered, with the face it found (or null). */
  predict(message: FrameMessage): Promise<FaceBox | null>;
  /** Whether there is anything to predict (the engine holds shots). */
  holdsShots(): boolean;
  /** A frame's picture for the engine, made before the frame is closed (framePictures.ts). */
  picture(frame: CameraFrame): Promise<CanvasImageSource>;
  /** A frame's brightness plane, for the still check (null: not readable here). */
  luma(frame: CameraFrame): Promise<LumaPlane | null>;
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
  /** The reading now (a new one each 'camera'), or null: frames of another are let go. */
  private session: Session | null = null;
  /** The reading's stream, where the worker reads one (not where the page posts frames). */
  private reader: ReadableStreamDefaultReader<CameraFrame> | null = null;
  private track: MediaStreamTrack | null = null;
  private recording: Pose | null = null;
  private shotMessages = 0;
  private lastId = 0;
  /** The newest frame read while the engine was busy, waiting for its turn. */
  private waiting: CameraFrame | null = null;
  private working = false;
  /** Whether the page was told that this reading's frames come. */
  private told = false;
  private readonly still = new StillHead();
  private counts: Mutable<CameraCounts> = noCounts();

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
      case 'camera-frame':
        // A frame the page posted: read like a stream's (closed here if no reading wants it).
        this.arrived(message.frame as unknown as CameraFrame, this.session);
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
    return this.session !== null;
  }

  /** What became of the frames read since the reading started. */
  get frameCounts(): CameraCounts {
    return { ...this.counts };
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
    if ('posted' in source) {
      this.begin(true);
      return;
    }
    this.track = source.track;
    const frames = this.host.framesOfTrack(source.track);
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
    void this.readAll(reader, this.begin(false));
  }

  /** A new reading: its frames are the ones wanted now. */
  private begin(posted: boolean): Session {
    const session = { posted };
    this.session = session;
    this.told = false;
    this.still.forget();
    this.counts = noCounts();
    return session;
  }

  private stop(): void {
    const reader = this.reader;
    this.reader = null;
    this.session = null;
    // Not cancelled at once: a cancel drops the frames already queued in the stream unclosed
    // (Chromium then warns that a VideoFrame was garbage collected). Stopping the track ends
    // the stream; readAll closes what comes until then, and a stream that has not ended
    // within DRAIN_LIMIT_MS is cancelled.
    if (reader !== null) {
      setTimeout(() => void reader.cancel().catch(() => {}), DRAIN_LIMIT_MS);
    }
    this.track?.stop();
    this.track = null;
    this.waiting?.close();
    this.waiting = null;
    this.gate.done();
  }

  private failed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.stop();
    this.host.tell({ type: 'camera', state: 'failed', reason });
  }

  private async readAll(
    reader: ReadableStreamDefaultReader<CameraFrame>,
    session: Session,
  ): Promise<void> {
    try {
      for (;;) {
        const { value: frame, done } = await reader.read();
        if (done) break;
        this.arrived(frame, session); // once stopped: let go, until the stream ends
      }
    } catch (error) {
      if (this.session === session) this.failed(error);
    } finally {
      if (this.reader === reader) this.reader = null;
    }
  }

  /** A frame of `session`'s: it waits for the engine (the one waiting before it is let go). */
  private arrived(frame: CameraFrame, session: Session | null): void {
    if (session === null || this.session !== session) {
      frame.close();
      return;
    }
    if (!this.told) {
      this.told = true;
      this.host.tell({ type: 'camera', state: 'reading', reason: null });
    }
    this.counts.read++;
    this.waiting?.close(); // a newer frame came before the engine was free
    this.waiting = frame;
    if (!this.working) void this.work(session);
  }

  /** Offers the waiting frame, then the newest that came meanwhile, until none waits. */
  private async work(session: Session): Promise<void> {
    this.working = true;
    try {
      for (;;) {
        const frame = this.waiting;
        if (frame === null || this.session !== session) break;
        this.waiting = null;
        try {
          await this.offer(frame);
        } catch (error) {
          frame.close();
          if (this.session === session) this.failed(error);
          break;
        }
      }
    } finally {
      this.working = false;
      if (this.waiting !== null && this.session !== null) {
        void this.work(this.session); // a new reading's frame came meanwhile
      } else if (session.posted && this.session === session) {
        // Free: the page holds the newest frame until asked, so none grows stale in a queue.
        this.host.tell({ type: 'camera', state: 'next', reason: null });
      }
    }
  }

  /** A frame just read: to the engine, or let go. Settles once the engine has answered. */
  private async offer(frame: CameraFrame): Promise<void> {
    const wanted = this.recording !== null || this.host.holdsShots();
    if (!wanted) {
      frame.close();
      return;
    }
    const now = this.host.now();
    const look = await this.lookAt(frame, now);
    if (look === 'let go') {
      frame.close();
      return;
    }
    const decision = this.gate.offer(now, look?.look === 'moved' || look?.look === 'settling');
    if (!decision.send) {
      frame.close();
      return;
    }
    const at = this.host.epochNow();
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    let picture: CanvasImageSource;
    try {
      if (look !== null) this.still.predicted(look.plane, look.look);
      picture = await this.host.picture(frame);
    } catch {
      this.gate.done();
      return;
    } finally {
      frame.close();
    }
    this.counts.predicted++;
    // Counted as the frame joins the engine's queue: the shot messages before it in that queue
    // are the ones its answer follows.
    const taken: TakenFrame = {
      at,
      width,
      height,
      shotMessages: this.shotMessages,
      counts: this.frameCounts,
    };
    try {
      const face = await this.host.predict({
        type: 'frame',
        id: --this.lastId, // below zero: never one of the page's ids
        frame: picture,
        width,
        height,
        record: decision.record,
        taken,
      });
      if (look !== null) this.still.answered(face);
    } finally {
      this.gate.done(this.host.now());
    }
  }

  /**
   * The still check, while the governor paces predictions (not while recording: shots keep
   * their own rate): how the frame compares with the last predicted one, or 'let go' for a
   * frame before the governor's turn whose head holds still (or that cannot be compared).
   * Null: no check (the governor lets every frame go, or the plane could not be read).
   */
  private async lookAt(
    frame: CameraFrame,
    now: number,
  ): Promise<{ plane: LumaPlane; look: FrameLook } | 'let go' | null> {
    if (this.gate.minIntervalMs <= 0 || this.recording !== null) {
      this.still.forget();
      return null;
    }
    let plane: LumaPlane | null;
    try {
      plane = await this.host.luma(frame);
    } catch {
      plane = null;
    }
    const look = plane === null ? 'unknown' : this.still.look(plane);
    if (this.gate.beforeTurn(now)) {
      const counts = this.counts;
      counts.looked++;
      if (look === 'moved') counts.moved++;
      else if (look === 'settling') counts.settling++;
      else if (look === 'still') counts.still++;
      else counts.blind++;
      if (look === 'still' || look === 'unknown') return 'let go';
    }
    return plane === null ? null : { plane, look };
  }
}

/** One reading: `posted` where the page posts the frames and waits to be asked for the next. */
interface Session {
  readonly posted: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function noCounts(): Mutable<CameraCounts> {
  return { read: 0, predicted: 0, looked: 0, moved: 0, settling: 0, still: 0, blind: 0 };
}
