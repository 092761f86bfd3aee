/** The JSON the command writes in pieces is JSON.stringify(value, null, 2), byte for byte. */
import { join } from 'path';
import { jsonPieces, writeJson } from '../../src/cli/json-out';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

const same = (v: unknown, depth?: number) =>
  expect([...jsonPieces(v, depth)].join('')).toBe(JSON.stringify(v, null, 2));

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
  for (let depth = 0; depth < 7; depth++)
    same(
      { sheets: [{ tasks: [{ lead: [{ name: 'A' }], deadline: { due: null } }], findings: [] }] },
      depth,
    );
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
