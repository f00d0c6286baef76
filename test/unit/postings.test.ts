// The word postings' storage: ascending id lists as varint gaps with skip
// tables (PostingStore in search.ts). Search trusts every list it reads, so
// the round trip must be exact at every boundary (a block of SKIP postings,
// a varint's byte widths, ids up to 2^31 - 1), and a damaged table refused.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PostingList, PostingStore, SKIP, checkPostings } from '../../src/core/search';

const MAX_ID = 0x7fffffff;

/** A store holding `lists` (word w's ids, ascending), logged in id order as indexing does, folded at the given ids. */
function storeOf(lists: number[][], foldAt: number[] = []): PostingStore {
  const store = new PostingStore();
  for (let w = 0; w < lists.length; w++) store.addWord();
  const postings = lists.flatMap((ids, w) => ids.map((id) => [id, w]));
  postings.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const folds = [...foldAt].sort((a, b) => a - b);
  for (const [id, w] of postings) {
    while (folds.length > 0 && folds[0] <= id) {
      folds.shift();
      store.fold();
    }
    store.push(w, id);
  }
  store.fold();
  return store;
}

function check(words: number, table: { start: Int32Array; postings: Uint8Array }, nextId: number): void {
  const steps = checkPostings(words, table.start, table.postings, nextId);
  while (!steps.next().done);
}

/** Every list read back in full, its count, and membership of each id and its neighbours. */
function assertHolds(store: PostingStore, lists: number[][]): void {
  lists.forEach((ids, w) => {
    const list: PostingList = store.list(w);
    assert.deepEqual(list.toArray(), ids, `word ${w}`);
    assert.equal(store.count(w), ids.length);
    const set = new Set(ids);
    const probes = new Set([0, 1, MAX_ID - 1, MAX_ID]);
    for (const id of ids) for (const d of [-1, 0, 1]) probes.add(id + d);
    for (const id of probes) if (id >= 0 && id <= MAX_ID) assert.equal(list.includes(id), set.has(id), `word ${w} includes ${id}`);
  });
}

/** Ascending distinct ids in [0, 2^31 - 1], with gaps of every varint width. */
const ascending = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 100, max: 40000 }), fc.integer({ min: 1, max: 1 << 29 })), { maxLength: 300 })
  .chain((gaps) => fc.integer({ min: 0, max: 1000 }).map((first) => {
    const ids: number[] = [];
    let id = first;
    for (const g of gaps) {
      if (id > MAX_ID) break;
      ids.push(id);
      id += g;
    }
    return ids;
  }));

describe('postings: varint lists with skip tables', () => {
  it('round trips random lists, empty ones included, and answers membership', () => {
    fc.assert(
      fc.property(fc.array(ascending, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: MAX_ID }), { maxLength: 3 }), (lists, foldAt) => {
        const store = storeOf(lists, foldAt);
        assertHolds(store, lists);
        // A snapshot's table passes the check and installs to the same lists.
        const table = store.export();
        check(lists.length, table, MAX_ID + 1);
        const installed = new PostingStore();
        installed.install(lists.length, table.start, table.postings);
        assertHolds(installed, lists);
      }),
      { numRuns: 150 },
    );
  });

  it('lists at every block boundary, with the largest gaps and ids, folded whole or in parts', () => {
    const lengths = [0, 1, SKIP - 1, SKIP, SKIP + 1, 2 * SKIP - 1, 2 * SKIP, 2 * SKIP + 1, 5 * SKIP + 3];
    const lists = lengths.map((n, w) => Array.from({ length: n }, (_, k) => k * (w + 1) * 7 + w));
    lists.push([MAX_ID]);
    lists.push([0, MAX_ID]);
    lists.push([0, 127, 128, 255, 16383, 16384 + 16383, (1 << 21) + 40000, (1 << 28) + (1 << 21) + 40000, MAX_ID - 1, MAX_ID]);
    // A long list of the largest gaps, so that skip entries point past 5-byte varints.
    lists.push(Array.from({ length: 3 * SKIP }, (_, k) => k * 11184810));
    // Gaps (id - previous id - 1) at both sides of every varint width, over several blocks: skip offsets add up their widths.
    const widths = [0, 126, 127, 128, 16383, 16384, (1 << 21) - 1, 1 << 21, (1 << 28) - 1, 1 << 28];
    const edges: number[] = [];
    // The widest two only once, so that ids stay under 2^31.
    for (let k = 0, id = -1; k < 3 * SKIP + 7; k++) edges.push((id += (k < widths.length ? widths[k] : widths[k % (widths.length - 2)]) + 1));
    lists.push(edges);
    for (const foldAt of [[], [1], [SKIP * 7], [100, 500, 2000, 1 << 20, 1 << 30]]) assertHolds(storeOf(lists, foldAt), lists);
  });

  it('drops dead ids when folding with a filter, the log included', () => {
    const lists = [Array.from({ length: 3 * SKIP + 5 }, (_, k) => 2 * k), [1, 3, 5], [7]];
    const store = storeOf(lists, [40]);
    store.addWord();
    store.push(3, 1000);
    store.push(0, 1002);
    const alive = (id: number): boolean => id % 3 !== 0;
    store.fold(alive);
    const expected = [[...lists[0], 1002].filter(alive), [1, 5], [7], [1000]];
    assertHolds(store, expected);
    store.fold(() => false);
    assertHolds(store, [[], [], [], []]);
    check(4, store.export(), 2000);
  });

  it('keeps postings logged between the steps of a fold for the next fold, new words included', () => {
    fc.assert(
      fc.property(fc.array(ascending, { minLength: 1, maxLength: 8 }), fc.nat(), fc.boolean(), (lists, cut, countLogged) => {
        const store = new PostingStore(countLogged);
        let words = 0;
        // A word is added when its first posting comes, so some come only while the fold runs.
        const log = (w: number, id: number): void => {
          while (words <= w) {
            store.addWord();
            words++;
          }
          store.push(w, id);
        };
        const postings = lists.flatMap((ids, w) => ids.map((id) => [id, w]));
        postings.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const before = cut % (postings.length + 1);
        for (const [id, w] of postings.slice(0, before)) log(w, id);
        const steps = store.foldSteps();
        steps.next();
        for (const [id, w] of postings.slice(before)) log(w, id);
        while (!steps.next().done);
        // The table holds what was logged before the fold began, the log the rest.
        lists.forEach((ids, w) => {
          const folded = ids.filter((id) => postings.findIndex(([i, x]) => i === id && x === w) < before);
          assert.deepEqual(store.list(w).toArray(), folded, `word ${w} folded`);
          assert.deepEqual(store.tail(w) ?? [], ids.slice(folded.length), `word ${w} logged`);
        });
        store.fold();
        assertHolds(store, lists);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a damaged table: varint cut short, not canonical, too large, bad skip entry, id out of range', () => {
    const lists = [[3, 9], Array.from({ length: 2 * SKIP + 1 }, (_, k) => 5 * k)];
    const table = storeOf(lists).export();
    check(2, table, 1000);
    const broken = (edit: (start: Int32Array, postings: Uint8Array) => { start: Int32Array; postings: Uint8Array }, nextId = 1000): void => {
      const start = table.start.slice();
      const postings = table.postings.slice();
      assert.throws(() => check(2, edit(start, postings), nextId));
    };
    // A continuation bit on the last byte: the varint runs past its list.
    broken((start, postings) => {
      postings[postings.length - 1] |= 0x80;
      return { start, postings };
    });
    // The stream cut by a byte.
    broken((start, postings) => {
      start[2]--;
      return { start, postings: postings.subarray(0, postings.length - 1) };
    });
    // A list cut inside another's range.
    broken((start, postings) => {
      start[1]--;
      return { start, postings };
    });
    // The first list's second gap (one byte) written as two: 0x85 0x00.
    broken((start, postings) => {
      const out = new Uint8Array(postings.length + 1);
      out.set(postings.subarray(0, 2));
      out[2] = postings[2] | 0x80;
      out[3] = 0;
      out.set(postings.subarray(3), 4);
      return { start: Int32Array.from(start, (s, i) => (i === 0 ? s : s + 1)), postings: out };
    });
    // A gap of 2^31 or more (a fifth byte above 7).
    broken(() => {
      const out = new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x08]);
      return { start: Int32Array.from([0, out.length, out.length]), postings: out };
    });
    // A skip entry's id or offset changed.
    broken((start, postings) => {
      postings[start[1] + 2] ^= 1;
      return { start, postings };
    });
    broken((start, postings) => {
      postings[start[1] + 2 + 4] ^= 1;
      return { start, postings };
    });
    // Ids past the last item.
    broken((start, postings) => ({ start, postings }), 5 * 2 * SKIP);
    // A count larger than the list.
    broken((start, postings) => {
      postings[0] = 3;
      return { start, postings };
    });
    // The largest id passes when it is in range.
    const top = storeOf([[MAX_ID]]).export();
    check(1, top, MAX_ID + 1);
    assert.throws(() => check(1, top, MAX_ID));
  });
});
