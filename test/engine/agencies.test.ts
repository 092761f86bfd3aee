import {
  AgencyDictionary,
  BUILTIN_AGENCIES,
  parseAgencyCell,
  parseAssignment,
  splitParties,
  splitPartiesDetailed,
} from '../../src/engine/agencies';

const dict = new AgencyDictionary();
const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';

describe('AgencyDictionary: canonical names and aliases', () => {
  it('maps every built-in alias to its canonical name', () => {
    for (const e of BUILTIN_AGENCIES) {
      const c = dict.match(e.canonical);
      expect(c.name).toBe(e.canonical);
      expect(c.known).toBe(true);
      expect(c.variant).toBeUndefined();
      for (const a of e.aliases ?? []) {
        const r = dict.match(a);
        expect({ a, name: r.name, known: r.known }).toEqual({ a, name: e.canonical, known: true });
      }
    }
  });

  it.each([
    ['Sở VHTTDL', VHTTDL],
    ['Sở VH TTDL', VHTTDL],
    ['Sở VH,TT&DL', VHTTDL],
    ['Sở VHTT&DL', VHTTDL],
    ['VHTTDL', VHTTDL],
    ['STC', 'Sở Tài chính'],
    ['SNV', 'Sở Nội vụ'],
    ['STP', 'Sở Tư pháp'],
    ['Sở Công thương', 'Sở Công Thương'],
    ['SCT', 'Sở Công Thương'],
    ['Sở NN&MT', 'Sở Nông nghiệp và Môi trường'],
    ['Sở NNMT', 'Sở Nông nghiệp và Môi trường'],
    ['Sở NN và MT', 'Sở Nông nghiệp và Môi trường'],
    ['SXD', 'Sở Xây dựng'],
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở KHCN', 'Sở Khoa học và Công nghệ'],
    ['Sở Khoa học Công nghệ', 'Sở Khoa học và Công nghệ'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Sở GDĐT', 'Sở Giáo dục và Đào tạo'],
    ['VP UBND tỉnh', 'Văn phòng UBND tỉnh'],
    ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND tỉnh'],
    ['Hội Văn học Nghệ thuật tỉnh', 'Hội Liên hiệp Văn học Nghệ thuật tỉnh'],
    ['Đảng ủy Hội đồng Nhân dân tỉnh', 'Đảng ủy HĐND tỉnh'],
    // real spellings from the seeds
    ['Sở Tài Chính', 'Sở Tài chính'],
    ['Sở xây dựng', 'Sở Xây dựng'],
    ['Hiệp hội du lịch tỉnh', 'Hiệp hội Du lịch tỉnh'],
    ['Hiệp hội du lịch tỉnh tỉnh', 'Hiệp hội Du lịch tỉnh'],
    ['Hội Nông dân', 'Hội Nông dân tỉnh'],
    ['Ngân hàng Chính sách XH', 'Ngân hàng Chính sách xã hội'],
    ['Ban QL Khu kinh tế tỉnh', 'Ban Quản lý Khu kinh tế tỉnh'],
    ['Báo và Phát thanh Truyền hình tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    ['Báo và PTTH tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    ['Bộ Chỉ huy BĐBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
    ['Sở Văn hoá Thể thao và Du lịch', VHTTDL],
    ['So Van hoa, The thao va Du lich', VHTTDL],
  ])('%s → %s (a variant)', (text, canonical) => {
    const r = dict.match(text);
    expect(r).toMatchObject({
      name: canonical,
      raw: text,
      kind: 'agency',
      known: true,
      variant: true,
    });
  });

  it('treats tone-mark placement and the province name as the same spelling', () => {
    expect(dict.match('Sở Văn hoá, Thể thao và Du lịch')).toEqual({
      name: VHTTDL,
      raw: 'Sở Văn hoá, Thể thao và Du lịch',
      kind: 'agency',
      known: true,
    });
    expect(dict.match('Ban Tuyên giáo và Dân vận Tỉnh uỷ')).toMatchObject({
      name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      known: true,
    });
    expect(dict.match('Ban Tuyên giáo và Dân vận Tỉnh uỷ').variant).toBeUndefined();
    const bao = dict.match('Báo và Phát thanh, Truyền hình Lào Cai');
    expect(bao).toMatchObject({ name: 'Báo và Phát thanh, Truyền hình tỉnh', known: true });
    expect(bao.variant).toBeUndefined();
    expect(dict.match('Báo và Phát thanh, Truyền hình Điện Biên').name).toBe(
      'Báo và Phát thanh, Truyền hình tỉnh',
    );
    expect(dict.match('Công an tỉnh Lào Cai').name).toBe('Công an tỉnh');
    expect(dict.match('Báo và Phát thanh, truyền hình tỉnh').name).toBe(
      'Báo và Phát thanh, Truyền hình tỉnh',
    );
  });

  it('strips trailing punctuation and markup', () => {
    expect(dict.match('Sở Nội vụ,')).toMatchObject({ name: 'Sở Nội vụ', known: true });
    expect(dict.match('Sở Nội vụ,').variant).toBeUndefined();
    expect(dict.match('<b>Sở Y tế.</b>')).toMatchObject({ name: 'Sở Y tế', known: true });
  });
});

describe('AgencyDictionary and parseAgencyCell: readings are shared, frozen values', () => {
  it('gives the same frozen ref for the same text, which no caller can change for the next', () => {
    const a = dict.match('Sở VH TTDL');
    const b = dict.match('Sở VH TTDL');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(dict.match('Sở VH TTDL').name).toBe(VHTTDL);
  });

  it('shares one read-only list of frozen refs per cell text', () => {
    const one = parseAgencyCell('Sở Tài chính; Sở Nội vụ', dict);
    const two = parseAgencyCell('Sở Tài chính; Sở Nội vụ', dict);
    expect(two.refs).toBe(one.refs);
    expect(one.refs.every((r) => Object.isFrozen(r))).toBe(true);
    expect(one.refs.map((r) => r.name)).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
  });

  it('keeps readings apart between dictionaries', () => {
    const own = new AgencyDictionary([{ canonical: 'Ban Chỉ đạo 35', aliases: ['BCĐ 35'] }]);
    expect(parseAgencyCell('BCĐ 35', own).refs[0].known).toBe(true);
    expect(parseAgencyCell('BCĐ 35', dict).refs[0].known).toBe(false);
  });
});

describe('AgencyDictionary: typos (approximate matches)', () => {
  it.each([
    ['Sở VH TTL', VHTTDL],
    ['Sở VH&TT', VHTTDL],
    ['Bộ Chỉ huy BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
    ['Sở Văn hóa, Thể thao và Du lich', VHTTDL],
    ['Sở Nông nghiệp và Môi truờng', 'Sở Nông nghiệp và Môi trường'],
  ])('%s → %s', (text, canonical) => {
    expect(dict.match(text)).toMatchObject({
      name: canonical,
      kind: 'agency',
      known: true,
      variant: true,
    });
  });

  it('does not force unknown bodies onto known ones', () => {
    for (const t of [
      'Trung tâm CNTT - Cục Du lịch Quốc gia Việt Nam',
      'Trường Đại học/Cao đẳng',
      'Sở Du lịch',
    ]) {
      expect(dict.match(t)).toEqual({ name: t, raw: t, kind: 'agency', known: false });
    }
    expect(dict.match('Sở AB').known).toBe(false); // too short to guess
    // initials of a department are understood: Sở TP = Sở Tư pháp, Sở YT = Sở Y tế
    expect(dict.match('Sở TP')).toMatchObject({ name: 'Sở Tư pháp', variant: true });
    expect(dict.match('Sở KHĐT')).toMatchObject({
      name: 'Sở Kế hoạch và Đầu tư',
      renamedTo: 'Sở Tài chính',
    });
  });
});

describe('AgencyDictionary: names that no longer exist', () => {
  it.each([
    ['Sở Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính'],
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính'],
    [
      'Sở Nông nghiệp và Phát triển Nông thôn',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Nông nghiệp và Môi trường',
    ],
    ['Sở Tài nguyên và Môi trường', 'Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Môi trường'],
    ['Sở Thông tin và Truyền Thông', 'Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'],
    ['Sở Giao thông vận tải', 'Sở Giao thông vận tải', 'Sở Xây dựng'],
    ['Sở Lao động - Thương binh và xã hội', 'Sở Lao động - Thương binh và Xã hội', 'Sở Nội vụ'],
    ['Ban Dân tộc', 'Ban Dân tộc tỉnh', 'Sở Dân tộc và Tôn giáo'],
    ['Cục Thống kê tỉnh', 'Cục Thống kê tỉnh', 'Thống kê tỉnh'],
    ['Cục Thuế tỉnh', 'Cục Thuế tỉnh', 'Thuế tỉnh'],
    ['Báo Hải Dương', 'Báo tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    [
      'Đài Phát thanh và Truyền hình tỉnh',
      'Đài Phát thanh - Truyền hình tỉnh',
      'Báo và Phát thanh, Truyền hình tỉnh',
    ],
    ['Ban Tuyên giáo Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'],
    ['Ban Dân vận Tỉnh uỷ', 'Ban Dân vận Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'],
    [
      'UBND các huyện, thị xã, thành phố',
      'UBND các huyện, thị xã, thành phố',
      'UBND các xã, phường',
    ],
  ])('%s → renamed to %s', (text, name, renamedTo) => {
    expect(dict.match(text)).toMatchObject({ name, kind: 'agency', known: true, renamedTo });
  });

  it('a single district is also gone, unless it is a province-level city', () => {
    expect(dict.match('UBND huyện Bắc Hà')).toMatchObject({
      name: 'UBND huyện Bắc Hà',
      renamedTo: 'UBND các xã, phường',
    });
    expect(dict.match('UBND thành phố Hải Phòng').renamedTo).toBeUndefined();
  });
});

describe('AgencyDictionary: generic phrases', () => {
  it.each([
    'Các sở, ban, ngành, địa phương (liên quan)',
    'Các sở, ban, ngành, địa phương liên quan',
    'Các cơ quan, đơn vị liên quan',
    'các sở, ngành có liên quan',
    'Các tổ chức đoàn thể',
    'các địa phương',
    'Các sở, ngành và các địa phương liên quan',
    // from the seeds
    'Các sở, ban, ngành, địa phương',
    'Các sở, ngành, cơ quan, đơn vị, địa phương',
    'các sở ngành, địa phương liên quan',
    'Các sở, ngành địa phương có liên quan',
    'Các cơ quan truyền thông trên địa bàn tỉnh',
    'các tổ chức chính trị - xã hội',
    'Các doanh nghiệp viễn thông (VNPT/Viettel)',
    'sở, ngành liên quan',
  ])('%s is generic', (text) => {
    const r = dict.match(text);
    expect(r.kind).toBe('generic');
    expect(r.known).toBe(true);
  });

  it('gives the canonical phrase when it is one of the listed ones', () => {
    expect(dict.match('Các sở, ban, ngành, địa phương').name).toBe(
      'Các sở, ban, ngành, địa phương liên quan',
    );
  });

  it('keeps named bodies that contain "các" as agencies', () => {
    expect(dict.match('Đảng ủy các cấp')).toMatchObject({ kind: 'agency', known: true });
    expect(dict.match('Liên hiệp các tổ chức hữu nghị tỉnh')).toMatchObject({
      kind: 'agency',
      known: true,
    });
    expect(dict.match('UBND các xã, phường')).toMatchObject({
      name: 'UBND các xã, phường',
      kind: 'agency',
    });
  });
});

describe('AgencyDictionary: people’s roles', () => {
  it.each([
    ['Giám đốc Sở VHTTDL', VHTTDL],
    ['Giám đốc, Sở VHTTDL', VHTTDL],
    ['Giám đốc Sở VH TTL', VHTTDL],
    ['Giám đốc Sở Tài Chính', 'Sở Tài chính'],
    ['Giám đốc Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo'],
    ['Chủ tịch UBND xã Bắc Hà', 'UBND xã Bắc Hà'],
    ['Chủ tịch UBND Phường Lào Cai', 'UBND phường Lào Cai'],
    ['Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh', 'UBND tỉnh'],
    ['Tổng biên tập Báo và Phát thanh Truyền hình tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    ['Tổng biên tập Báo và Đài phát thanh truyền hình tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    ['Giám đốc Báo và PTTH tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh'],
    ['Chánh Thanh tra tỉnh', 'Thanh tra tỉnh'],
    ['Trưởng Thống kê tỉnh', 'Thống kê tỉnh'],
    ['Trưởng Thuế tỉnh', 'Thuế tỉnh'],
    ['Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'],
  ])('%s is a person (suggest %s)', (text, suggestion) => {
    expect(dict.match(text)).toMatchObject({ name: text, raw: text, kind: 'person', suggestion });
  });

  it('suggests the new name for a role in a body that no longer exists', () => {
    expect(dict.match('Giám đốc Sở Kế hoạch và Đầu tư').suggestion).toBe('Sở Tài chính');
  });

  it('a role without a recognisable body has no suggestion', () => {
    const r = dict.match('Chủ tịch các xã, phường: Nghĩa Lộ, Văn Chấn, Tú Lệ, Hạnh Phúc, Trạm Tấu');
    expect(r.kind).toBe('person');
    expect(dict.match('Đồng chí Nguyễn Văn A').kind).toBe('person');
    expect(dict.match('Đồng chí Nguyễn Văn A').suggestion).toBeUndefined();
  });

  it('"Trường" (a school) is not "Trưởng" (a head)', () => {
    expect(dict.match('Trường Đại học/Cao đẳng').kind).toBe('agency');
  });
});

describe('AgencyDictionary: commune and ward patterns', () => {
  it.each([
    ['UBND xã Bắc Hà', 'UBND xã Bắc Hà'],
    ['UBND Phường Lào Cai', 'UBND phường Lào Cai'],
    ['Ủy ban nhân dân xã Văn Chấn', 'UBND xã Văn Chấn'],
    ['UBND thị trấn Sa Pa', 'UBND thị trấn Sa Pa'],
    ['UBND Nghĩa Lộ', 'UBND Nghĩa Lộ'],
    ['UBND các xã phường', 'UBND các xã, phường'],
    ['UBND các địa phương', 'UBND các xã, phường'],
    ['UBND phường, xã có liên quan', 'UBND các xã, phường'],
    ['UBND xã, phường có liên quan', 'UBND các xã, phường'],
    ['Ngân hàng Nhà nước Chi nhánh khu vực 4', 'Ngân hàng Nhà nước Chi nhánh khu vực 4'],
  ])('%s → %s', (text, name) => {
    expect(dict.match(text)).toMatchObject({ name, kind: 'agency', known: true });
  });

  it('a ward named like the province stays a ward', () => {
    expect(dict.match('UBND phường Lào Cai').name).toBe('UBND phường Lào Cai');
  });
});

describe('AgencyDictionary: user entries', () => {
  it('adds a new abbreviation to a built-in agency', () => {
    const d = new AgencyDictionary([{ canonical: VHTTDL, aliases: ['SVHTTDL', 'Sở VH-TT-DL LC'] }]);
    expect(d.match('SVHTTDL')).toMatchObject({ name: VHTTDL, known: true, variant: true });
    expect(d.match('Sở VH-TT-DL LC').name).toBe(VHTTDL);
    expect(d.match('Sở VHTTDL').name).toBe(VHTTDL); // built-in aliases kept
  });

  it('adds a new agency with its own abbreviation, and uses it for splitting', () => {
    const d = new AgencyDictionary([
      { canonical: 'Ban Quản lý Khu du lịch quốc gia Sa Pa', aliases: ['BQL KDL Sa Pa'] },
      { canonical: 'Trung tâm Văn hóa, Điện ảnh và Du lịch tỉnh', aliases: ['TT VHĐA&DL'] },
    ]);
    expect(d.match('BQL KDL Sa Pa')).toMatchObject({
      name: 'Ban Quản lý Khu du lịch quốc gia Sa Pa',
      known: true,
      variant: true,
    });
    expect(d.match('Ban Quản lý Khu du lịch quốc gia Sa Pa').variant).toBeUndefined();
    expect(
      splitParties('Sở VHTTDL, Trung tâm Văn hóa, Điện ảnh và Du lịch tỉnh, BQL KDL Sa Pa', d),
    ).toEqual(['Sở VHTTDL', 'Trung tâm Văn hóa, Điện ảnh và Du lịch tỉnh', 'BQL KDL Sa Pa']);
  });

  it('user entries win over built-in ones', () => {
    const d = new AgencyDictionary([
      { canonical: 'Sở Văn hóa và Thể thao', aliases: ['Sở VH&TT'] },
    ]);
    expect(d.match('Sở VH&TT').name).toBe('Sở Văn hóa và Thể thao');
  });
});

describe('AgencyDictionary: many calls', () => {
  // The time is a benchmark figure (`npm run bench`); here: the memoised answers stay the same answers.
  it('answers 150,000 calls, the same answer each time for the same text', () => {
    const d = new AgencyDictionary();
    const cells = [
      'Sở VHTTDL',
      'Sở VH TTL',
      'Các sở, ban, ngành, địa phương',
      'UBND xã Bắc Hà',
      'Giám đốc Sở VHTTDL',
      'Trung tâm X',
    ];
    const first = new Map(cells.map((c) => [c, JSON.stringify(d.match(c))]));
    for (let i = 0; i < 150_000; i++) {
      const cell = i % 7 === 0 ? `Trung tâm ${i % 500}` : cells[i % cells.length];
      const m = d.match(cell);
      if (first.has(cell) && i % 997 === 0) expect(JSON.stringify(m)).toBe(first.get(cell));
    }
    expect(d.match('Sở VHTTDL').name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });
});

describe('splitParties on real cells', () => {
  it.each<[string, string[]]>([
    // 002 (Lào Cai tourism appendix), support column
    [
      'Sở VHTTDL, Hội Nông dân, Hội Liên hiệp Phụ nữ tỉnh, UBND các xã, phường',
      ['Sở VHTTDL', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ tỉnh', 'UBND các xã, phường'],
    ],
    [
      'Sở VHTTDL, Sở Dân tộc và Tôn giáo, các cơ quan truyền thông, UBND các xã, phường',
      ['Sở VHTTDL', 'Sở Dân tộc và Tôn giáo', 'các cơ quan truyền thông', 'UBND các xã, phường'],
    ],
    [
      'Các sở, ban, ngành, địa phương, Hiệp hội Du lịch tỉnh',
      ['Các sở, ban, ngành, địa phương', 'Hiệp hội Du lịch tỉnh'],
    ],
    ['Các tổ chức đoàn thể, các địa phương', ['Các tổ chức đoàn thể', 'các địa phương']],
    [
      'Sở Nội vụ, các sở, ban, ngành, địa phương, Hiệp hội Du lịch tỉnh',
      ['Sở Nội vụ', 'các sở, ban, ngành, địa phương', 'Hiệp hội Du lịch tỉnh'],
    ],
    [
      'Sở VHTTDL, Sở NN&MT, Sở Tư pháp, Ngân hàng Nhà nước Chi nhánh khu vực 4, các sở, ban, ngành, địa phương',
      [
        'Sở VHTTDL',
        'Sở NN&MT',
        'Sở Tư pháp',
        'Ngân hàng Nhà nước Chi nhánh khu vực 4',
        'các sở, ban, ngành, địa phương',
      ],
    ],
    [
      'Công an tỉnh, Bộ Chỉ huy BDBP, các sở, ban, ngành, địa phương',
      ['Công an tỉnh', 'Bộ Chỉ huy BDBP', 'các sở, ban, ngành, địa phương'],
    ],
    [
      'Các sở, ban, ngành, đoàn thể tỉnh, các địa phương',
      ['Các sở, ban, ngành, đoàn thể tỉnh', 'các địa phương'],
    ],
    [
      'Sở VHTTDL, Sở KH&CN, Sở Tài chính; Các doanh nghiệp viễn thông (VNPT/Viettel)',
      ['Sở VHTTDL', 'Sở KH&CN', 'Sở Tài chính', 'Các doanh nghiệp viễn thông (VNPT/Viettel)'],
    ],
    ['Sở Xây dựng, UBND các xã phường', ['Sở Xây dựng', 'UBND các xã phường']],
    [
      'Sở VHTTDL, UBND các xã: Yên Bình, Thác Bà, Bảo Ái, Yên Thành, Cẩm Nhân, Lục Yên, Tân Lĩnh, Mường Lai',
      [
        'Sở VHTTDL',
        'UBND xã Yên Bình',
        'UBND xã Thác Bà',
        'UBND xã Bảo Ái',
        'UBND xã Yên Thành',
        'UBND xã Cẩm Nhân',
        'UBND xã Lục Yên',
        'UBND xã Tân Lĩnh',
        'UBND xã Mường Lai',
      ],
    ],
    [
      'Sở VHTTDL, Sở Ngoại vụ, các sở ban ngành, địa phương có liên quan',
      ['Sở VHTTDL', 'Sở Ngoại vụ', 'các sở ban ngành, địa phương có liên quan'],
    ],
    [
      'Các sở, ngành có liên quan, Hiệp hội du lịch tỉnh, UBND Phường Sa Pa',
      ['Các sở, ngành có liên quan', 'Hiệp hội du lịch tỉnh', 'UBND Phường Sa Pa'],
    ],
    ['UBND Phường Sa Pa, xã Y Tý', ['UBND phường Sa Pa', 'UBND xã Y Tý']],
    [
      'Sở Tài chính, Sở NN&MT, UBND xã Nghĩa Đô, Lâm Thượng, các sở, ngành có liên quan',
      [
        'Sở Tài chính',
        'Sở NN&MT',
        'UBND xã Nghĩa Đô',
        'UBND xã Lâm Thượng',
        'các sở, ngành có liên quan',
      ],
    ],
    [
      'Sở Ngoại vụ, Sở Tài chính, sở, ngành liên quan',
      ['Sở Ngoại vụ', 'Sở Tài chính', 'sở, ngành liên quan'],
    ],
    ['Sở Ngoại vụ, UBND phường, xã có liên quan', ['Sở Ngoại vụ', 'UBND phường, xã có liên quan']],
    [
      'Sở Tài chính, Các sở, ngành, địa phương; Hiệp hội du lịch tỉnh tỉnh',
      ['Sở Tài chính', 'Các sở, ngành, địa phương', 'Hiệp hội du lịch tỉnh'],
    ],
    [
      'Trung tâm CNTT - Cục Du lịch Quốc gia Việt Nam; Trường Đại học/Cao đẳng; Hiệp hội du lịch tỉnh; UBND các xã, phường',
      [
        'Trung tâm CNTT - Cục Du lịch Quốc gia Việt Nam',
        'Trường Đại học/Cao đẳng',
        'Hiệp hội du lịch tỉnh',
        'UBND các xã, phường',
      ],
    ],
    ['Sở Nội vụ,', ['Sở Nội vụ']],
    // 002, lead column
    ['UBND xã Yên Bình, Thác Bà', ['UBND xã Yên Bình', 'UBND xã Thác Bà']],
    [
      'UBND các Phường Sa Pa, Bắc Hà, Y Tý, Mù Cang Chải, Thác Bà, Yên Bình',
      [
        'UBND phường Sa Pa',
        'UBND phường Bắc Hà',
        'UBND phường Y Tý',
        'UBND phường Mù Cang Chải',
        'UBND phường Thác Bà',
        'UBND phường Yên Bình',
      ],
    ],
    [
      'UBND các xã, phường: Nghĩa Lộ, Văn Chấn, Tú Lệ, Hạnh Phúc, Trạm Tấu',
      ['UBND Nghĩa Lộ', 'UBND Văn Chấn', 'UBND Tú Lệ', 'UBND Hạnh Phúc', 'UBND Trạm Tấu'],
    ],
    [
      'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh uỷ phối hợp thực hiện',
      ['Ban Tuyên giáo và Dân vận Tỉnh uỷ'],
    ],
    ['<b>Sở VHTTDL</b>', ['Sở VHTTDL']],
    // 002, leader/inspector column: a person stays whole
    ['Giám đốc, Sở VHTTDL', ['Giám đốc, Sở VHTTDL']],
    [
      'Tổng biên tập Báo và Phát thanh Truyền hình tỉnh',
      ['Tổng biên tập Báo và Phát thanh Truyền hình tỉnh'],
    ],
    ['Chủ tịch UBND xã Yên Bình, Thác Bà', ['Chủ tịch UBND xã Yên Bình, Thác Bà']],
    ['Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh', ['Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh']],
    // 000 (Lào Cai 2026), "Đơn vị chủ trì / phối hợp" lines
    ['Sở Văn hóa, Thể thao và Du lịch.', [VHTTDL]],
    [
      'Báo và Phát thanh, truyền hình tỉnh; các sở, ban, ngành, cơ quan, đơn vị liên quan; UBND các xã, phường.',
      [
        'Báo và Phát thanh, truyền hình tỉnh',
        'các sở, ban, ngành, cơ quan, đơn vị liên quan',
        'UBND các xã, phường',
      ],
    ],
    [
      'Sở Tài chính, Sở Nội vụ, Thống kê tỉnh; các sở, ban, ngành, cơ quan, đơn vị liên quan; UBND các xã, phường.',
      [
        'Sở Tài chính',
        'Sở Nội vụ',
        'Thống kê tỉnh',
        'các sở, ban, ngành, cơ quan, đơn vị liên quan',
        'UBND các xã, phường',
      ],
    ],
    [
      'Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch; các sở, ban, ngành, cơ quan, đơn vị liên quan; UBND các xã, phường.',
      [
        'Sở Giáo dục và Đào tạo',
        VHTTDL,
        'các sở, ban, ngành, cơ quan, đơn vị liên quan',
        'UBND các xã, phường',
      ],
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch, Sở Công thương, các cơ quan, đơn vị liên quan; UBND các xã, phường.',
      [VHTTDL, 'Sở Công thương', 'các cơ quan, đơn vị liên quan', 'UBND các xã, phường'],
    ],
    [
      'Sở Ngoại vụ, Sở Tài chính, Sở Công thương và các cơ quan, đơn vị liên quan; UBND các xã, phường.',
      [
        'Sở Ngoại vụ',
        'Sở Tài chính',
        'Sở Công thương',
        'các cơ quan, đơn vị liên quan',
        'UBND các xã, phường',
      ],
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch; Hội Liên hiệp Văn học Nghệ thuật tỉnh.',
      [VHTTDL, 'Hội Liên hiệp Văn học Nghệ thuật tỉnh'],
    ],
    [
      '- *Đơn vị phối hợp:* Sở Tài chính; các cơ quan, đơn vị; UBND các xã, phường.',
      ['Sở Tài chính', 'các cơ quan, đơn vị', 'UBND các xã, phường'],
    ],
    // 003 (Hải Dương 2024)
    [
      'Sở Văn hóa, Thể thao và Du lịch; Đài Phát thanh - Truyền hình tỉnh; Báo Hải Dương; Sở Thông tin và Truyền Thông.',
      [
        VHTTDL,
        'Đài Phát thanh - Truyền hình tỉnh',
        'Báo Hải Dương',
        'Sở Thông tin và Truyền Thông',
      ],
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch, Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông.',
      [VHTTDL, 'Văn phòng UBND tỉnh', 'Sở Thông tin và Truyền thông'],
    ],
    [
      'Báo Hải Dương, Đài Phát thanh và Truyền hình tỉnh, các sở, ngành, đoàn thể tỉnh và UBND các huyện, thị xã, thành phố.',
      [
        'Báo Hải Dương',
        'Đài Phát thanh và Truyền hình tỉnh',
        'các sở, ngành, đoàn thể tỉnh',
        'UBND các huyện, thị xã, thành phố',
      ],
    ],
    [
      'Sở Kế hoạch và Đầu tư; UBND các huyện, thị xã, thành phố và các sở, ngành có liên quan.',
      ['Sở Kế hoạch và Đầu tư', 'UBND các huyện, thị xã, thành phố', 'các sở, ngành có liên quan'],
    ],
    [
      'Sở Công thương, Sở Lao động - Thương binh và Xã hội, Văn phòng UBND tỉnh.',
      ['Sở Công thương', 'Sở Lao động - Thương binh và Xã hội', 'Văn phòng UBND tỉnh'],
    ],
    [
      'Sở Văn hóa, Thể thao và Du lịch; Ban Quản lý Dự án Đầu tư Xây dựng tỉnh.',
      [VHTTDL, 'Ban Quản lý Dự án Đầu tư Xây dựng tỉnh'],
    ],
  ])('%s', (cell, parts) => {
    expect(splitParties(cell)).toEqual(parts);
  });

  it('distributes a head word over a colon list', () => {
    expect(splitParties('Các sở: Văn hóa, Thể thao và Du lịch, Ngoại vụ')).toEqual([
      VHTTDL,
      'Sở Ngoại vụ',
    ]);
    expect(splitParties('Các sở: Tài chính, Xây dựng, các địa phương')).toEqual([
      'Sở Tài chính',
      'Sở Xây dựng',
      'các địa phương',
    ]);
  });

  it('splits on line breaks and keeps names with commas whole', () => {
    expect(splitParties('Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính')).toEqual([
      VHTTDL,
      'Sở Tài chính',
    ]);
    expect(splitParties('Sở Tài chính\nSở Nội vụ')).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
    expect(splitParties('Sở Văn hoá Thể thao và Du lịch và các đơn vị có liên quan')).toEqual([
      'Sở Văn hoá Thể thao và Du lịch',
      'các đơn vị có liên quan',
    ]);
    expect(splitParties('')).toEqual([]);
  });

  it('reports two bodies run together', () => {
    expect(splitPartiesDetailed('Sở VHTTDL Các cơ quan truyền thông trên địa bàn tỉnh')).toEqual({
      parts: ['Sở VHTTDL', 'Các cơ quan truyền thông trên địa bàn tỉnh'],
      runTogether: true,
    });
    expect(
      splitPartiesDetailed(
        'UBND Phường Trung Tâm, Nghĩa Lộ, Hiệp hội du lịch tỉnh các địa phương có liên quan,',
      ),
    ).toEqual({
      parts: [
        'UBND phường Trung Tâm',
        'UBND phường Nghĩa Lộ',
        'Hiệp hội du lịch tỉnh',
        'các địa phương có liên quan',
      ],
      runTogether: true,
    });
    expect(splitPartiesDetailed('Sở VHTTDL, Sở Tài chính').runTogether).toBe(false);
    expect(splitPartiesDetailed('Sở Văn hóa, Thể thao và Du lịch').runTogether).toBe(false);
  });
});

describe('parseAssignment', () => {
  it('reads "X chủ trì, phối hợp với Y; Z"', () => {
    expect(
      parseAssignment(
        'Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường.',
      ),
    ).toEqual({
      lead: ['Sở Nội vụ'],
      support: [VHTTDL, 'UBND các xã, phường'],
    });
  });

  it('reads "X chủ trì; Y phối hợp" and "Giao X chủ trì, Y phối hợp thực hiện"', () => {
    expect(parseAssignment('Sở VHTTDL chủ trì; Sở Tài chính, Sở Xây dựng phối hợp')).toEqual({
      lead: ['Sở VHTTDL'],
      support: ['Sở Tài chính', 'Sở Xây dựng'],
    });
    expect(
      parseAssignment('Giao Sở Tài chính chủ trì, Sở Nội vụ và các địa phương phối hợp thực hiện'),
    ).toEqual({
      lead: ['Sở Tài chính'],
      support: ['Sở Nội vụ', 'các địa phương'],
    });
    expect(
      parseAssignment(
        'Sở Công thương chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch và UBND các xã phường thực hiện',
      ),
    ).toEqual({
      lead: ['Sở Công thương'],
      support: [VHTTDL, 'UBND các xã phường'],
    });
  });

  it('reads labelled forms', () => {
    expect(
      parseAssignment(
        'Đơn vị chủ trì: Sở Nông nghiệp và Môi trường. Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch, Sở Công thương',
      ),
    ).toEqual({
      lead: ['Sở Nông nghiệp và Môi trường'],
      support: [VHTTDL, 'Sở Công thương'],
    });
  });

  it('takes the body a request is addressed to as the lead', () => {
    expect(parseAssignment('Đề nghị Ban Tuyên giáo và Dân vận Tỉnh uỷ phối hợp thực hiện')).toEqual(
      {
        lead: ['Ban Tuyên giáo và Dân vận Tỉnh uỷ'],
        support: [],
      },
    );
  });

  it('a lone "phối hợp" names supporters only; "chủ trì" alone names the lead', () => {
    expect(parseAssignment('Sở Ngoại vụ phối hợp')).toEqual({ lead: [], support: ['Sở Ngoại vụ'] });
    expect(parseAssignment('Sở Xây dựng chủ trì thực hiện')).toEqual({
      lead: ['Sở Xây dựng'],
      support: [],
    });
  });

  it('returns null without the wording', () => {
    expect(parseAssignment('Sở VHTTDL, Sở Tài chính')).toBeNull();
    expect(parseAssignment('')).toBeNull();
  });
});

describe('parseAgencyCell', () => {
  it('splits and names', () => {
    const { refs, runTogether } = parseAgencyCell(
      'Sở VHTTDL Các cơ quan truyền thông trên địa bàn tỉnh',
      dict,
    );
    expect(runTogether).toBe(true);
    expect(refs.map((r) => [r.name, r.kind])).toEqual([
      [VHTTDL, 'agency'],
      ['Các cơ quan truyền thông trên địa bàn tỉnh', 'generic'],
    ]);
    const cell = parseAgencyCell('Sở VH TTL, Các sở, ban, ngành, địa phương', dict);
    expect(cell.refs[0]).toMatchObject({ name: VHTTDL, raw: 'Sở VH TTL', variant: true });
    expect(cell.refs[1].kind).toBe('generic');
    const ubnd = parseAgencyCell('UBND xã Yên Bình, Thác Bà', dict);
    expect(ubnd.refs.map((r) => r.name)).toEqual(['UBND xã Yên Bình', 'UBND xã Thác Bà']);
    expect(ubnd.refs.every((r) => r.known && r.kind === 'agency')).toBe(true);
  });
});
