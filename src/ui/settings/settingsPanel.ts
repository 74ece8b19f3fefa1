/**
 * The settings panel: a DOM dialog over the game (like the calibration screen) with one row
 * per setting (settingsRows.ts) and Done. Every input reaches every row:
 * - keys: ↑ ↓ (or W S) move between rows, ← → (A D) change the highlighted row, Enter or
 *   Space presses the focused control, Esc or Backspace closes; Tab works as on any page;
 * - touch and mouse: press an option;
 * - head: the navigation pair moves between rows, holding the start pose (1 s, or the hold
 *   time chosen here) changes the highlighted row to its next option (or closes on Done), with
 *   a ring that fills;
 * - d-pad, swipes and gamepad through the scene (`move`, `change`, `pressHighlighted`).
 * Focus follows the highlight, so a screen reader reads the row the head or the keys moved to.
 */
import './settings.css';
import { HeadChooser } from '../../handsFree/headChooser';
import { holdInWords } from '../../handsFree/holdTime';
import { POSE_ARROWS, navigationPoses, type StartPose } from '../../handsFree/startPose';
import type { Pose } from '../../vision/poses';
import type { PlayerSettingsStore } from '../../storage/playerSettings';
import type { SettingRow } from './settingsRows';
import { make } from '../dom';

export interface SettingsHandlers {
  onClose(): void;
}

interface RowView {
  readonly row: SettingRow | null; // null: Done
  readonly item: HTMLElement;
  readonly buttons: HTMLButtonElement[];
  readonly note: HTMLElement | null;
}

export class SettingsPanel {
  readonly root: HTMLElement;
  private readonly views: RowView[] = [];
  private readonly scheme: HTMLElement;
  private chooser: HeadChooser;
  private handlers: SettingsHandlers | null = null;

  constructor(
    private readonly doc: Document,
    parent: HTMLElement,
    private readonly rows: readonly SettingRow[],
    private readonly settings: PlayerSettingsStore,
  ) {
    this.root = make(doc, 'div', 'settings-panel');
    this.root.id = 'settings';
    this.root.hidden = true;
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-modal', 'true');
    this.root.setAttribute('aria-labelledby', 'settings-title');
    this.root.dataset.testid = 'settings-panel';
    this.root.dataset.swipeIgnore = '';
    const box = make(doc, 'div', 'settings-box');
    const title = make(doc, 'h2', 'settings-title', 'Settings');
    title.id = 'settings-title';
    title.tabIndex = -1;
    const list = make(doc, 'ul', 'settings-rows');
    for (const row of rows) list.append(this.buildRow(row));
    const doneItem = make(doc, 'li', 'settings-row settings-done-row');
    const ring = make(doc, 'span', 'settings-ring');
    ring.setAttribute('aria-hidden', 'true');
    const done = make(doc, 'button', 'settings-done', 'Done');
    done.type = 'button';
    done.dataset.testid = 'settings-done';
    done.addEventListener('click', () => this.requestClose());
    doneItem.append(ring, done);
    list.append(doneItem);
    this.views.push({ row: null, item: doneItem, buttons: [done], note: null });
    this.scheme = make(doc, 'p', 'settings-scheme');
    this.scheme.dataset.testid = 'settings-scheme';
    box.append(title, list, this.scheme);
    this.root.append(box);
    parent.append(this.root);
    this.root.addEventListener('focusin', (event) => {
      const index = this.views.findIndex((view) => view.item.contains(event.target as Node));
      if (index >= 0) this.chooser.highlight(index);
      this.render();
    });
    this.chooser = this.newChooser();
    settings.onChange(() => {
      this.chooser.setStartPose(settings.value.startPose);
      this.render();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(handlers: SettingsHandlers): void {
    this.handlers = handlers;
    this.chooser = this.newChooser();
    this.root.hidden = false;
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.render();
    this.focusHighlighted();
  }

  close(): void {
    this.root.hidden = true;
    this.handlers = null;
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
  }

  requestClose(): void {
    this.handlers?.onClose();
  }

  /** Show settings changed elsewhere (M for sound, head control stopping by itself). */
  refresh(): void {
    if (this.isOpen) this.render();
  }

  /** ↑ ↓ from any input: the highlight moves a row, wrapping round. */
  move(by: number): void {
    this.chooser.move(by);
    this.focusHighlighted();
  }

  /** ← → from any input: the highlighted row takes its previous or next option. */
  change(by: number): void {
    const view = this.views[this.chooser.highlighted];
    const row = view?.row;
    if (!row) return;
    const values = row.options.map((option) => option.value).filter((v) => row.allowed(v));
    const at = values.indexOf(row.current());
    const next = values[Math.min(values.length - 1, Math.max(0, at + by))];
    if (next !== undefined && next !== row.current()) row.choose(next);
    this.render();
    this.focusHighlighted();
  }

  /** Enter, the gamepad's A, or the held start pose: the next option, or Done. */
  pressHighlighted(): void {
    const view = this.views[this.chooser.highlighted];
    if (!view) return;
    if (!view.row) {
      this.requestClose();
      return;
    }
    const row = view.row;
    const values = row.options.map((option) => option.value).filter((v) => row.allowed(v));
    const next = values[(values.indexOf(row.current()) + 1) % values.length];
    if (next !== undefined) row.choose(next);
    this.render();
    this.focusHighlighted();
  }

  /**
   * One frame of the head (from the scene): moves and chooses. Returns the dwell fill (0 to 1)
   * and what holding the start pose would do now, in words.
   */
  tick(steering: boolean, pose: Pose | null, now: number): { fill: number; hint: string } {
    const before = this.chooser.highlighted;
    const chosen = this.chooser.update(steering ? pose : null, now);
    if (this.chooser.highlighted !== before) this.focusHighlighted();
    if (chosen !== null) this.pressHighlighted();
    const fill = steering ? this.chooser.fill : 0;
    this.renderRing(fill);
    const view = this.views[this.chooser.highlighted];
    const start = this.chooser.pose;
    const what = view?.row
      ? view.row.byHead
        ? `change ${view.row.name.toLowerCase()}`
        : null
      : 'close the settings';
    const hint = !steering
      ? ''
      : what === null
        ? `${view?.row?.name ?? ''} is changed with keys or touch only.`
        : `Hold ${start} for ${holdInWords()} to ${what}.`;
    return { fill, hint };
  }

  // ---- inside ----

  private newChooser(): HeadChooser {
    return new HeadChooser({
      count: this.rows.length + 1,
      startPose: this.settings.value.startPose,
      byHead: (index) => this.views[index]?.row?.byHead ?? true,
    });
  }

  private buildRow(row: SettingRow): HTMLElement {
    const doc = this.doc;
    const item = make(doc, 'li', 'settings-row');
    item.dataset.row = row.id;
    const ring = make(doc, 'span', 'settings-ring');
    ring.setAttribute('aria-hidden', 'true');
    const name = make(doc, 'span', 'settings-name', row.name);
    name.id = `settings-name-${row.id}`;
    const group = make(doc, 'div', 'settings-options');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-labelledby', name.id);
    const buttons = row.options.map((option) => {
      const button = make(doc, 'button', 'settings-option', option.label);
      button.type = 'button';
      button.setAttribute('role', 'radio');
      button.dataset.value = option.value;
      button.dataset.testid = `setting-${row.id}-${option.value}`;
      button.addEventListener('click', () => {
        if (!row.allowed(option.value)) return;
        row.choose(option.value);
        this.render();
      });
      group.append(button);
      return button;
    });
    const note = make(doc, 'span', 'settings-note');
    item.append(ring, name, group, note);
    this.views.push({ row, item, buttons, note });
    return item;
  }

  private render(): void {
    const highlighted = this.chooser.highlighted;
    this.views.forEach((view, index) => {
      view.item.classList.toggle('is-highlighted', index === highlighted);
      const row = view.row;
      if (!row) return;
      const current = row.current();
      for (const button of view.buttons) {
        const value = button.dataset.value ?? '';
        const checked = value === current;
        button.setAttribute('aria-checked', String(checked));
        button.disabled = !row.allowed(value);
        // One stop per group for Tab, on the option in force (the radio group pattern).
        button.tabIndex = checked ? 0 : -1;
      }
      if (view.note) view.note.textContent = row.note();
    });
    const start: StartPose = this.chooser.pose;
    const { previous, next } = navigationPoses(start);
    this.scheme.textContent =
      `Head: turn ${previous} ${POSE_ARROWS[previous]} or ${next} ${POSE_ARROWS[next]} to move ` +
      `between rows, hold ${start} ${POSE_ARROWS[start]} for ${holdInWords()} to change the highlighted ` +
      'one. Keys: ↑ ↓ rows, ← → options, Esc closes.';
  }

  private renderRing(fill: number): void {
    this.views.forEach((view, index) => {
      const ring = view.item.querySelector<HTMLElement>('.settings-ring');
      const value = index === this.chooser.highlighted ? fill : 0;
      ring?.style.setProperty('--fill', value.toFixed(3));
    });
  }

  private focusHighlighted(): void {
    this.render();
    const view = this.views[this.chooser.highlighted];
    if (!view) return;
    const target = view.buttons.find((button) => button.tabIndex === 0) ?? view.buttons[0];
    if (target && this.doc.activeElement !== target) target.focus({ preventScroll: true });
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const actions: Record<string, () => void> = {
      Escape: () => this.requestClose(),
      Backspace: () => this.requestClose(),
      ArrowUp: () => this.move(-1),
      KeyW: () => this.move(-1),
      ArrowDown: () => this.move(1),
      KeyS: () => this.move(1),
      ArrowLeft: () => this.change(-1),
      KeyA: () => this.change(-1),
      ArrowRight: () => this.change(1),
      KeyD: () => this.change(1),
      Enter: () => this.pressFocused(),
      NumpadEnter: () => this.pressFocused(),
      Space: () => this.pressFocused(),
    };
    const action = actions[event.code];
    if (!action) return;
    // The panel's keys, not the game's: the keyboard source on window never sees them.
    event.preventDefault();
    event.stopPropagation();
    if (!event.repeat || event.code.startsWith('Arrow')) action();
  };

  private pressFocused(): void {
    const focused = this.doc.activeElement;
    if (focused instanceof HTMLButtonElement && this.root.contains(focused)) focused.click();
    else this.pressHighlighted();
  }
}
