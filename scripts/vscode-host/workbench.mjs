// Driving the VS Code workbench in Chromium the way a person does: keys into
// the command palette and Quick Open, the editor's own hover command.
// Selectors are VS Code 1.100's workbench DOM.

export const STATUS_ITEM_SELECTOR = '[id="sourcebook.sourcebook.sourcebook.status"], .statusbar-item[aria-label*="Sourcebook" i]';

const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Navigates to `url` and waits for the workbench to be usable. */
export async function openWorkbench(page, url) {
  // A busy 2-core machine can take well over playwright's default 30 s.
  page.setDefaultTimeout(90_000);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 90_000 });
}

/** Waits for the Sourcebook status bar item: the extension is active. */
export async function waitForStatusItem(page, timeout = 90_000) {
  const item = page.locator(STATUS_ITEM_SELECTOR).first();
  await item.waitFor({ state: 'visible', timeout });
  return item;
}

/** Opens a top-level file of the workspace from the Explorer; waits for its editor. */
export async function openFile(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  // A double click opens it as a pinned editor, not a preview.
  await row.dblclick();
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/**
 * Puts the cursor inside the first occurrence of `text` in the active editor
 * (Find selects it, Escape closes Find and keeps the selection), then moves
 * it one character left so it sits inside the word rather than after it.
 */
export async function placeCursorOn(page, text) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press(`${modifier}+Home`);
  await page.keyboard.press(`${modifier}+F`);
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor({ state: 'visible' });
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
}

/** Shows the hover at the cursor (editor.action.showHover, Ctrl+K Ctrl+I); returns its text. */
export async function showHoverAtCursor(page, mustContain, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: mustContain }).first();
  // The index is built in the background; ask again until the card answers.
  while (Date.now() < deadline) {
    await page.keyboard.press(`${modifier}+K`);
    await page.keyboard.press(`${modifier}+I`);
    try {
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      return await hover.innerText();
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`no hover containing "${mustContain}" appeared`);
}

/** Runs a command by its palette title, e.g. "Sourcebook: Search Quotes". */
export async function runCommand(page, title) {
  await page.keyboard.press(`${modifier}+Shift+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}
