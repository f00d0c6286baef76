#!/usr/bin/env node
// Renders media/icon.png (128x128, the Marketplace icon) from the SVG below
// with Debian's Chromium, so the picture has a source that can be edited.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.mjs';
import { launchChromium } from './server.mjs';

// An open notebook page with a large closing quotation mark: sources and quotes.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#1f4e79"/>
  <path d="M28 30 h52 l20 20 v50 a4 4 0 0 1 -4 4 h-68 a4 4 0 0 1 -4 -4 v-66 a4 4 0 0 1 4 -4 z" fill="#fdfaf3"/>
  <path d="M80 30 v16 a4 4 0 0 0 4 4 h16 z" fill="#d9cfb8"/>
  <rect x="36" y="44" width="24" height="5" rx="2.5" fill="#9aa7b4"/>
  <rect x="36" y="56" width="20" height="5" rx="2.5" fill="#9aa7b4"/>
  <rect x="36" y="68" width="16" height="5" rx="2.5" fill="#9aa7b4"/>
  <text x="76" y="130" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-weight="bold" font-size="100" fill="#c0392b">\u201D</text>
</svg>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  const target = join(projectRoot, 'media', 'icon.png');
  writeFileSync(target, png);
  console.log(`wrote ${target} (${png.length} bytes)`);
} finally {
  await browser.close();
}
