import { analyze, grid, H6, row6 } from '../helpers/grid';
it('x', () => {
  const r = analyze(grid(H6, [row6('1', 'Tổ chức hội nghị sơ kết trong quý II và tổng kết vào quý IV/2026', 'Sở Y tế', ''), row6('2', 'Nhiệm vụ B', 'Sở Y tế', 'Quý I/2026')]));
  console.log(JSON.stringify(r.tasks[0].task), JSON.stringify(r.tasks[0].deadline), r.findings.map((f) => f.messageId).join(','));
  const r2 = analyze(grid(H6, [['1', 'Nhiệm vụ A', '', 'Sở Y tế', 'Khai mạc ngày 18/4/2026, bế mạc ngày 25/4/2026', ''], row6('2', 'Nhiệm vụ B', 'Sở Y tế', 'Quý I/2026')]));
  console.log(JSON.stringify(r2.tasks[0].support), JSON.stringify(r2.tasks[0].deadline), r2.findings.map((f) => f.messageId).join(','));
});
