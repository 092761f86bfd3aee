import {
  fold,
  columnLetter,
  columnIndex,
  a1,
  hasMarkup,
  stripMarkup,
  cellText,
} from '../../src/engine/text';

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
