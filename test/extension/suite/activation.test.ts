// Records how long activate() took in this real extension host, for the
// benchmark (`npm run bench` reads .bench/activation.json). A figure, not a
// timed assertion: the test only checks that the measurement exists.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const projectRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('Activation time', () => {
  it('is measured by activate() and recorded for the benchmark', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number; activationParts: Record<string, number> }>('sourcebook.sourcebook');
    assert.ok(extension);
    const api = await extension.activate();
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs is a duration: ${api.activationMs}`);
    const dir = path.join(projectRoot, '.bench');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'activation.json'), JSON.stringify({ 'activation.ms': api.activationMs, vscode: vscode.version, measuredAt: new Date().toISOString() }, null, 2) + '\n');
    const parts = Object.entries(api.activationParts).sort((a, b) => b[1] - a[1]);
    assert.ok(parts.length > 0 && parts.every(([, ms]) => ms >= 0), JSON.stringify(api.activationParts));
    console.log(`    activate() took ${api.activationMs.toFixed(1)} ms in VS Code ${vscode.version} (slowest: ${parts.slice(0, 4).map(([p, ms]) => `${p} ${ms.toFixed(1)}`).join(', ')} ms)`);
  });
});
