/**
 * Test helper: small appendices as data (sections of tasks) and their sheet snapshots, for the
 * comparison and gathering tests. Task texts are distinct, realistic phrases that are far apart
 * (no two are alike enough to be taken for one task), so a test knows which task is which.
 */
import type { CellValue, SheetSnapshot } from '../../src/engine/types';

export const PHRASES = [
  'Xây dựng kế hoạch phát triển du lịch cộng đồng gắn với bảo tồn văn hóa các dân tộc',
  'Rà soát quy hoạch sử dụng đất tại các khu du lịch trọng điểm của tỉnh',
  'Tổ chức lễ hội hoa tam giác mạch và chuỗi sự kiện mùa thu vùng cao',
  'Hoàn thiện hạ tầng giao thông kết nối cửa khẩu quốc tế với các điểm tham quan',
  'Đào tạo nghiệp vụ hướng dẫn viên, lễ tân và nhân viên buồng phòng',
  'Số hóa dữ liệu di tích lịch sử và xây dựng bản đồ số điểm đến',
  'Kiểm tra an toàn thực phẩm tại nhà hàng, quán ăn phục vụ khách',
  'Xúc tiến quảng bá sản phẩm OCOP tại hội chợ trong nước và quốc tế',
  'Ban hành cơ chế hỗ trợ doanh nghiệp đầu tư homestay chất lượng cao',
  'Thu hút nguồn vốn xã hội hóa cho khu nghỉ dưỡng ven hồ thủy điện',
  'Tăng cường tuần tra bảo đảm an ninh trật tự tại điểm du lịch đông khách',
  'Phục dựng nghề dệt thổ cẩm truyền thống phục vụ khách trải nghiệm',
  'Lắp đặt biển chỉ dẫn song ngữ trên tuyến đường lên đỉnh Fansipan',
  'Khảo sát mức độ hài lòng của du khách về chất lượng dịch vụ lưu trú',
  'Phát triển tuyến xe buýt nội tỉnh phục vụ người dân và du khách',
  'Bảo vệ rừng đầu nguồn và cảnh quan ruộng bậc thang Mù Cang Chải',
  'Nâng cấp trạm y tế xã ở vùng sâu, vùng xa có nhiều khách lưu trú',
  'Triển khai thanh toán không dùng tiền mặt tại chợ phiên Bắc Hà',
  'Tuyên truyền nếp sống văn minh, ứng xử thân thiện với khách quốc tế',
  'Xử lý rác thải sinh hoạt tại thị trấn và các bản làng ven suối',
  'Lập hồ sơ đề nghị công nhận di sản văn hóa phi vật thể cấp quốc gia',
  'Mở lớp tiếng Anh giao tiếp miễn phí cho thanh niên dân tộc thiểu số',
  'Cải tạo nhà văn hóa thôn làm điểm biểu diễn nghệ thuật dân gian',
  'Thống kê số lượt khách và doanh thu du lịch hằng tháng theo mẫu mới',
  'Chấn chỉnh tình trạng chèo kéo, nâng giá dịch vụ ở khu vực trung tâm',
  'Hướng dẫn doanh nghiệp lữ hành xây dựng tour khám phá biên giới',
];

export const AGENCIES = [
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Y tế',
  'Sở Ngoại vụ',
  'Công an tỉnh',
];

/** Deadline texts and their due dates (two say the same date in other words). */
export const DEADLINES: Record<string, string> = {
  'Quý I/2026': '2026-03-31',
  'Quý II/2026': '2026-06-30',
  '30/6/2026': '2026-06-30',
  'Quý III/2026': '2026-09-30',
  'Tháng 5/2026': '2026-05-31',
  '31/10/2026': '2026-10-31',
  'Năm 2026': '2026-12-31',
};
export const DEADLINE_TEXTS = Object.keys(DEADLINES);

export const STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'];

export interface GenTask {
  tt: string;
  text: string;
  lead: string;
  support: string;
  deadline: string;
  status: string;
  doneDate: string;
  result: string;
}

export interface GenSection {
  label: string;
  title: string;
  tasks: GenTask[];
}

export const TRACKING_HEADERS = ['Tình trạng', 'Ngày hoàn thành', 'Kết quả / minh chứng'];
const BASE_HEADERS = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
];

export interface SheetLayout {
  name?: string;
  /** Write the three tracking columns (F:H). Default true. */
  tracking?: boolean;
  /** Repeat the header row before each section after the first (a printed page break). */
  repeatHeader?: boolean;
}

export interface Built {
  snapshot: SheetSnapshot;
  /** `${section}/${tt}` → 1-based sheet row. */
  rowOf: Map<string, number>;
}

/** The appendix as a sheet: a title row, the header, then each section row and its task rows. */
export function buildSheet(sections: GenSection[], layout: SheetLayout = {}): Built {
  const tracking = layout.tracking ?? true;
  const headers = tracking ? [...BASE_HEADERS, ...TRACKING_HEADERS] : BASE_HEADERS;
  const width = headers.length;
  const values: CellValue[][] = [];
  const pad = (cells: CellValue[]) => {
    const row = cells.slice(0, width);
    while (row.length < width) row.push(null);
    return row;
  };
  values.push(pad(['KẾ HOẠCH THỰC HIỆN NHIỆM VỤ NĂM 2026']));
  values.push(pad(headers));
  const rowOf = new Map<string, number>();
  sections.forEach((s, i) => {
    if (i > 0 && layout.repeatHeader) values.push(pad(headers));
    values.push(pad([s.label, s.title]));
    for (const task of s.tasks) {
      const cells: CellValue[] = [
        task.tt,
        task.text,
        task.lead,
        task.support || null,
        task.deadline,
      ];
      if (tracking) cells.push(task.status || null, task.doneDate || null, task.result || null);
      values.push(pad(cells.map((c) => (c === '' ? null : c))));
      rowOf.set(`${s.label}/${task.tt}`, values.length);
    }
  });
  return { snapshot: { name: layout.name ?? 'Phụ lục', values }, rowOf };
}

export function cloneSections(sections: GenSection[]): GenSection[] {
  return sections.map((s) => ({ ...s, tasks: s.tasks.map((x) => ({ ...x })) }));
}
