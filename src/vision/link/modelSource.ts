/**
 * Where the browser loads head control's three models from: MobileNet (the features), the
 * face detector (MediaPipe's short-range BlazeFace, which finds the face before MobileNet
 * looks at it) and the face mesh (MediaPipe's Face Mesh: the head's angles). The build (build/modelAssets.ts) tells us whether a copy of each is served
 * from the game's own origin; if it is, that copy is the only source (no request ever leaves
 * the page's origin). Only a build without a local copy falls back to the official TF-Hub
 * files: for MobileNet the ones @tensorflow-models/mobilenet itself loads for version 1,
 * alpha 0.25; for the detector and the mesh Google's TF.js releases of the same networks.
 */

/** Replaced at build time by build/modelAssets.ts; absent in Node tests. */
declare const __HEADCHOMP_MODEL__: { readonly local: boolean; readonly path: string } | undefined;
declare const __HEADCHOMP_FACE_MODEL__:
  { readonly local: boolean; readonly path: string } | undefined;
declare const __HEADCHOMP_FACE_MESH__:
  { readonly local: boolean; readonly path: string } | undefined;

/** The official TF-Hub model (graph model, ImageNet classification) in its file format. */
export const OFFICIAL_MODEL_URL =
  'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file';

/** Google's TF.js short-range face detector (the default of @tensorflow-models/face-detection). */
export const OFFICIAL_FACE_MODEL_URL =
  'https://tfhub.dev/mediapipe/tfjs-model/face_detection/short/1/model.json?tfjs-format=file';

/** Google's TF.js Face Mesh (the landmarks of @tensorflow-models/face-landmarks-detection). */
export const OFFICIAL_FACE_MESH_URL =
  'https://tfhub.dev/mediapipe/tfjs-model/facemesh/1/default/1/model.json?tfjs-format=file';

/** Relative to the page (the game's base is './'). */
export const LOCAL_MODEL_PATH = 'models/mobilenet/model.json';
export const LOCAL_FACE_MODEL_PATH = 'models/face-detector/model.json';
export const LOCAL_FACE_MESH_PATH = 'models/face-mesh/model.json';

export interface ModelLocation {
  /** Absolute URL of model.json (a worker resolves relative URLs against its own script). */
  readonly url: string;
  /** 'local': the game's own origin; 'official': TF-Hub on the internet. */
  readonly kind: 'local' | 'official';
}

/** What the build said; Node tests and unknown builds count as "no local copy known". */
export function buildHasLocalModel(): boolean {
  return typeof __HEADCHOMP_MODEL__ !== 'undefined' && __HEADCHOMP_MODEL__.local;
}

export function buildHasLocalFaceModel(): boolean {
  return typeof __HEADCHOMP_FACE_MODEL__ !== 'undefined' && __HEADCHOMP_FACE_MODEL__.local;
}

export function buildHasLocalFaceMesh(): boolean {
  return typeof __HEADCHOMP_FACE_MESH__ !== 'undefined' && __HEADCHOMP_FACE_MESH__.local;
}

/**
 * Where to load from, in order. With a local copy: only the local copy. Without: the official
 * URL. `?model=local` in the page address asks for the local copies (for tests and demos); no
 * page address can send a build that has its own copy to another origin (its CSP would block
 * that anyway, build/csp.ts).
 */
function locations(
  pageUrl: string,
  hasLocal: boolean,
  localPath: string,
  officialUrl: string,
): ModelLocation[] {
  const override = new URL(pageUrl).searchParams.get('model');
  if (override === 'local' || hasLocal) {
    return [{ url: new URL(localPath, pageUrl).href, kind: 'local' }];
  }
  return [{ url: officialUrl, kind: 'official' }];
}

export function modelLocations(
  pageUrl: string,
  hasLocal: boolean = buildHasLocalModel(),
): ModelLocation[] {
  return locations(pageUrl, hasLocal, LOCAL_MODEL_PATH, OFFICIAL_MODEL_URL);
}

export function faceModelLocations(
  pageUrl: string,
  hasLocal: boolean = buildHasLocalFaceModel(),
): ModelLocation[] {
  return locations(pageUrl, hasLocal, LOCAL_FACE_MODEL_PATH, OFFICIAL_FACE_MODEL_URL);
}

export function faceMeshLocations(
  pageUrl: string,
  hasLocal: boolean = buildHasLocalFaceMesh(),
): ModelLocation[] {
  return locations(pageUrl, hasLocal, LOCAL_FACE_MESH_PATH, OFFICIAL_FACE_MESH_URL);
}
