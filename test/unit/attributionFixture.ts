// The attribution of one quote of a short made-up fixture, for the speaker-rule tests.
import * as assert from 'node:assert/strict';
import { readQuoteCandidates } from '../../src/core/article';

/** The attribution of the quote starting with `quoteStart`, before the quote filter: its speaker and the mention's text. */
export function attributionOf(text: string, quoteStart: string): { speaker: string | null; mention: string | null } {
  const full = 'Headline\n\n' + text;
  const { raw, attributions } = readQuoteCandidates('fixture.txt', full);
  const i = raw.findIndex((q) => full.slice(q.start, q.end).startsWith(quoteStart));
  assert.ok(i >= 0, `no quote starting "${quoteStart}" in ${JSON.stringify(raw.map((q) => full.slice(q.start, q.end)))}`);
  const m = attributions[i].speakerMention;
  return { speaker: attributions[i].speaker, mention: m ? full.slice(m.start, m.end) : null };
}

export const speakerOf = (text: string, quoteStart: string): string | null => attributionOf(text, quoteStart).speaker;
export const mentionOf = (text: string, quoteStart: string): string | null => attributionOf(text, quoteStart).mention;
