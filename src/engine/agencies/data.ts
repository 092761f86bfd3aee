/**
 * The built-in agency dictionary's data, by level (central, provincial, commune). Where each fact
 * comes from is written in SOURCES.md beside this file, not here.
 * Pure data: no Node APIs.
 */
import type { AgencyEntry, AgencyLevel } from '../types';

const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const TC = 'Sở Tài chính';
const NV = 'Sở Nội vụ';
const NNMT = 'Sở Nông nghiệp và Môi trường';
const KHCN = 'Sở Khoa học và Công nghệ';
const XD = 'Sở Xây dựng';
const DTTG = 'Sở Dân tộc và Tôn giáo';
const BAO = 'Báo và Phát thanh, Truyền hình tỉnh';
const TGDV = 'Ban Tuyên giáo và Dân vận Tỉnh ủy';
const XA_PHUONG = 'UBND các xã, phường';

/**
 * Provincial level (and the province's own Party bodies), as before issue 11, plus the commune-level
 * collective names that provincial plans assign; generic phrases last. Order matters: on a shared key
 * the first entry wins.
 */
const PROVINCIAL_AND_GENERIC: AgencyEntry[] = [
  // Departments of the Provincial People's Committee (after the 2025 reorganisation)
  {
    canonical: VHTTDL,
    aliases: ['Sở VHTTDL', 'Sở VH TTDL', 'Sở VH,TT&DL', 'Sở VHTT&DL', 'VHTTDL', 'Sở VH, TT và DL'],
  },
  { canonical: TC, aliases: ['STC', 'Sở TC'] },
  { canonical: NV, aliases: ['SNV'] },
  { canonical: 'Sở Tư pháp', aliases: ['STP'] },
  { canonical: 'Sở Công Thương', aliases: ['Sở Công thương', 'SCT'] },
  { canonical: NNMT, aliases: ['Sở NN&MT', 'Sở NNMT', 'Sở NN và MT'] },
  { canonical: XD, aliases: ['SXD'] },
  { canonical: KHCN, aliases: ['Sở KH&CN', 'Sở KHCN', 'Sở Khoa học Công nghệ'] },
  { canonical: 'Sở Giáo dục và Đào tạo', aliases: ['Sở GD&ĐT', 'Sở GDĐT'] },
  { canonical: 'Sở Y tế' },
  { canonical: 'Sở Ngoại vụ' },
  { canonical: DTTG, aliases: ['Sở DT&TG'] },
  { canonical: 'Thanh tra tỉnh' },
  { canonical: 'Văn phòng UBND tỉnh', aliases: ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'] },

  // Names that no longer exist (2025) and what took over
  { canonical: 'Sở Kế hoạch và Đầu tư', aliases: ['Sở KH&ĐT', 'Sở KHĐT'], renamedTo: TC },
  {
    canonical: 'Sở Nông nghiệp và Phát triển nông thôn',
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT'],
    renamedTo: NNMT,
  },
  { canonical: 'Sở Tài nguyên và Môi trường', aliases: ['Sở TN&MT', 'Sở TNMT'], renamedTo: NNMT },
  { canonical: 'Sở Thông tin và Truyền thông', aliases: ['Sở TT&TT', 'Sở TTTT'], renamedTo: KHCN },
  { canonical: 'Sở Giao thông vận tải', aliases: ['Sở GTVT'], renamedTo: XD },
  {
    canonical: 'Sở Lao động - Thương binh và Xã hội',
    aliases: ['Sở LĐ-TB&XH', 'Sở LĐTBXH'],
    renamedTo: NV,
  },
  { canonical: 'Ban Dân tộc tỉnh', aliases: ['Ban Dân tộc'], renamedTo: DTTG },
  { canonical: 'Cục Thống kê tỉnh', aliases: ['Cục Thống kê'], renamedTo: 'Thống kê tỉnh' },
  { canonical: 'Cục Thuế tỉnh', aliases: ['Cục Thuế'], renamedTo: 'Thuế tỉnh' },
  { canonical: 'Báo tỉnh', renamedTo: BAO },
  {
    canonical: 'Đài Phát thanh - Truyền hình tỉnh',
    aliases: ['Đài PT-TH tỉnh', 'Đài PTTH tỉnh'],
    renamedTo: BAO,
  },
  { canonical: 'Ban Tuyên giáo Tỉnh ủy', renamedTo: TGDV },
  { canonical: 'Ban Dân vận Tỉnh ủy', renamedTo: TGDV },
  {
    canonical: 'UBND các huyện, thị xã, thành phố',
    aliases: [
      'UBND cấp huyện',
      'UBND các huyện',
      'UBND các huyện, thành phố',
      'UBND các huyện, thị xã',
    ],
    renamedTo: XA_PHUONG,
    changedOn: '2025-07-01',
  },

  // Other bodies that plans assign
  { canonical: 'UBND tỉnh', aliases: ['Ủy ban nhân dân tỉnh'] },
  { canonical: 'HĐND tỉnh', aliases: ['Hội đồng nhân dân tỉnh'] },
  { canonical: 'Công an tỉnh' },
  {
    canonical: 'Bộ Chỉ huy Quân sự tỉnh',
    aliases: ['Bộ CHQS tỉnh', 'BCH Quân sự tỉnh', 'Bộ Chỉ huy QS tỉnh'],
  },
  {
    canonical: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    aliases: [
      'Bộ Chỉ huy BĐBP tỉnh',
      'Bộ Chỉ huy BĐBP',
      'BĐBP tỉnh',
      'Bộ CH BĐBP tỉnh',
      'BCH BĐBP tỉnh',
    ],
  },
  { canonical: 'Thống kê tỉnh' },
  { canonical: 'Thuế tỉnh' },
  {
    canonical: 'Ngân hàng Chính sách xã hội',
    aliases: [
      'Ngân hàng Chính sách XH',
      'NHCSXH',
      'Chi nhánh Ngân hàng Chính sách xã hội tỉnh',
      'Ngân hàng Chính sách xã hội tỉnh',
    ],
  },
  {
    canonical: 'Ban Quản lý Khu kinh tế tỉnh',
    aliases: ['Ban QL Khu kinh tế tỉnh', 'BQL Khu kinh tế tỉnh', 'Ban QLKKT tỉnh'],
  },
  {
    canonical: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch',
    aliases: ['Trung tâm XTĐT, TM&DL', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh'],
  },
  { canonical: 'Trung tâm Thông tin và Hội nghị tỉnh' },
  {
    canonical: BAO,
    aliases: ['Báo và PTTH tỉnh', 'Báo và PT, TH tỉnh', 'Báo và Đài Phát thanh, Truyền hình tỉnh'],
  },
  {
    canonical: 'Hội Liên hiệp Văn học Nghệ thuật tỉnh',
    aliases: ['Hội Văn học Nghệ thuật tỉnh', 'Hội VHNT tỉnh', 'Hội LHVHNT tỉnh'],
  },
  { canonical: 'Liên hiệp các tổ chức hữu nghị tỉnh' },
  { canonical: 'Hiệp hội Du lịch tỉnh', aliases: ['Hiệp hội Du lịch'] },
  {
    canonical: 'Ủy ban MTTQ Việt Nam tỉnh',
    aliases: [
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'Ủy ban MTTQ tỉnh',
      'UBMTTQ tỉnh',
      'UB MTTQ tỉnh',
      'MTTQ tỉnh',
    ],
  },
  { canonical: 'Tỉnh đoàn', aliases: ['Tỉnh Đoàn', 'Đoàn Thanh niên tỉnh'] },
  { canonical: 'Hội Liên hiệp Phụ nữ tỉnh', aliases: ['Hội LHPN tỉnh', 'Hội Liên hiệp Phụ nữ'] },
  { canonical: 'Hội Nông dân tỉnh', aliases: ['Hội Nông dân', 'Hội ND tỉnh'] },
  { canonical: 'Liên đoàn Lao động tỉnh', aliases: ['LĐLĐ tỉnh', 'Liên đoàn Lao động'] },
  {
    canonical: XA_PHUONG,
    aliases: [
      'UBND các xã phường',
      'UBND các phường, xã',
      'UBND các xã, phường, thị trấn',
      'UBND các địa phương',
      'UBND xã, phường',
      'UBND cấp xã',
    ],
  },

  // Party bodies
  { canonical: 'Tỉnh ủy' },
  { canonical: 'Thường trực Tỉnh ủy' },
  { canonical: 'Ban Thường vụ Tỉnh ủy', aliases: ['BTV Tỉnh ủy'] },
  { canonical: 'Đảng ủy UBND tỉnh' },
  { canonical: 'Đảng ủy HĐND tỉnh', aliases: ['Đảng ủy Hội đồng Nhân dân tỉnh'] },
  { canonical: 'Đảng ủy các cơ quan Đảng tỉnh' },
  { canonical: 'Đảng ủy các cấp' },
  { canonical: TGDV, aliases: ['Ban Tuyên giáo và Dân vận'] },

  // Generic phrases (name nobody accountable)
  {
    canonical: 'Các sở, ban, ngành, địa phương liên quan',
    aliases: ['Các sở, ban, ngành, địa phương', 'Các sở, ban, ngành, địa phương có liên quan'],
    generic: true,
  },
  {
    canonical: 'Các cơ quan, đơn vị liên quan',
    aliases: ['Các cơ quan, đơn vị có liên quan', 'Các cơ quan, đơn vị'],
    generic: true,
  },
  { canonical: 'Các sở, ngành có liên quan', aliases: ['Các sở, ngành liên quan'], generic: true },
  { canonical: 'Các tổ chức đoàn thể', generic: true },
  { canonical: 'Các địa phương', aliases: ['Các địa phương liên quan'], generic: true },
  { canonical: 'Các sở, ngành và các địa phương liên quan', generic: true },
];

const B_TC = 'Bộ Tài chính';
const B_NV = 'Bộ Nội vụ';
const B_NNMT = 'Bộ Nông nghiệp và Môi trường';
const B_KHCN = 'Bộ Khoa học và Công nghệ';
const B_XD = 'Bộ Xây dựng';
const B_DTTG = 'Bộ Dân tộc và Tôn giáo';
const B_NG = 'Bộ Ngoại giao';
const TGDV_TW = 'Ban Tuyên giáo và Dân vận Trung ương';
/** Nghị quyết 176/2025/QH15 took effect on 1 March 2025. */
const NQ176 = '2025-03-01';

/** Central level: ministries, ministerial-level and Government agencies, central Party and mass bodies. */
const CENTRAL: AgencyEntry[] = [
  // The 14 ministries and 3 ministerial-level agencies since 1 March 2025 (Nghị quyết 176/2025/QH15)
  { canonical: 'Bộ Quốc phòng', aliases: ['BQP'] },
  { canonical: 'Bộ Công an', aliases: ['BCA'] },
  { canonical: B_NG, aliases: ['BNG'] },
  { canonical: B_NV, aliases: ['BNV'] },
  { canonical: 'Bộ Tư pháp', aliases: ['BTP'] },
  { canonical: B_TC, aliases: ['BTC'] },
  { canonical: 'Bộ Công Thương', aliases: ['Bộ Công thương', 'BCT'] },
  { canonical: B_NNMT, aliases: ['Bộ NN&MT', 'Bộ NNMT', 'Bộ NN và MT'] },
  { canonical: B_XD, aliases: ['BXD'] },
  {
    canonical: 'Bộ Văn hóa, Thể thao và Du lịch',
    aliases: ['Bộ VHTTDL', 'Bộ VH,TT&DL', 'Bộ VHTT&DL', 'Bộ VH, TT và DL'],
  },
  { canonical: B_KHCN, aliases: ['Bộ KH&CN', 'Bộ KHCN', 'Bộ Khoa học Công nghệ'] },
  { canonical: 'Bộ Giáo dục và Đào tạo', aliases: ['Bộ GD&ĐT', 'Bộ GDĐT'] },
  { canonical: 'Bộ Y tế', aliases: ['BYT'] },
  { canonical: B_DTTG, aliases: ['Bộ DT&TG', 'Bộ DTTG'] },
  { canonical: 'Ngân hàng Nhà nước Việt Nam', aliases: ['NHNN Việt Nam'] },
  { canonical: 'Thanh tra Chính phủ', aliases: ['TTCP'] },
  { canonical: 'Văn phòng Chính phủ', aliases: ['VPCP'] },

  // The bodies of the 18 + 4 list (Nghị quyết 08/2021/QH15) that no longer exist since 1 March 2025
  {
    canonical: 'Bộ Kế hoạch và Đầu tư',
    aliases: ['Bộ KH&ĐT', 'Bộ KHĐT'],
    renamedTo: B_TC,
    changedOn: NQ176,
  },
  {
    canonical: 'Bộ Nông nghiệp và Phát triển nông thôn',
    aliases: ['Bộ NN&PTNT', 'Bộ NNPTNT'],
    renamedTo: B_NNMT,
    changedOn: NQ176,
  },
  {
    canonical: 'Bộ Tài nguyên và Môi trường',
    aliases: ['Bộ TN&MT', 'Bộ TNMT'],
    renamedTo: B_NNMT,
    changedOn: NQ176,
  },
  {
    canonical: 'Bộ Thông tin và Truyền thông',
    aliases: ['Bộ TT&TT', 'Bộ TTTT'],
    renamedTo: B_KHCN,
    changedOn: NQ176,
  },
  { canonical: 'Bộ Giao thông vận tải', aliases: ['Bộ GTVT'], renamedTo: B_XD, changedOn: NQ176 },
  {
    canonical: 'Bộ Lao động - Thương binh và Xã hội',
    aliases: ['Bộ LĐ-TB&XH', 'Bộ LĐTBXH', 'Bộ LĐTB&XH'],
    renamedTo: B_NV,
    changedOn: NQ176,
  },
  { canonical: 'Ủy ban Dân tộc', aliases: ['UBDT'], renamedTo: B_DTTG, changedOn: NQ176 },

  // Government agencies (cơ quan thuộc Chính phủ) and other central state bodies
  { canonical: 'Đài Truyền hình Việt Nam', aliases: ['VTV'] },
  { canonical: 'Đài Tiếng nói Việt Nam', aliases: ['VOV'] },
  { canonical: 'Thông tấn xã Việt Nam', aliases: ['TTXVN'] },
  {
    canonical: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    aliases: ['Viện Hàn lâm KH&CN Việt Nam'],
  },
  { canonical: 'Viện Hàn lâm Khoa học xã hội Việt Nam', aliases: ['Viện Hàn lâm KHXH Việt Nam'] },
  { canonical: 'Chính phủ' },
  { canonical: 'Quốc hội' },
  { canonical: 'Kiểm toán Nhà nước' },
  { canonical: 'Tòa án nhân dân tối cao', aliases: ['TANDTC'] },
  { canonical: 'Viện kiểm sát nhân dân tối cao', aliases: ['VKSNDTC'] },

  // Central Party bodies (after the 2025 mergers)
  {
    canonical: 'Ban Chấp hành Trung ương',
    aliases: ['Ban Chấp hành Trung ương Đảng', 'BCH Trung ương'],
  },
  { canonical: 'Bộ Chính trị' },
  { canonical: 'Ban Bí thư' },
  { canonical: 'Văn phòng Trung ương Đảng' },
  { canonical: 'Ban Tổ chức Trung ương', aliases: ['Ban Tổ chức TW'] },
  { canonical: TGDV_TW, aliases: ['Ban Tuyên giáo và Dân vận TW'] },
  {
    canonical: 'Ban Chính sách, chiến lược Trung ương',
    aliases: ['Ban Chính sách, chiến lược TW'],
  },
  { canonical: 'Ban Nội chính Trung ương', aliases: ['Ban Nội chính TW'] },
  { canonical: 'Ủy ban Kiểm tra Trung ương', aliases: ['UBKT Trung ương', 'UBKTTW'] },
  { canonical: 'Đảng ủy các cơ quan Đảng Trung ương' },
  { canonical: 'Đảng ủy Chính phủ' },
  { canonical: 'Đảng ủy Quốc hội' },
  {
    canonical: 'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương',
    aliases: ['Đảng ủy MTTQ, các đoàn thể Trung ương'],
  },
  {
    canonical: 'Ban Tuyên giáo Trung ương',
    aliases: ['Ban Tuyên giáo TW'],
    renamedTo: TGDV_TW,
    changedOn: '2025-02-03',
  },
  {
    canonical: 'Ban Dân vận Trung ương',
    aliases: ['Ban Dân vận TW'],
    renamedTo: TGDV_TW,
    changedOn: '2025-02-03',
  },
  {
    canonical: 'Ban Kinh tế Trung ương',
    aliases: ['Ban Kinh tế TW'],
    renamedTo: 'Ban Chính sách, chiến lược Trung ương',
  },
  { canonical: 'Ban Đối ngoại Trung ương', aliases: ['Ban Đối ngoại TW'], renamedTo: B_NG },

  // Central mass organisations
  {
    canonical: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
    aliases: ['Ủy ban Trung ương MTTQ Việt Nam', 'UBTW MTTQ Việt Nam', 'Ủy ban TW MTTQ Việt Nam'],
  },
  {
    canonical: 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    aliases: ['Trung ương Đoàn TNCS Hồ Chí Minh', 'Trung ương Đoàn', 'TW Đoàn'],
  },
  {
    canonical: 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
    aliases: ['Trung ương Hội LHPN Việt Nam', 'Hội Liên hiệp Phụ nữ Việt Nam', 'Hội LHPN Việt Nam'],
  },
  { canonical: 'Tổng Liên đoàn Lao động Việt Nam', aliases: ['Tổng LĐLĐ Việt Nam', 'TLĐLĐVN'] },
  { canonical: 'Trung ương Hội Nông dân Việt Nam', aliases: ['Hội Nông dân Việt Nam'] },
  { canonical: 'Trung ương Hội Cựu chiến binh Việt Nam', aliases: ['Hội Cựu chiến binh Việt Nam'] },
  { canonical: 'Liên hiệp các Hội Văn học nghệ thuật Việt Nam' },
  { canonical: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam' },
  { canonical: 'Liên hiệp các tổ chức hữu nghị Việt Nam' },
];

/**
 * Provincial bodies as central plans address them, all at once (provincial level: the bodies are
 * the provinces' own).
 */
const PROVINCES_AS_ADDRESSEES: AgencyEntry[] = [
  {
    canonical: 'UBND các tỉnh, thành phố trực thuộc Trung ương',
    aliases: [
      'UBND các tỉnh, thành phố',
      'UBND các tỉnh, thành phố trực thuộc TW',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
      'UBND các tỉnh, TP trực thuộc TW',
    ],
  },
];

/** Commune level (xã, phường, đặc khu) after 1 July 2025: no district level any more. */
const COMMUNE: AgencyEntry[] = [
  { canonical: 'HĐND xã', aliases: ['Hội đồng nhân dân xã'] },
  { canonical: 'Đảng ủy xã' },
  { canonical: 'Đảng ủy phường' },
  { canonical: 'Ủy ban MTTQ Việt Nam xã', aliases: ['Ủy ban MTTQ xã', 'UBMTTQ xã'] },
  { canonical: 'Công an xã' },
  { canonical: 'Công an phường' },
  {
    canonical: 'Văn phòng HĐND và UBND xã',
    aliases: ['Văn phòng HĐND và UBND', 'Văn phòng HĐND - UBND', 'VP HĐND và UBND'],
  },
  { canonical: 'Phòng Kinh tế', aliases: ['Phòng Kinh tế xã'] },
  {
    canonical: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    aliases: ['Phòng Kinh tế - Hạ tầng - Đô thị', 'Phòng KT, HT&ĐT'],
  },
  {
    canonical: 'Phòng Văn hóa - Xã hội',
    aliases: ['Phòng Văn hóa và Xã hội', 'Phòng VH-XH', 'Phòng VHXH'],
  },
  { canonical: 'Trung tâm Phục vụ hành chính công xã' },
];

/**
 * Sets each entry's level (generic phrases have none). "UBND các xã, phường" stays in the provincial
 * group: provincial plans address the province's communes as one party.
 */
function withLevel(entries: AgencyEntry[], level: AgencyLevel): AgencyEntry[] {
  return entries.map((e) => (e.generic ? e : { ...e, level }));
}

/**
 * Every built-in entry. Provincial first (the order the dictionary had before the other levels
 * were added, so that a key shared with a later entry keeps its reading), then central, then commune.
 */
export const BUILTIN_AGENCIES: AgencyEntry[] = [
  ...withLevel(PROVINCIAL_AND_GENERIC, 'provincial'),
  ...withLevel(CENTRAL, 'central'),
  ...withLevel(PROVINCES_AS_ADDRESSEES, 'provincial'),
  ...withLevel(COMMUNE, 'commune'),
];
