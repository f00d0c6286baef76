// The quote and sentence pickers: a QuickPick that Sourcebook filters itself
// (fuzzy, over quote words, speaker, title and outlet, via the index) on every
// keystroke; VS Code's own filtering is switched off so the ranking holds.
import * as vscode from 'vscode';
import type { SourceIndexer } from './indexer';

export const OPEN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open in source' };
export const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy citation' };

/** How many results a keystroke shows: more than fit on screen, few enough to stay instant. */
export const PICKER_LIMIT = 100;

export interface PickerItem<T> extends vscode.QuickPickItem {
  /** Absent on the "nothing found" line. */
  ref?: T;
}

export interface PickerSpec<T> {
  title: string;
  placeholder: string;
  initialQuery: string;
  search(query: string): T[];
  toItem(ref: T): Omit<PickerItem<T>, 'ref' | 'alwaysShow' | 'buttons'>;
  accept(ref: T): Thenable<unknown>;
  open(ref: T): Thenable<unknown>;
  copy(ref: T): Thenable<unknown>;
  emptyMessage: string;
}

/** Shows the picker; resolves when it closes (after an accepted item was handled). */
export function showPicker<T>(indexer: SourceIndexer, spec: PickerSpec<T>): Promise<void> {
  const picker = vscode.window.createQuickPick<PickerItem<T>>();
  picker.title = spec.title;
  picker.placeholder = spec.placeholder;
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.ignoreFocusOut = false;
  const disposables: vscode.Disposable[] = [picker];

  const refresh = (keepActive = false): void => {
    const results = spec.search(picker.value);
    const active = keepActive ? picker.activeItems[0]?.ref : undefined;
    picker.items = results.map((ref) => ({ ...spec.toItem(ref), ref, alwaysShow: true, buttons: [OPEN_BUTTON, COPY_BUTTON] }));
    // New sources arriving while the reporter moves through the list keep their place.
    const keep = active === undefined ? undefined : picker.items.find((item) => item.ref === active);
    if (keep && keep !== picker.items[0]) picker.activeItems = [keep];
    picker.busy = indexer.currentProgress.indexing;
    if (results.length === 0 && !picker.busy) {
      picker.items = [{ label: spec.emptyMessage, alwaysShow: true }];
    }
  };

  return new Promise<void>((resolve) => {
    let accepted: Thenable<unknown> = Promise.resolve();
    disposables.push(
      picker.onDidChangeValue(() => refresh()),
      // Results arriving while the picker is open (indexing in the background) appear in it.
      indexer.onDidChange(() => refresh(true)),
      indexer.onDidChangeProgress(() => (picker.busy = indexer.currentProgress.indexing)),
      picker.onDidAccept(() => {
        const item = picker.activeItems[0] ?? picker.selectedItems[0];
        if (!item || item.ref === undefined) return;
        picker.hide();
        accepted = spec.accept(item.ref);
      }),
      picker.onDidTriggerItemButton((event) => {
        if (event.item.ref === undefined) return;
        if (event.button === OPEN_BUTTON) {
          picker.hide();
          void spec.open(event.item.ref);
        } else if (event.button === COPY_BUTTON) {
          void spec.copy(event.item.ref);
        }
      }),
      picker.onDidHide(() => {
        for (const d of disposables) d.dispose();
        void accepted.then(
          () => resolve(),
          () => resolve(),
        );
      }),
    );
    picker.value = spec.initialQuery;
    refresh();
    picker.show();
  });
}

/** A long quote or sentence fits one line of the picker. */
export function shorten(text: string, max = 180): string {
  const flat = plain(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Source text as a picker shows it: one line, and no `$(icon)` syntax coming alive. */
export function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\$\(/g, '$\u200b(');
}
