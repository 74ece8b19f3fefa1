/**
 * Just enough DOM for the touch-up in Node: elements with classes, a dataset, attributes,
 * children, text and click listeners; a document that listens (keydown, pointerdown).
 */
export class FakeElement {
  readonly children: FakeElement[] = [];
  readonly dataset: Record<string, string> = {};
  readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Array<(event: Event) => void>>();
  className = '';
  hidden = false;
  type = '';
  tabIndex = 0;
  private text = '';

  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }
  set textContent(value: string) {
    this.children.length = 0;
    this.text = value;
  }

  readonly classList = {
    add: (...names: string[]): void => {
      for (const name of names) if (!this.classList.contains(name)) this.className += ` ${name}`;
      this.className = this.className.trim();
    },
    remove: (name: string): void => {
      this.className = this.classNames.filter((c) => c !== name).join(' ');
    },
    toggle: (name: string, on: boolean): void => {
      if (on) this.classList.add(name);
      else this.classList.remove(name);
    },
    contains: (name: string): boolean => this.classNames.includes(name),
  };

  private get classNames(): string[] {
    return this.className.split(/\s+/).filter((c) => c !== '');
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  append(...nodes: FakeElement[]): void {
    this.children.push(...nodes);
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  click(): void {
    for (const listener of this.listeners.get('click') ?? []) listener(new Event('click'));
  }
  contains(node: unknown): boolean {
    return node === this || this.children.some((child) => child.contains(node));
  }
  /** Supports '.class' only. */
  querySelector(selector: string): FakeElement | null {
    const name = selector.replace(/^\./, '');
    for (const child of this.children) {
      if (child.classList.contains(name)) return child;
      const found = child.querySelector(selector);
      if (found !== null) return found;
    }
    return null;
  }
  /** Depth-first search by data-testid (dataset.testid). */
  byTestId(testId: string): FakeElement | null {
    if (this.dataset.testid === testId) return this;
    for (const child of this.children) {
      const found = child.byTestId(testId);
      if (found !== null) return found;
    }
    return null;
  }
}

export class FakeDocument {
  readonly body = new FakeElement('BODY');
  private readonly listeners = new Map<string, Set<(event: Event) => void>>();

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName.toUpperCase());
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  /** How many listeners of `type` are attached. */
  listening(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }
  byTestId(testId: string): FakeElement | null {
    return this.body.byTestId(testId);
  }
}

export function asDocument(doc: FakeDocument): Document {
  return doc as unknown as Document;
}
