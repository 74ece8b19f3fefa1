/**
 * Just enough DOM for the input sources in Node: elements are EventTargets with attributes,
 * children and a style bag; events are plain Events with the fields the sources read.
 */
export class FakeElement extends EventTarget {
  readonly children: FakeElement[] = [];
  parent: FakeElement | null = null;
  readonly style: Record<string, string> = { touchAction: '' };
  readonly attributes = new Map<string, string>();
  hidden = false;
  className = '';
  textContent = '';
  type = '';
  id = '';
  tabIndex = 0;
  isContentEditable = false;
  readonly capturedPointers: number[] = [];

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument | null = null,
  ) {
    super();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  append(...nodes: FakeElement[]): void {
    for (const node of nodes) {
      node.remove();
      node.parent = this;
      this.children.push(node);
    }
  }
  remove(): void {
    if (this.parent === null) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  /** Supports the one selector list SwipeSource uses: matches tag names and [attr]s. */
  closest(selectors: string): FakeElement | null {
    const parts = selectors.split(',').map((part) => part.trim());
    const matches = (node: FakeElement): boolean =>
      parts.some((part) => {
        const attr = /^\[([\w-]+)\]$/.exec(part);
        return attr !== null
          ? node.hasAttribute(attr[1] ?? '')
          : node.tagName === part.toUpperCase();
      });
    if (matches(this)) return this;
    for (let node = this.parent; node !== null; node = node.parent) {
      if (matches(node)) return node;
    }
    return null;
  }
  setPointerCapture(pointerId: number): void {
    this.capturedPointers.push(pointerId);
  }
  /** Depth-first search of the subtree, this element included. */
  find(predicate: (element: FakeElement) => boolean): FakeElement | null {
    if (predicate(this)) return this;
    for (const child of this.children) {
      const found = child.find(predicate);
      if (found !== null) return found;
    }
    return null;
  }
  byTestId(testId: string): FakeElement | null {
    return this.find((element) => element.getAttribute('data-testid') === testId);
  }
}

export class FakeDocument {
  readonly head: FakeElement = new FakeElement('HEAD', this);
  readonly body: FakeElement = new FakeElement('BODY', this);

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName.toUpperCase(), this);
  }
  getElementById(id: string): FakeElement | null {
    return this.head.find((e) => e.id === id) ?? this.body.find((e) => e.id === id);
  }
}

/** A cancelable Event of `type` carrying `fields` as own properties. */
export function fakeEvent(type: string, fields: Record<string, unknown> = {}): Event {
  const event = new Event(type, { cancelable: true });
  Object.assign(event, fields);
  return event;
}

export function keyDown(code: string, fields: Record<string, unknown> = {}): Event {
  return fakeEvent('keydown', { code, key: '', repeat: false, ...fields });
}

export function pointer(
  type: 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel',
  clientX: number,
  clientY: number,
  fields: Record<string, unknown> = {},
): Event {
  return fakeEvent(type, {
    pointerId: 1,
    pointerType: 'touch',
    isPrimary: true,
    button: 0,
    clientX,
    clientY,
    ...fields,
  });
}

/** Makes `event.target` read `target` even though it is dispatched elsewhere (no bubbling in Node). */
export function withTarget(event: Event, target: unknown): Event {
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

export const asHTMLElement = (element: FakeElement): HTMLElement =>
  element as unknown as HTMLElement;
