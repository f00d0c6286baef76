// Word pairs (PairIndex in search.ts): each pair's ids kept as a posting list.
// A query takes the newest `max` ids of a pair, so every list must come back
// exactly at every stage an index goes through: a bulk load not yet folded,
// folded, items added after the fold, dead items dropped, a snapshot installed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairIndex, SKIP } from '../../src/core/search';

type Reference = Map<number, number[]>;

function add(pairs: PairIndex, ref: Reference, key: number, id: number): void {
  pairs.add(key, id);
  const ids = ref.get(key) ?? [];
  // An item holding a pair twice is listed once.
  if (ids[ids.length - 1] !== id) ids.push(id);
  ref.set(key, ids);
}

function expectSame(pairs: PairIndex, ref: Reference, keys: number[], stage: string): void {
  for (const key of keys) {
    const ids = ref.get(key);
    for (const max of [1, 3, SKIP - 1, SKIP, SKIP + 1, 2 * SKIP + 5, 100000]) {
      const got = pairs.list(key, max);
      if (!ids) assert.equal(got, null, `${stage}: pair ${key} should be unknown`);
      else assert.deepEqual(got, ids.slice(Math.max(0, ids.length - max)), `${stage}: pair ${key}, max ${max}`);
    }
  }
}

function installed(pairs: PairIndex, nextId: number): PairIndex {
  const copy = new PairIndex();
  const steps = copy.installSteps(pairs.export(), nextId);
  while (!steps.next().done);
  return copy;
}

describe('word pairs: posting lists per pair', () => {
  it('lists every pair exactly through bulk load, fold, later adds, removals and a snapshot (property)', () => {
    fc.assert(
      fc.property(
        // Items in id order, each a run of pair keys (small keys repeat, so lists grow past a skip block).
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 12 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 2, max: 9 }),
        (items, foldAfter, deadEvery) => {
          const pairs = new PairIndex();
          const ref: Reference = new Map();
          const keys = new Set<number>([123456]);
          items.forEach((itemKeys, id) => {
            if (id === foldAfter) {
              expectSame(pairs, ref, [...keys], 'before the fold');
              pairs.trim();
            }
            for (const key of itemKeys) {
              add(pairs, ref, key, id);
              keys.add(key);
            }
          });
          expectSame(pairs, ref, [...keys], 'loaded');
          pairs.trim();
          expectSame(pairs, ref, [...keys], 'folded');
          // Dead items dropped.
          const alive = (id: number): boolean => id % deadEvery !== 0;
          pairs.compact(alive);
          for (const [key, ids] of ref) ref.set(key, ids.filter(alive));
          expectSame(pairs, ref, [...keys], 'compacted');
          // A snapshot, then items added after it (ids above every installed one).
          const copy = installed(pairs, items.length);
          expectSame(copy, ref, [...keys], 'installed');
          for (let id = items.length; id < items.length + 3; id++) for (const key of [0, 1, 777777]) add(copy, ref, key, id);
          keys.add(777777);
          expectSame(copy, ref, [...keys], 'added after the snapshot');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a few ids added after a fold from the log, after the folded ones (no fold for a re-indexed file)', () => {
    const pairs = new PairIndex();
    const ref: Reference = new Map();
    for (let id = 0; id < 1000; id++) {
      add(pairs, ref, 0, id);
      add(pairs, ref, id + 5, id);
    }
    pairs.trim();
    for (const id of [1000, 1001]) add(pairs, ref, 0, id);
    add(pairs, ref, 3, 1001);
    expectSame(pairs, ref, [0, 3, 5, 1004], 'a small log');
    const copy = installed(pairs, 1002);
    for (const id of [1002, 1003]) add(copy, ref, 0, id);
    expectSame(copy, ref, [0, 3, 5, 1004], 'a small log after a snapshot');
  });

  it('keeps one pair of a hundred thousand occurrences compact and reads its newest ids from the last blocks', () => {
    const pairs = new PairIndex();
    for (let id = 0; id < 100000; id++) pairs.add(7, id);
    pairs.trim();
    assert.deepEqual(pairs.list(7, 3), [99997, 99998, 99999]);
    assert.equal(pairs.list(7, 100000)?.length, 100000);
    // One byte per occurrence (gaps of zero) plus the skip table, not eight.
    assert.ok(pairs.bytes() < 100000 * 1.2 + 300000, `${pairs.bytes()} bytes`);
  });

  it('refuses a damaged snapshot: a pair number out of range, twice, or in an empty slot', () => {
    const pairs = new PairIndex();
    for (let id = 0; id < 50; id++) for (const key of [1, 2, 3]) pairs.add(key, id);
    const good = pairs.export();
    const tryInstall = (damage: (p: ReturnType<PairIndex['export']>) => void): void => {
      const p = { ...good, keys: good.keys.slice(), pairs: good.pairs.slice(), start: good.start.slice(), postings: good.postings.slice() };
      damage(p);
      const steps = new PairIndex().installSteps(p, 50);
      while (!steps.next().done);
    };
    tryInstall(() => undefined);
    const occupied = good.pairs.findIndex((x) => x !== 0);
    const empty = good.pairs.findIndex((x, i) => x === 0 && good.keys[i] === 0);
    assert.throws(() => tryInstall((p) => (p.pairs[occupied] = 99)), /pair number/);
    assert.throws(() => tryInstall((p) => (p.pairs[occupied] = good.pairs[good.pairs.findIndex((x, i) => x !== 0 && i !== occupied)])), /pair number|without a slot/);
    assert.throws(() => tryInstall((p) => (p.pairs[empty] = 1)), /empty slot/);
    assert.throws(() => tryInstall((p) => (p.used = 4)), /without a slot|bad sizes/);
    // An id beyond the items the snapshot holds.
    assert.throws(() => {
      const steps = new PairIndex().installSteps(good, 10);
      while (!steps.next().done);
    });
  });
});
