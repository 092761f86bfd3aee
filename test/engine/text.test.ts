import {
  fold,
  columnLetter,
  columnIndex,
  a1,
  hasMarkup,
  stripMarkup,
  cellText,
  squash,
} from '../../src/engine/text';

describe('squash', () => {
  const reference = (t: string) => t.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  it('gives what the replacement gives, for every kind of white space anywhere', () => {
    const spaces = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u200b',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\u1680',
      '\u205f',
    ];
    const words = ['', 'Sở', 'Tài chính', 'a', '😀', 'x\u200cy'];
    const samples: string[] = [];
    for (const a of spaces)
      for (const w of words)
        for (const b of spaces)
          samples.push(`${a}${w}${b}`, `${w}${a}${w}${b}${w}`, `${w}${a}`, `${a}${w}`);
    // a pseudo-random mix
    let seed = 7;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length];
    for (let n = 0; n < 2000; n++) {
      let t = '';
      for (let k = 0; k < 6; k++) t += pick([pick(spaces), pick(words), 'ab', ' ']);
      samples.push(t);
    }
    for (const t of samples) expect(squash(t)).toBe(reference(t));
  });
});

describe('fold', () => {
  it('ignores case, diacritics and tone-mark placement', () => {
    expect(fold('Sở Văn hoá, Thể thao')).toBe(fold('SỞ VĂN HÓA THỂ THAO'));
    expect(fold('Tỉnh uỷ')).toBe(fold('Tỉnh ủy'));
    expect(fold('Đơn vị\nchủ trì')).toBe('don vi chu tri');
  });
});

describe('columns and references', () => {
  it('round-trips column letters', () => {
    for (const [i, l] of [
      [0, 'A'],
      [7, 'H'],
      [25, 'Z'],
      [26, 'AA'],
      [701, 'ZZ'],
      [702, 'AAA'],
    ] as const) {
      expect(columnLetter(i)).toBe(l);
      expect(columnIndex(l)).toBe(i);
    }
    expect(a1(12, 5)).toBe('E12');
  });
});

describe('markup', () => {
  it('finds and strips tags', () => {
    expect(hasMarkup('<b>II</b>')).toBe(true);
    expect(hasMarkup('a < b > c')).toBe(false);
    expect(stripMarkup('<b>Nhiệm vụ</b>')).toBe('Nhiệm vụ');
    expect(cellText('  <b>I</b> \n')).toBe('I');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
  });
});
