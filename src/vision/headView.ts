/**
 * What the player should see of head tracking at a glance while playing, frame by frame:
 * where the face is, whether it is seen at all, the pose the game acts on and how sure the
 * tracker is (the head indicator and the face box in the selfie preview draw this).
 */
import type { HeadAngles } from './engine/features/faceMesh/headAngles';
import type { MeshOutline } from './engine/features/faceMesh/meshOutline';
import type { Pose } from './poses';

/** A face box in the camera frame's own pixels (unmirrored: as the camera delivers it). */
export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HeadFrameView {
  /** The face found in the latest frame, or null (none found, or not looked for). */
  readonly face: FaceBox | null;
  /** The face mesh's outline of that face (null: no mesh). */
  readonly outline: MeshOutline | null;
  /** The head's angles the mesh measured (null: no mesh). */
  readonly angles: HeadAngles | null;
  readonly frameWidth: number;
  readonly frameHeight: number;
  /** 'lost' once no face was seen for a while (steering/faceWatch.ts). */
  readonly sight: 'seen' | 'lost' | 'unknown';
  /** The pose the game is acting on (the smoother's held pose), or null while undecided. */
  readonly pose: Pose | null;
  /** How sure the tracker is of that pose in the latest frame, 0..1; null when not known. */
  readonly confidence: number | null;
  /** 'face': frames are read around the found face; 'centre': the face finder is not loaded. */
  readonly finder: 'face' | 'centre';
}

export const NO_FRAME_YET: HeadFrameView = {
  face: null,
  outline: null,
  angles: null,
  frameWidth: 0,
  frameHeight: 0,
  sight: 'unknown',
  pose: null,
  confidence: null,
  finder: 'face',
};
