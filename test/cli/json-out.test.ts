/** The JSON the command writes in pieces is JSON.stringify(value, null, 2), byte for byte. */
import { join } from 'path';
import { JsonList, jsonText, writeJson } from '../../src/cli/json-out';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

const same = (v: unknown) => expect(jsonText(v)).toBe(JSON.stringify(v, null, 2));

test('edge values: empty arrays and objects, undefined and functions, nesting deeper than the pieces, text with line breaks', () => {
  same({
    a: [],
    b: {},
    c: undefined,
    d: () => 1,
    e: [undefined, null, () => 2, 'x\ny'],
    f: { g: [{ h: [1, { i: 'Sở "VH"\t' }] }] },
    j: new Date(0),
    k: 'Nhiệm vụ',
  });
  same([[[[[{ deep: [1, 2, { x: [] }] }]]]]]);
  same('plain');
  same(null);
  same({ sheets: [{ tasks: [{ lead: [{ name: 'A' }], deadline: { due: null } }], findings: [] }] });
});

test('odd strings and numbers: unicode, quotes, control characters, lone surrogates, -0, NaN, Infinity', () => {
  const strings = [
    '',
    'Sở Văn hóa, Thể thao và Du lịch',
    'quote " backslash \\ slash /',
    'tab\tnew\nline\rcr\bback\fform',
    '\u0000\u0001\u001f\u007f\u2028\u2029',
    '\ud800 lone \udfff surrogates, pair 😀',
    '<script>&amp;</script>',
  ];
  same({ strings, [strings[5]]: strings[3], 'key "quoted"\n': 1 });
  same([0, -0, 1.5, -2e-7, 1e21, 123456789012345680000, NaN, Infinity, -Infinity, true, false]);
  same({ n: -0, nan: NaN, inf: -Infinity, nested: [{ x: NaN }, [-0]] });
});

test('what JSON.stringify leaves out or replaces: undefined, functions, symbols, holes, toJSON, boxed values, odd keys', () => {
  const sym = Symbol('s');
  const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
    a: [1],
    b: undefined,
  });
  class Task {
    row = 3;
    text = 'x';
  }
  same({
    u: undefined,
    f() {
      return 1;
    },
    s: sym,
    [sym]: 'symbol key',
    list: [undefined, () => 1, sym, , null], // eslint-disable-line no-sparse-arrays
    onlyUndefined: { a: undefined },
    date: new Date(Date.UTC(2026, 0, 2)),
    badDate: new Date(NaN),
    custom: { toJSON: () => ({ as: ['json', { deep: 1 }] }) },
    boxed: [Object('text'), Object(5), Object(true)],
    hidden,
    bare,
    instance: new Task(),
    '10': 'integer keys first',
    '2': 'in ascending order',
  });
  same([]);
  same({});
  same([[[[[[{ deep: [1, 2, { x: [] }] }]]]]]]);
});

test('a JsonList is written as the array of its elements, made one at a time (and so for JSON.stringify)', () => {
  const rows = [{ a: 1, b: [2, 'x'] }, { a: undefined, c: 'Sở' }, { d: null }];
  const made: number[] = [];
  const list = new JsonList(rows.length, (i) => {
    made.push(i);
    return rows[i];
  });
  const doc = { name: 'x', list, empty: new JsonList(0, () => 1), after: true };
  const asArrays = { name: 'x', list: rows, empty: [], after: true };
  expect(jsonText(doc)).toBe(JSON.stringify(asArrays, null, 2));
  expect(made).toEqual([0, 1, 2]);
  expect(JSON.stringify(doc)).toBe(JSON.stringify(asArrays));
  expect(JSON.stringify(doc, null, 2)).toBe(JSON.stringify(asArrays, null, 2));
});

test('a JsonList at any depth, longer than one batch, with odd elements: the bytes of JSON.stringify', () => {
  const items: unknown[] = Array.from({ length: 53 }, (_, i) => ({
    i,
    text: `dòng ${i}\n"quoted"`,
    nested: [i, { deep: [[], {}, [i]] }],
    gone: undefined,
  }));
  items[3] = undefined;
  items[17] = null;
  items[20] = [];
  items[33] = { toJSON: () => ({ as: 'json' }) };
  items[40] = 'a string';
  items[52] = 7;
  const list = () => new JsonList(items.length, (i) => items[i]);
  const docs: [unknown, unknown][] = [
    [list(), items],
    [{ a: list() }, { a: items }],
    [{ s: [{ t: { u: list() } }] }, { s: [{ t: { u: items } }] }],
    [[[[list()]]], [[[items]]]],
    [{ one: new JsonList(1, () => ({ x: [1] })) }, { one: [{ x: [1] }] }],
  ];
  for (const [doc, plain] of docs) {
    for (const chunk of [1, 100, 1 << 14]) {
      let out = '';
      writeJson((s) => (out += s), doc, chunk);
      expect(out).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    }
  }
});

test('writeJson writes the same bytes in chunks of any size', () => {
  const doc = {
    sheets: Array.from({ length: 300 }, (_, i) => ({
      row: i,
      text: `dòng ${i}`,
      list: [i, { n: i }],
    })),
  };
  for (const chunk of [1, 7, 1024, 1 << 20]) {
    let out = '';
    let writes = 0;
    writeJson(
      (s) => {
        out += s;
        writes++;
      },
      doc,
      chunk,
    );
    expect(out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    if (chunk === 7) expect(writes).toBeGreaterThan(100);
  }
});

test('phancong check --json: the document JSON.stringify would print', async () => {
  const io = recordingIO();
  await main(
    [
      'check',
      join(__dirname, '..', 'fixtures', 'xlsx', '002-bold.xlsx'),
      '--as-of',
      '2026-11-22',
      '--json',
    ],
    io,
  );
  const doc = JSON.parse(io.out);
  expect(io.out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  expect(doc.sheets[0].tasks.length).toBe(116);
});
