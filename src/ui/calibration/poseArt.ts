/**
 * Our own drawings of the five head poses, as SVG: a round head whose face (eyes, nose,
 * mouth) is shifted the way the head turns, and an arrow. They are drawn as the player sees
 * themselves in the mirrored camera preview: turning to your own left moves your face to the
 * left of the screen, so "left" is drawn facing left.
 */
import './poseArt.css';
import type { Pose } from '../../vision/poses';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Where the face sits inside the head, and which way the arrow points. */
const LOOK: Record<Pose, { dx: number; dy: number; arrow: string | null }> = {
  neutral: { dx: 0, dy: 0, arrow: null },
  left: { dx: -11, dy: 0, arrow: 'M14 50 L4 50 M9 44 L3 50 L9 56' },
  right: { dx: 11, dy: 0, arrow: 'M86 50 L96 50 M91 44 L97 50 L91 56' },
  up: { dx: 0, dy: -10, arrow: 'M50 12 L50 2 M44 7 L50 1 L56 7' },
  down: { dx: 0, dy: 10, arrow: 'M50 88 L50 98 M44 93 L50 99 L56 93' },
};

function element<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** A decorative picture of `pose` (aria-hidden: the text next to it says the same). */
export function drawPose(doc: Document, pose: Pose, size: number): SVGSVGElement {
  const { dx, dy, arrow } = LOOK[pose];
  const svg = element(doc, 'svg', {
    viewBox: '0 0 100 100',
    width: size,
    height: size,
    class: `pose-art pose-art-${pose}`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  // Shoulders and neck stay put; the head turns.
  svg.append(
    element(doc, 'path', { d: 'M22 100 Q22 80 50 78 Q78 80 78 100 Z', class: 'pose-body' }),
    element(doc, 'ellipse', { cx: 50, cy: 48, rx: 24, ry: 28, class: 'pose-head' }),
  );
  const face = element(doc, 'g', { class: 'pose-face', transform: `translate(${dx} ${dy})` });
  // Turned sideways, the far eye looks narrower.
  const narrowLeft = dx > 0 ? 0.6 : 1;
  const narrowRight = dx < 0 ? 0.6 : 1;
  face.append(
    element(doc, 'ellipse', { cx: 41, cy: 44, rx: 3.2 * narrowLeft, ry: 3.6, class: 'pose-eye' }),
    element(doc, 'ellipse', { cx: 59, cy: 44, rx: 3.2 * narrowRight, ry: 3.6, class: 'pose-eye' }),
    element(doc, 'path', {
      d: `M50 48 L${50 + dx * 0.25} 56 L50 57`,
      class: 'pose-nose',
    }),
    element(doc, 'path', { d: 'M43 64 Q50 68 57 64', class: 'pose-mouth' }),
  );
  svg.append(face);
  if (arrow !== null) svg.append(element(doc, 'path', { d: arrow, class: 'pose-arrow' }));
  return svg;
}

/** The words for a pose, from the player's own point of view. */
export const POSE_WORDS: Record<Pose, { readonly name: string; readonly instruction: string }> = {
  neutral: {
    name: 'Neutral',
    instruction:
      'Look at the screen as you do when you play, letting your eyes go round it (hands-free: follow the dot). This pose means "keep going".',
  },
  // Any comfortable turn will do: the game measures each turn from the player's own shots
  // (engine/classifier/angleGate.ts), so a 15-degree player calibrates and steers with 15.
  left: {
    name: 'Left',
    instruction: 'Turn your head to your own left, as you will when playing: any comfortable turn.',
  },
  right: {
    name: 'Right',
    instruction:
      'Turn your head to your own right, as you will when playing: any comfortable turn.',
  },
  up: { name: 'Up', instruction: 'Tilt your head back a little, as you will when playing.' },
  down: { name: 'Down', instruction: 'Tilt your head forward a little, as you will when playing.' },
};
