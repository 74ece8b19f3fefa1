/**
 * The inference engine's models and where they run: loading the three models' files at once
 * (MobileNet, the face detector, the face mesh), starting MobileNet on the fastest backend and
 * the two face models beside it, and building all three again on another backend when the
 * first one dies (a lost WebGL context). It says how the start went in the protocol's words
 * (progress, ready, failed, backend-changed); frames are inferenceEngine.ts's business.
 *
 * Only MobileNet is needed: without the face finder frames are read at their centre, without
 * the mesh the angles are not measured (the classifier then compares without them), and the
 * ready message says which is off and why.
 */
import type { BackendWatch } from './backendWatch';
import type { PoseEmbedder } from '../features/embedder';
import type { EngineHost } from './engineHost';
import type { FrameReader } from '../features/frameReader';
import type { StartedEmbedder } from './engineRuntime';
import type { LoadedModel } from './modelFiles';
import type { BackendName, EngineReady, FromEngine, ToEngine } from '../../link/headProtocol';
import { describeError } from './errorText';

type Artifacts = LoadedModel['artifacts'];

export class EngineModels {
  private current: PoseEmbedder | null = null;
  /** The models' files, kept to build them again on another backend. */
  private artifacts: Artifacts | null = null;
  private faceArtifacts: Artifacts | null = null;
  private meshArtifacts: Artifacts | null = null;
  private active: BackendName = 'cpu';

  constructor(
    private readonly host: EngineHost,
    private readonly reader: FrameReader,
    private readonly backendWatch: BackendWatch,
    private readonly reply: (message: FromEngine) => void,
  ) {}

  /** MobileNet, once started (null before, and after a backend died with no other to go to). */
  get embedder(): PoseEmbedder | null {
    return this.current;
  }

  /** Load every model's files and start them; says ready or failed. */
  async start(init: Extract<ToEngine, { type: 'init' }>): Promise<void> {
    const { backend } = init;
    this.reply({ type: 'progress', stage: 'model', message: 'loading the head-tracking model' });
    // Every model's files at once (the cold start once waited for one, then the next).
    const [mobileNet, faceFinder, faceMesh] = await Promise.allSettled([
      this.host.loadModelFiles(init.models),
      this.host.loadModelFiles(init.faceModels),
      this.host.loadModelFiles(init.meshModels),
    ]);
    if (mobileNet.status === 'rejected') {
      this.reply({ type: 'failed', stage: 'model', message: describeError(mobileNet.reason) });
      return;
    }
    const loaded: LoadedModel = mobileNet.value;
    if (faceFinder.status === 'fulfilled') this.faceArtifacts = faceFinder.value.artifacts;
    if (faceMesh.status === 'fulfilled') this.meshArtifacts = faceMesh.value.artifacts;
    this.reply({
      type: 'progress',
      stage: 'backend',
      message:
        backend.use === null
          ? 'measuring the fastest way to run the model on this device'
          : `starting the model on ${backend.use}`,
    });
    let started: StartedEmbedder;
    try {
      started = await this.host.startEmbedder(backend, loaded.artifacts);
    } catch (error) {
      this.reply({ type: 'failed', stage: 'backend', message: describeError(error) });
      return;
    }
    this.current = started.embedder;
    this.active = started.backend;
    this.artifacts = loaded.artifacts;
    const problems = await this.startFaceModels();
    this.backendWatch.watch();
    const ready: EngineReady = {
      type: 'ready',
      backend: started.backend,
      msPerRun: started.msPerRun,
      failed: started.failed,
      measured: started.measured,
      model: loaded.location,
      files: loaded.files,
      inWorker: this.host.inWorker,
      wasmThreads: started.wasmThreads,
      faceFinderProblem:
        faceFinder.status === 'rejected' ? describeError(faceFinder.reason) : problems.finder,
      meshProblem: faceMesh.status === 'rejected' ? describeError(faceMesh.reason) : problems.mesh,
    };
    this.reply(ready);
  }

  /**
   * The face detector and the mesh on the active backend; why each did not start, or null.
   * The mesh only measures faces the finder found: without the finder it is not started.
   */
  private async startFaceModels(): Promise<{ finder: string | null; mesh: string | null }> {
    const finder = await this.startOne(this.faceArtifacts, async (files) =>
      this.reader.useDetector(await this.host.startFaceDetector(files)),
    );
    if (finder !== null) this.reader.useDetector(null);
    const mesh =
      finder !== null
        ? 'it measures the faces the face finder finds, and that is off'
        : await this.startOne(this.meshArtifacts, async (files) =>
            this.reader.useMesh(await this.host.startFaceMesh(files)),
          );
    if (mesh !== null) this.reader.useMesh(null);
    return { finder, mesh };
  }

  private async startOne(
    files: Artifacts | null,
    start: (files: Artifacts) => Promise<void>,
  ): Promise<string | null> {
    if (files === null) return 'its files did not load';
    try {
      await start(files);
      return null;
    } catch (error) {
      return describeError(error);
    }
  }

  /**
   * The backend died under us (a lost WebGL context): build the embedder again on wasm (cpu if
   * wasm cannot start) and the face models with it, from the kept files. No shot is lost; the
   * main thread is told which backend steers now.
   */
  async moveToAnotherBackend(reason: string): Promise<void> {
    const from = this.active;
    try {
      this.current?.dispose();
    } catch {
      // Its tensors lived in the lost context: nothing left to free.
    }
    this.current = null;
    if (this.artifacts === null) return;
    try {
      const started = await this.host.startEmbedder(
        { use: 'wasm', candidates: ['cpu'] },
        this.artifacts,
      );
      this.current = started.embedder;
      this.active = started.backend;
      // The face models' tensors lived on the lost backend too.
      await this.startFaceModels();
      this.backendWatch.watch();
      this.reply({ type: 'backend-changed', from, backend: started.backend, reason });
    } catch (error) {
      this.reply({
        type: 'failed',
        stage: 'backend',
        message: `${reason}, and no other backend started: ${describeError(error)}`,
      });
    }
  }

  dispose(): void {
    this.current?.dispose();
    this.current = null;
  }
}
