#!/usr/bin/env node
// Takes the README's pictures from the real product: packages and installs
// the extension into code-server (as `npm start` does), opens the demo draft
// in headless Chromium, and shoots the hover card on "Ned Price", the
// misquote warning and (--picker) the quote picker into docs/images/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';
import { cacheDir, projectRoot } from './paths.mjs';
import { serveWithExtension } from './serve.mjs';
import { freePort, launchChromium, workbenchUrl } from './server.mjs';
import { openFile, openWorkbench, placeCursorOn, runCommand, showHoverAtCursor, waitForStatusItem } from './workbench.mjs';

const imagesDir = join(projectRoot, 'docs', 'images');

async function main() {
  ensureCodeServer();
  mkdirSync(imagesDir, { recursive: true });
  const port = await freePort();
  const workspace = join(projectRoot, 'demo');
  const { server } = await serveWithExtension({ port, workspace, name: 'screenshot', logFile: join(cacheDir, 'logs', 'code-server-screenshot.log') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
    await openWorkbench(page, workbenchUrl(server, workspace));
    // The extension activates on the first Markdown document.
    await openFile(page, 'draft.md');
    const status = await waitForStatusItem(page).catch(async (error) => {
      const ids = await page.locator('.statusbar-item').evaluateAll((items) => items.map((item) => `${item.id} [${item.getAttribute('aria-label')}]`));
      await page.screenshot({ path: join(cacheDir, 'logs', 'screenshot-failure.png') });
      throw new Error(`${error.message}\nstatus bar items: ${ids.join(' | ')}`);
    });
    console.log(`status bar: ${(await status.innerText()).trim()}`);

    await placeCursorOn(page, 'Ned Price');
    const card = await showHoverAtCursor(page, 'Ned Price');
    console.log(`hover card:\n${card}`);
    await page.waitForTimeout(500);
    const hoverShot = join(imagesDir, 'hover-card.png');
    await page.screenshot({ path: hoverShot });
    console.log(`wrote ${hoverShot}`);
    await page.keyboard.press('Escape');

    // A misquote in the draft: the warning and the source's wording.
    try {
      await placeCursorOn(page, 'compete fiercely');
      const warning = await showHoverAtCursor(page, 'Misquote');
      console.log(`misquote hover:\n${warning}`);
      await page.waitForTimeout(500);
      const misquoteShot = join(imagesDir, 'misquote.png');
      await page.screenshot({ path: misquoteShot });
      console.log(`wrote ${misquoteShot}`);
      await page.keyboard.press('Escape');
    } catch (error) {
      console.error(`no misquote picture: ${error instanceof Error ? error.message : error}`);
    }

    if (process.argv.includes('--picker')) {
      await runCommand(page, 'Sourcebook: Search Quotes');
      await page.locator('.quick-input-widget input').fill('candid');
      await page.waitForTimeout(800);
      const pickerShot = join(imagesDir, 'search-quotes.png');
      await page.screenshot({ path: pickerShot });
      console.log(`wrote ${pickerShot}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
