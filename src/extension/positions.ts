// Offsets into an article's text as editor positions, without opening the
// file as a document (the article text is what the editor will show: the
// decoded file with its byte-order mark removed).
import * as vscode from 'vscode';

export function positionIn(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // VS Code breaks lines at \n, \r\n and a lone \r.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return new vscode.Position(line, end - lineStart);
}

export function rangeIn(text: string, start: number, end: number): vscode.Range {
  return new vscode.Range(positionIn(text, start), positionIn(text, end));
}
