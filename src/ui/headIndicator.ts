/**
 * The head indicator beside the selfie preview while playing: the pose the game is acting on
 * (an arrow, or "straight" for neutral), how sure the tracker is (a bar), and "no face" when
 * the camera cannot see the player. Readable at a glance from the corner of an eye; the live
 * region's `head-pose` says the same for screen readers.
 */
import './headIndicator.css';
import type { HeadFrameView } from '../vision/headView';
import type { Pose } from '../vision/poses';
import { FaceBoxLayer } from './faceBox';

export interface IndicatorSource {
  readonly frameView: HeadFrameView;
  onFrame(listener: (view: HeadFrameView) => void): () => void;
}

/** What the indicator shows for a pose: an arrow in the direction the hero goes. */
const GLYPHS: Readonly<Record<Pose, { glyph: string; word: string }>> = {
  neutral: { glyph: '●', word: 'straight' },
  left: { glyph: '←', word: 'left' },
  right: { glyph: '→', word: 'right' },
  up: { glyph: '↑', word: 'up' },
  down: { glyph: '↓', word: 'down' },
};

/** What the indicator says, from a frame's view (pure, so it can be tested in Node). */
export function indicatorText(view: HeadFrameView): {
  glyph: string;
  word: string;
  state: 'pose' | 'unsure' | 'no-face';
} {
  if (view.sight === 'lost') return { glyph: '✕', word: 'no face', state: 'no-face' };
  if (view.pose === null) return { glyph: '…', word: 'unsure', state: 'unsure' };
  return { ...GLYPHS[view.pose], state: 'pose' };
}

export class HeadIndicator {
  readonly element: HTMLElement;
  private readonly glyph: HTMLElement;
  private readonly word: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly faces: FaceBoxLayer;

  constructor(doc: Document, dock: HTMLElement, source: IndicatorSource) {
    const element = doc.createElement('div');
    element.className = 'head-indicator';
    element.dataset.testid = 'head-indicator';
    element.setAttribute('aria-hidden', 'true');
    this.glyph = doc.createElement('span');
    this.glyph.className = 'head-indicator-glyph';
    this.word = doc.createElement('span');
    this.word.className = 'head-indicator-word';
    const meter = doc.createElement('span');
    meter.className = 'head-indicator-meter';
    this.bar = doc.createElement('span');
    this.bar.className = 'head-indicator-bar';
    meter.append(this.bar);
    element.append(this.glyph, this.word, meter);
    dock.append(element);
    this.element = element;
    this.faces = new FaceBoxLayer(doc, dock);
    source.onFrame((view) => this.show(view));
    this.show(source.frameView);
  }

  show(view: HeadFrameView): void {
    const text = indicatorText(view);
    this.element.dataset.state = text.state;
    this.element.dataset.pose = view.pose ?? '';
    this.glyph.textContent = text.glyph;
    this.word.textContent = view.finder === 'centre' ? `${text.word} (centre)` : text.word;
    const sure = text.state === 'pose' ? (view.confidence ?? 0) : 0;
    this.bar.style.width = `${Math.round(sure * 100)}%`;
    this.bar.dataset.level = sure >= 0.5 ? 'sure' : sure >= 0.2 ? 'fair' : 'weak';
    this.faces.show(
      view.face,
      view.frameWidth,
      view.frameHeight,
      view.sight === 'lost',
      view.outline,
    );
  }
}
