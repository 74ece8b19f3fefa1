/**
 * What the rest of the game needs to know of MediaPipe's Face Mesh without loading it: its
 * input size, how many points it gives, and the id calibration files carry for it. Kept apart
 * from faceMesh.ts, which imports TensorFlow.js: the calibration file's pipeline ids and the
 * preview's outline are read on the page, and importing a constant from faceMesh.ts put
 * tfjs-core and tfjs-converter in the menu's bundle (tests/unit/build/menuImports.test.ts).
 */

export const MESH_INPUT_SIZE = 192;
export const MESH_POINTS = 468;

/** Goes into the pipeline's ids: change it whenever the mesh or what it is shown changes. */
export const FACE_MESH_ID = 'mediapipe-facemesh-192-facesquare1.5-v1';
