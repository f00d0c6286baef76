// Turning a file's bytes into the text every offset refers to.
// Reporters' files come as UTF-8 (with or without BOM), UTF-16 with BOM,
// or Windows-1252 from older tools; binaries get dropped into folders too.

export type DecodeResult = { text: string; encoding: string } | { error: string };

const WINDOWS_1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    chunk.push(b >= 0x80 && b <= 0x9f ? (WINDOWS_1252_HIGH[b] ?? 0xfffd) : b);
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/** Share of control characters (other than tab/CR/LF/FF) in a sample: high means binary. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // Nearly every text has none: the regular expression scans several times faster than the loop.
  if (!CONTROL_CHAR.test(sample)) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/**
 * UTF-16 written without a byte-order mark (some Windows exports): text in
 * Latin script then has a NUL in nearly every other byte, on one side only.
 * Returns the likely byte order, or null when the bytes do not look like it.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const pairs = Math.min(bytes.length, 4096) >> 1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // A binary file has NULs scattered on both sides; UTF-16 text on one side only.
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

export function decodeSource(bytes: Uint8Array): DecodeResult {
  let text: string;
  let encoding: string;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
      // Valid UTF-8 can still be BOM-less UTF-16 of ASCII text ("H\0i\0"): NULs give it away.
      if (text.includes('\0')) {
        const utf16 = bomlessUtf16(bytes);
        if (utf16) {
          text = new TextDecoder(utf16).decode(bytes);
          encoding = utf16;
        }
      }
    } catch {
      const utf16 = bomlessUtf16(bytes);
      if (utf16) {
        text = new TextDecoder(utf16).decode(bytes);
        encoding = utf16;
      } else {
        if (bytes.indexOf(0) >= 0) return { error: 'binary file (contains NUL bytes)' };
        text = decodeWindows1252(bytes);
        encoding = 'windows-1252';
      }
    }
  }
  // Nearly every text has no invisible control at all, and then neither looks binary (its
  // controls are among them) nor has any to neutralise: one scan instead of two.
  if (!ANY_INVISIBLE.test(text)) return { text, encoding };
  if (looksBinary(text)) return { error: 'binary file (not text)' };
  return { text: neutraliseControls(text), encoding };
}

/**
 * Characters that change how text around them is shown without being text
 * themselves: C0/C1 control characters (other than tab and line breaks) and
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that "Trojan Source" text uses to make a line read
 * differently from what it contains. Marks that only set the direction of
 * one spot (U+200E/U+200F/U+061C) are kept: right-to-left quotes need them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** INVISIBLE_CONTROLS without the global flag, for test() (no lastIndex to keep). */
const ANY_INVISIBLE = new RegExp(INVISIBLE_CONTROLS.source);

/**
 * Source text made inert once, where it enters: form feeds and vertical tabs
 * (page breaks of PDF exports) become spaces, every other INVISIBLE_CONTROL
 * becomes U+FFFD, visible where the file hides something. Each replacement
 * is one UTF-16 unit for one, so every offset still indexes the file as an
 * editor shows it, and hovers, pickers, citations, diagnostics and the
 * terminal all get text that cannot reorder a line or drive a terminal.
 */
export function neutraliseControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (c) => (c === '\f' || c === '\v' ? ' ' : '\ufffd'));
}
