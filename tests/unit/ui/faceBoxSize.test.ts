// The face box reads the preview's size from a ResizeObserver, not from the layout on every
// answer (clientWidth forced a layout each time: tools/page-profile.ts at CPU 4x).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaceBoxLayer, previewPlacement } from '../../../src/ui/faceBox';

/** Just enough of an element for the layer: attributes, children, style, classes. */
function fakeElement(): Record<string, unknown> {
  return {
    hidden: false,
    style: {} as Record<string, string>,
    className: '',
    textContent: '',
    classList: { toggle() {} },
    setAttribute() {},
    append() {},
  };
}

/** A preview whose size reads count (each read would be a forced layout in a browser). */
function preview(width: number, height: number) {
  const reads = { count: 0 };
  const container = {
    ...fakeElement(),
    size: { width, height },
    get clientWidth(): number {
      reads.count++;
      return this.size.width;
    },
    get clientHeight(): number {
      reads.count++;
      return this.size.height;
    },
  };
  return { container, reads };
}

const doc = {
  createElement: () => fakeElement(),
  createElementNS: () => fakeElement(),
} as unknown as Document;

const FACE = { x: 100, y: 80, width: 160, height: 160 };

describe("the face box's preview size", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is read once a layout, as the ResizeObserver tells, and follows a resize', () => {
    const observers: Array<() => void> = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(readonly callback: () => void) {
          observers.push(callback);
        }
        observe() {}
      },
    );
    const { container, reads } = preview(200, 150);
    const layer = new FaceBoxLayer(doc, container as unknown as HTMLElement);
    const box = (layer as unknown as { box: { style: Record<string, string> } }).box;
    observers.forEach((told) => told()); // laid out
    const readsAfterLayout = reads.count;
    for (let i = 0; i < 10; i++) layer.show(FACE, 640, 480, false);
    expect(reads.count).toBe(readsAfterLayout);
    expect(box.style.width).toBe(`${previewPlacement(FACE, 640, 480, 200, 150).width}px`);

    container.size = { width: 400, height: 300 };
    observers.forEach((told) => told());
    layer.show(FACE, 640, 480, false);
    expect(box.style.width).toBe(`${previewPlacement(FACE, 640, 480, 400, 300).width}px`);
  });

  it('is read from the layout where there is no ResizeObserver, or before its first word', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const { container, reads } = preview(200, 150);
    const layer = new FaceBoxLayer(doc, container as unknown as HTMLElement);
    layer.show(FACE, 640, 480, false);
    expect(reads.count).toBe(2);
  });
});
