#!/usr/bin/env node
/**
 * The "real workbooks" corpus (issue 17): valid workbooks shaped the way real files are, which the
 * xlsx library underneath used to hang on or refuse. Committed in test/fixtures/real/ and rebuilt
 * by this script. Every file starts as the sample appendix written by ExcelJS and is then edited as
 * a zip (JSZip, ExcelJS's own dependency) into the shape that other writers produce: OpenXML SDK
 * style `x:` prefixes, inline strings, rows and cells without `r`, part paths of their own, XML
 * maps, icon-set filters, whole-column validations and conditional formats, tens of thousands of
 * merges, a large shared-string table; and parts the checked copy must keep (a chart and a chart
 * sheet, a PivotTable and its cache, comments, a macro project, an external link, hyperlinks,
 * custom XML, printer settings). `libreoffice.xlsx` is the sample converted by LibreOffice
 * (`soffice --headless --convert-to xlsx`); it is rebuilt only when `soffice` is installed and is
 * not byte-stable (LibreOffice stamps dates), so the test does not compare its bytes.
 *
 *   node test/robustness/real-corpus.js            # writes test/fixtures/real/*
 *   node test/robustness/real-corpus.js /tmp/out   # writes into another folder
 *
 * Small on purpose (the heavy files are heavy in what they name, not in bytes): well under 2 MB.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const EXCELJS_DIR = path.dirname(require.resolve('exceljs/package.json'));
const JSZip = require(require.resolve('jszip', { paths: [EXCELJS_DIR] }));
const fixtures = require('../fixtures/generate.js');

const { FIXED_DATE } = fixtures;
const DEFAULT_OUT = path.join(__dirname, '..', 'fixtures', 'real');
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const HEADER = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Tình trạng',
];
const TASKS = [
  ['I', 'PHÁT TRIỂN SẢN PHẨM DU LỊCH'],
  [
    '1',
    'Xây dựng kế hoạch phát triển du lịch năm 2026',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Sở Tài chính; UBND các xã, phường',
    'Quý II/2026',
    'Đang thực hiện',
  ],
  [
    '2',
    'Tổ chức Lễ hội Hoa Tam giác mạch',
    'UBND xã Bắc Hà',
    'Sở VHTTDL',
    'Quý IV/2026',
    'Chưa thực hiện',
  ],
  ['II', 'HẠ TẦNG'],
  [
    '1',
    'Rà soát hạ tầng giao thông kết nối các điểm du lịch',
    'Sở Xây dựng',
    'Sở Tài chính',
    'Năm 2026',
    'Đã hoàn thành',
  ],
  ['2', 'Chuyển đổi số trong quản lý du lịch', 'Sở Khoa học và Công nghệ', '', 'Thường xuyên', ''],
];

/** The sample appendix written by ExcelJS: title, header at row 3, six rows; sheet1.xml. */
async function baseBytes({ extraSheet = false } = {}) {
  const wb = fixtures.newWorkbook('Phân công real corpus');
  const ws = wb.addWorksheet('Phụ lục');
  ws.getCell('A1').value = 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = HEADER;
  ws.getRow(3).font = { bold: true };
  TASKS.forEach((r, i) => (ws.getRow(4 + i).values = r));
  ws.getColumn(2).width = 50;
  if (extraSheet) wb.addWorksheet('Ghi chú').getCell('A1').value = 'Ghi chú';
  return fixtures.toBuffer(wb);
}

/** Zip → bytes with fixed entry dates (deterministic), entries in the zip's own order. */
async function zipBytes(zip) {
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

const put = (zip, name, text) => zip.file(name, text, { date: FIXED_DATE, createFolders: false });
const get = (zip, name) => zip.file(name).async('string');

async function edit(zip, name, fn) {
  put(zip, name, fn(await get(zip, name)));
}

/** Insert XML into a worksheet just before the first of the elements named (schema order). */
function insertBefore(xml, names, fragment) {
  for (const n of names) {
    const i = xml.indexOf(`<${n}`);
    if (i >= 0) return xml.slice(0, i) + fragment + xml.slice(i);
  }
  return xml.replace('</worksheet>', `${fragment}</worksheet>`);
}

const AFTER_SHEETDATA = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const from = (name) => AFTER_SHEETDATA.slice(AFTER_SHEETDATA.indexOf(name));

async function addContentType(zip, partName, type) {
  await edit(zip, '[Content_Types].xml', (x) =>
    x.replace('</Types>', `<Override PartName="${partName}" ContentType="${type}"/></Types>`),
  );
}
async function addDefault(zip, ext, type) {
  await edit(zip, '[Content_Types].xml', (x) =>
    x.includes(`Extension="${ext}"`)
      ? x
      : x.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`),
  );
}
async function addRel(zip, relsName, id, type, target, external = false) {
  const existing = zip.file(relsName)
    ? await get(zip, relsName)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
  put(
    zip,
    relsName,
    existing.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`,
    ),
  );
}
const RT = (t) => `${REL_NS}/${t}`;

async function withBase(fn, opts) {
  const zip = await JSZip.loadAsync(await baseBytes(opts));
  await fn(zip);
  return zipBytes(zip);
}

// ---------------------------------------------------------------------------------------------
// Parts that the checked copy must keep (each added as another writer would)

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Phụ lục'!$A$5:$A$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING_XML = (rid) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

async function addChart(zip) {
  put(zip, 'xl/charts/chart1.xml', CHART_XML);
  await addContentType(
    zip,
    '/xl/charts/chart1.xml',
    'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  );
  put(zip, 'xl/drawings/drawing1.xml', DRAWING_XML('rId1'));
  await addContentType(
    zip,
    '/xl/drawings/drawing1.xml',
    'application/vnd.openxmlformats-officedocument.drawing+xml',
  );
  await addRel(
    zip,
    'xl/drawings/_rels/drawing1.xml.rels',
    'rId1',
    RT('chart'),
    '../charts/chart1.xml',
  );
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rIdDr1',
    RT('drawing'),
    '../drawings/drawing1.xml',
  );
  await edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
    insertBefore(x, from('drawing'), '<drawing r:id="rIdDr1"/>'),
  );
}

async function addChartSheet(zip) {
  put(zip, 'xl/charts/chart2.xml', CHART_XML);
  await addContentType(
    zip,
    '/xl/charts/chart2.xml',
    'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  );
  put(
    zip,
    'xl/drawings/drawing2.xml',
    DRAWING_XML('rId1').replace('twoCellAnchor>', 'twoCellAnchor>'),
  );
  await addContentType(
    zip,
    '/xl/drawings/drawing2.xml',
    'application/vnd.openxmlformats-officedocument.drawing+xml',
  );
  await addRel(
    zip,
    'xl/drawings/_rels/drawing2.xml.rels',
    'rId1',
    RT('chart'),
    '../charts/chart2.xml',
  );
  put(
    zip,
    'xl/chartsheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
  );
  await addContentType(
    zip,
    '/xl/chartsheets/sheet1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  );
  await addRel(
    zip,
    'xl/chartsheets/_rels/sheet1.xml.rels',
    'rId1',
    RT('drawing'),
    '../drawings/drawing2.xml',
  );
  await addRel(
    zip,
    'xl/_rels/workbook.xml.rels',
    'rIdCs1',
    RT('chartsheet'),
    'chartsheets/sheet1.xml',
  );
  await edit(zip, 'xl/workbook.xml', (x) =>
    x.replace('</sheets>', '<sheet name="Biểu đồ" sheetId="9" r:id="rIdCs1"/></sheets>'),
  );
}

async function addPivot(zip) {
  put(
    zip,
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="C3:C5" sheet="Phụ lục"/></cacheSource><cacheFields count="1"><cacheField name="Cơ quan chủ trì" numFmtId="0"><sharedItems count="2"><s v="Sở Văn hóa, Thể thao và Du lịch"/><s v="UBND xã Bắc Hà"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  put(
    zip,
    'xl/pivotCache/pivotCacheRecords1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN_NS}" count="2"><r><x v="0"/></r><r><x v="1"/></r></pivotCacheRecords>`,
  );
  put(
    zip,
    'xl/pivotTables/pivotTable1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN_NS}" name="PivotTable1" cacheId="1" dataCaption="Values" createdVersion="6" updatedVersion="6"><location ref="A1:A4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems></pivotTableDefinition>`,
  );
  await addContentType(
    zip,
    '/xl/pivotCache/pivotCacheDefinition1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  );
  await addContentType(
    zip,
    '/xl/pivotCache/pivotCacheRecords1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  );
  await addContentType(
    zip,
    '/xl/pivotTables/pivotTable1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  );
  await addRel(
    zip,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    'rId1',
    RT('pivotCacheRecords'),
    'pivotCacheRecords1.xml',
  );
  await addRel(
    zip,
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    'rId1',
    RT('pivotCacheDefinition'),
    '../pivotCache/pivotCacheDefinition1.xml',
  );
  await addRel(
    zip,
    'xl/_rels/workbook.xml.rels',
    'rIdPc1',
    RT('pivotCacheDefinition'),
    'pivotCache/pivotCacheDefinition1.xml',
  );
  await edit(zip, 'xl/workbook.xml', (x) =>
    x.replace(
      /(<\/sheets>(?:<definedNames>[\s\S]*?<\/definedNames>)?)(<calcPr[^>]*\/>)?/,
      '$1$2<pivotCaches><pivotCache cacheId="1" r:id="rIdPc1"/></pivotCaches>',
    ),
  );
  // The PivotTable sits on the second sheet.
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet2.xml.rels',
    'rIdPt1',
    RT('pivotTable'),
    '../pivotTables/pivotTable1.xml',
  );
}

async function addComments(zip) {
  put(
    zip,
    'xl/comments1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Chuyên viên</author></authors><commentList><comment ref="C5" authorId="0"><text><r><t>Xác nhận lại với Sở VHTTDL</t></r></text></comment></commentList></comments>`,
  );
  put(
    zip,
    'xl/drawings/vmlDrawing1.vml',
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>`,
  );
  await addContentType(
    zip,
    '/xl/comments1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  );
  await addDefault(zip, 'vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rIdCm1',
    RT('comments'),
    '../comments1.xml',
  );
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rIdVml1',
    RT('vmlDrawing'),
    '../drawings/vmlDrawing1.vml',
  );
  await edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
    insertBefore(x, from('legacyDrawing'), '<legacyDrawing r:id="rIdVml1"/>'),
  );
}

async function addMacros(zip) {
  // Not a real VBA project: bytes stand in for it; what matters is that the part and the macro
  // content type survive the copy unchanged.
  zip.file(
    'xl/vbaProject.bin',
    Buffer.from('D0CF11E0A1B11AE1 stand-in for a VBA project', 'latin1'),
    { date: FIXED_DATE, createFolders: false },
  );
  await addDefault(zip, 'bin', 'application/vnd.ms-office.vbaProject');
  await addRel(
    zip,
    'xl/_rels/workbook.xml.rels',
    'rIdVba1',
    'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
    'vbaProject.bin',
  );
  await edit(zip, '[Content_Types].xml', (x) =>
    x.replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    ),
  );
}

async function addExternalLink(zip) {
  put(
    zip,
    'xl/externalLinks/externalLink1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="n"><v>12</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  await addRel(
    zip,
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    'rId1',
    RT('externalLinkPath'),
    'file:///C:/BaoCao/tong-hop-2026.xlsx',
    true,
  );
  await addContentType(
    zip,
    '/xl/externalLinks/externalLink1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
  );
  await addRel(
    zip,
    'xl/_rels/workbook.xml.rels',
    'rIdExt1',
    RT('externalLink'),
    'externalLinks/externalLink1.xml',
  );
  await edit(zip, 'xl/workbook.xml', (x) =>
    x.replace(
      '</sheets>',
      '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>',
    ),
  );
}

async function addHyperlinks(zip) {
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rIdH1',
    RT('hyperlink'),
    'https://laocai.gov.vn/',
    true,
  );
  await edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
    insertBefore(
      x,
      from('hyperlinks'),
      '<hyperlinks><hyperlink ref="B5" r:id="rIdH1"/><hyperlink ref="B6" location="\'Phụ lục\'!A1" display="Đầu trang"/></hyperlinks>',
    ),
  );
}

async function addCustomXml(zip) {
  put(
    zip,
    'customXml/item1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><hoSo xmlns="urn:phancong:test"><soHieu>123/KH-UBND</soHieu></hoSo>',
  );
  put(
    zip,
    'customXml/itemProps1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6F1C5A8E-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  await addRel(
    zip,
    'customXml/_rels/item1.xml.rels',
    'rId1',
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
    'itemProps1.xml',
  );
  await addContentType(
    zip,
    '/customXml/itemProps1.xml',
    'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  );
  await addRel(
    zip,
    'xl/_rels/workbook.xml.rels',
    'rIdCx1',
    RT('customXml'),
    '../customXml/item1.xml',
  );
}

async function addPrinterSettings(zip) {
  zip.file('xl/printerSettings/printerSettings1.bin', Buffer.alloc(64, 0x2a), {
    date: FIXED_DATE,
    createFolders: false,
  });
  await addDefault(
    zip,
    'bin',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings',
  );
  await addRel(
    zip,
    'xl/worksheets/_rels/sheet1.xml.rels',
    'rIdPs1',
    RT('printerSettings'),
    '../printerSettings/printerSettings1.bin',
  );
  await edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
    x.replace(/<pageSetup([^/]*)\/>/, '<pageSetup$1 r:id="rIdPs1"/>'),
  );
}

async function addDefinedName(zip) {
  await edit(zip, 'xl/workbook.xml', (x) =>
    x.includes('<definedNames>')
      ? x.replace(
          '<definedNames>',
          '<definedNames><definedName name="DanhSachCoQuan">\'Phụ lục\'!$C$4:$C$9</definedName>',
        )
      : x.replace(
          '</sheets>',
          '</sheets><definedNames><definedName name="DanhSachCoQuan">\'Phụ lục\'!$C$4:$C$9</definedName></definedNames>',
        ),
  );
}

// ---------------------------------------------------------------------------------------------
// Shapes other writers give the same content

/** Every element of the spreadsheetml namespace written with an `x:` prefix (OpenXML SDK style). */
function prefixed(xml) {
  const root = /<(worksheet|workbook|sst|styleSheet)\b/.exec(xml);
  if (!root) return xml;
  const body = xml
    .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash, name) =>
      name.includes(':') ? m : `<${slash}x:${name}`,
    )
    .replace(` xmlns="${MAIN_NS}"`, ` xmlns:x="${MAIN_NS}"`);
  return body;
}

/** Cells written as inline strings (t="inlineStr"), as report servers do, and no sharedStrings part. */
function inlineStrings(sheetXml, strings) {
  return sheetXml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (m, a, b, i) => {
    const text = strings[Number(i)].replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return `<c ${a}t="inlineStr"${b}><is><t xml:space="preserve">${text}</t></is></c>`;
  });
}

function parseSst(xml) {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)]
      .map((t) => t[1])
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

const CORPUS = [
  {
    file: 'exceljs-plain.xlsx',
    expect: 'read',
    about: 'the sample appendix as ExcelJS writes it (the baseline)',
    build: () => baseBytes(),
  },
  {
    file: 'validation-8-columns.xlsx',
    expect: 'read',
    heavy: true,
    about:
      'a list validation on 8 whole columns (A1:A1048576 … H1:H1048576), as staff add to status columns',
    build: () =>
      withBase((zip) =>
        edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
          insertBefore(
            x,
            from('dataValidations'),
            `<dataValidations count="8">${'ABCDEFGH'
              .split('')
              .map(
                (c) =>
                  `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${c}1:${c}1048576"><formula1>"Đang thực hiện,Đã hoàn thành,Chưa thực hiện"</formula1></dataValidation>`,
              )
              .join('')}</dataValidations>`,
          ),
        ),
      ),
  },
  {
    file: 'validation-whole-sheet.xlsx',
    expect: 'read',
    heavy: true,
    about:
      'one validation over the whole sheet (A1:XFD1048576) and one over whole columns written F:G',
    build: () =>
      withBase((zip) =>
        edit(zip, 'xl/worksheets/sheet1.xml', (x) =>
          insertBefore(
            x,
            from('dataValidations'),
            '<dataValidations count="2"><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A1:XFD1048576"><formula1>32000</formula1></dataValidation><dataValidation type="list" allowBlank="1" sqref="F:G"><formula1>"Có,Không"</formula1></dataValidation></dataValidations>',
          ),
        ),
      ),
  },
  {
    file: 'conditional-filter-whole-columns.xlsx',
    expect: 'read',
    heavy: true,
    about:
      'conditional formats over whole columns and the whole sheet, an autofilter over whole columns',
    build: () =>
      withBase(async (zip) => {
        await edit(zip, 'xl/styles.xml', (x) =>
          x.replace(
            /<dxfs count="0"\/>/,
            '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
          ),
        );
        await edit(zip, 'xl/worksheets/sheet1.xml', (x) => {
          const withFilter = insertBefore(x, from('autoFilter'), '<autoFilter ref="A3:F1048576"/>');
          return insertBefore(
            withFilter,
            from('conditionalFormatting'),
            '<conditionalFormatting sqref="E1:E1048576"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Quý"><formula>NOT(ISERROR(SEARCH("Quý",E1)))</formula></cfRule></conditionalFormatting><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="2"><formula>ISERROR(A1)</formula></cfRule></conditionalFormatting>',
          );
        });
      }),
  },
  {
    file: 'merges-20000.xlsx',
    expect: 'read',
    heavy: true,
    about: '20,000 merged ranges (two-cell merges in a wide notes area beside the table)',
    build: () =>
      withBase((zip) =>
        edit(zip, 'xl/worksheets/sheet1.xml', (x) => {
          const refs = [];
          for (let i = 0; i < 20000; i++) {
            const row = 20 + Math.floor(i / 10);
            const col = 8 + (i % 10) * 2; // H, J, L, …
            const a = fixturesCol(col);
            const b = fixturesCol(col + 1);
            refs.push(`<mergeCell ref="${a}${row}:${b}${row}"/>`);
          }
          return x.replace(
            /<mergeCells count="(\d+)">/,
            (m, n) => `<mergeCells count="${Number(n) + refs.length}">${refs.join('')}`,
          );
        }),
      ),
  },
  {
    file: 'shared-strings-60000.xlsx',
    expect: 'read',
    heavy: true,
    about: 'a shared-string table of 60,000 strings, 30,000 of them used on a notes sheet',
    build: () =>
      withBase(
        async (zip) => {
          const sst = await get(zip, 'xl/sharedStrings.xml');
          const strings = parseSst(sst);
          const base = strings.length;
          const extra = [];
          for (let i = 0; i < 60000; i++) extra.push(`<si><t>Ghi chú số ${i} về tiến độ</t></si>`);
          put(
            zip,
            'xl/sharedStrings.xml',
            sst
              .replace(
                /count="\d+" uniqueCount="\d+"/,
                `count="${base + 30000}" uniqueCount="${base + 60000}"`,
              )
              .replace('</sst>', `${extra.join('')}</sst>`),
          );
          await edit(zip, 'xl/worksheets/sheet2.xml', (x) => {
            const rows = [];
            for (let r = 1; r <= 30000; r++)
              rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${base + r * 2 - 1}</v></c></row>`);
            return x
              .replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows.join('')}</sheetData>`)
              .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:A30000"/>');
          });
        },
        { extraSheet: true },
      ),
  },
  {
    file: 'x-prefixed.xlsx',
    expect: 'read',
    about:
      'workbook, sheets, shared strings and styles written with an x: namespace prefix (OpenXML SDK, report servers)',
    build: () =>
      withBase(async (zip) => {
        for (const name of [
          'xl/workbook.xml',
          'xl/worksheets/sheet1.xml',
          'xl/sharedStrings.xml',
          'xl/styles.xml',
        ])
          await edit(zip, name, prefixed);
      }),
  },
  {
    file: 'inline-strings.xlsx',
    expect: 'read',
    about: 'every text cell an inline string (t="inlineStr"), no shared-string part at all',
    build: () =>
      withBase(async (zip) => {
        const strings = parseSst(await get(zip, 'xl/sharedStrings.xml'));
        await edit(zip, 'xl/worksheets/sheet1.xml', (x) => inlineStrings(x, strings));
        zip.remove('xl/sharedStrings.xml');
        await edit(zip, 'xl/_rels/workbook.xml.rels', (x) =>
          x.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''),
        );
        await edit(zip, '[Content_Types].xml', (x) =>
          x.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ''),
        );
      }),
  },
  {
    file: 'no-position-attributes.xlsx',
    expect: 'read',
    about:
      'rows and cells without r attributes (allowed by the format; written by streaming writers)',
    build: () =>
      withBase((zip) =>
        edit(zip, 'xl/worksheets/sheet1.xml', (x) => {
          // Every row present (empty ones too) so that the positions stay the same without r.
          const data = /<sheetData>([\s\S]*)<\/sheetData>/.exec(x)[1];
          const rows = new Map();
          for (const m of data.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g))
            rows.set(Number(m[1]), m[2]);
          const last = Math.max(...rows.keys());
          const out = [];
          for (let r = 1; r <= last; r++) {
            const cells = rows.get(r) ?? '';
            // A cell may skip r only when it follows the previous one: keep r where a gap comes first.
            let prev = 0;
            const rewritten = cells.replace(/<c r="([A-Z]+)\d+"/g, (m, letters) => {
              const col = letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
              const keep = col !== prev + 1;
              prev = col;
              return keep ? m : '<c';
            });
            out.push(`<row>${rewritten}</row>`);
          }
          return x.replace(
            /<sheetData>[\s\S]*<\/sheetData>/,
            `<sheetData>${out.join('')}</sheetData>`,
          );
        }),
      ),
  },
  {
    file: 'icon-filter.xlsx',
    expect: 'read',
    about:
      'an autofilter on an icon set (filterColumn/iconFilter) with the icon set rule it filters by',
    build: () =>
      withBase((zip) =>
        edit(zip, 'xl/worksheets/sheet1.xml', (x) => {
          const f = insertBefore(
            x,
            from('autoFilter'),
            '<autoFilter ref="A3:F9"><filterColumn colId="0"><iconFilter iconSet="3Arrows" iconId="0"/></filterColumn></autoFilter>',
          );
          return insertBefore(
            f,
            from('conditionalFormatting'),
            '<conditionalFormatting sqref="A4:A9"><cfRule type="iconSet" priority="1"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>',
          );
        }),
      ),
  },
  {
    file: 'own-part-paths.xlsx',
    expect: 'read',
    about:
      'non-standard part paths (workbook at /book/main.xml, sheets and strings named their own way), found through the relationships',
    build: () =>
      withBase(async (zip) => {
        const move = async (fromName, toName) => {
          const bytes = await zip.file(fromName).async('uint8array');
          zip.remove(fromName);
          zip.file(toName, bytes, { date: FIXED_DATE, createFolders: false });
        };
        await move('xl/workbook.xml', 'book/main.xml');
        await move('xl/worksheets/sheet1.xml', 'book/pages/Trang_Phu_luc.xml');
        await move('xl/sharedStrings.xml', 'book/text.xml');
        await move('xl/styles.xml', 'book/look.xml');
        await move('xl/theme/theme1.xml', 'book/theme.xml');
        zip.remove('xl/_rels/workbook.xml.rels');
        put(
          zip,
          'book/_rels/main.xml.rels',
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId2" Type="${RT('theme')}" Target="theme.xml"/><Relationship Id="rId1" Type="${RT('styles')}" Target="/book/look.xml"/><Relationship Id="rId4" Type="${RT('worksheet')}" Target="pages/Trang_Phu_luc.xml"/><Relationship Id="rId3" Type="${RT('sharedStrings')}" Target="text.xml"/></Relationships>`,
        );
        await edit(zip, '_rels/.rels', (x) => x.replace('xl/workbook.xml', 'book/main.xml'));
        await edit(zip, '[Content_Types].xml', (x) =>
          x
            .replace('/xl/workbook.xml', '/book/main.xml')
            .replace('/xl/worksheets/sheet1.xml', '/book/pages/Trang_Phu_luc.xml')
            .replace('/xl/sharedStrings.xml', '/book/text.xml')
            .replace('/xl/styles.xml', '/book/look.xml')
            .replace('/xl/theme/theme1.xml', '/book/theme.xml'),
        );
      }),
  },
  {
    file: 'xml-map.xlsx',
    expect: 'read',
    about: 'an XML map (xl/xmlMaps.xml with its schema) bound to the workbook',
    build: () =>
      withBase(async (zip) => {
        put(
          zip,
          'xl/xmlMaps.xml',
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<MapInfo xmlns="${MAIN_NS}" SelectionNamespaces=""><Schema ID="Schema1"><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns=""><xsd:element name="nhiemVu" type="xsd:string"/></xsd:schema></Schema><Map ID="1" Name="nhiemVu_Map" RootElement="nhiemVu" SchemaID="Schema1" ShowImportExportValidationErrors="false" AutoFit="true" Append="false" PreserveSortAFLayout="true" PreserveFormat="true"/></MapInfo>`,
        );
        await addContentType(zip, '/xl/xmlMaps.xml', 'application/xml');
        await addRel(zip, 'xl/_rels/workbook.xml.rels', 'rIdMap1', RT('xmlMaps'), 'xmlMaps.xml');
      }),
  },
  {
    file: 'keeps-everything.xlsm',
    expect: 'read',
    about:
      'a macro workbook with a chart, a chart sheet, a PivotTable and its cache, comments, an external link, hyperlinks, a defined name, custom XML and printer settings',
    build: () =>
      withBase(
        async (zip) => {
          await addChart(zip);
          await addChartSheet(zip);
          await addPivot(zip);
          await addComments(zip);
          await addMacros(zip);
          await addExternalLink(zip);
          await addHyperlinks(zip);
          await addCustomXml(zip);
          await addPrinterSettings(zip);
          await addDefinedName(zip);
        },
        { extraSheet: true },
      ),
  },
];

function fixturesCol(n) {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The sample converted by LibreOffice, or null when soffice is not installed. */
async function libreOfficeBytes() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-lo-'));
  try {
    const input = path.join(dir, 'mau.xlsx');
    fs.writeFileSync(input, await baseBytes({ extraSheet: true }));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        path.join(dir, 'out'),
        input,
      ],
      { stdio: 'ignore', timeout: 120000 },
    );
    return fs.readFileSync(path.join(dir, 'out', 'mau.xlsx'));
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function writeCorpus(dir = DEFAULT_OUT, { libreOffice = true } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const entry of CORPUS) {
    const bytes = await entry.build();
    const file = path.join(dir, entry.file);
    fs.writeFileSync(file, bytes);
    written.push({ file, bytes: bytes.length });
  }
  if (libreOffice) {
    const lo = await libreOfficeBytes();
    if (lo) {
      fs.writeFileSync(path.join(dir, 'libreoffice.xlsx'), lo);
      written.push({ file: path.join(dir, 'libreoffice.xlsx'), bytes: lo.length });
    }
  }
  return written;
}

/** The corpus files, with the LibreOffice one (not byte-stable, so not in CORPUS's builders). */
const FILES = [
  ...CORPUS.map(({ file, expect, about, heavy }) => ({
    file,
    expect,
    about,
    heavy: heavy === true,
  })),
  {
    file: 'libreoffice.xlsx',
    expect: 'read',
    about: 'the sample converted by LibreOffice (soffice --headless --convert-to xlsx)',
    heavy: false,
  },
];

module.exports = { CORPUS, FILES, writeCorpus, DEFAULT_OUT };

if (require.main === module) {
  writeCorpus(process.argv[2] || DEFAULT_OUT).then(
    (written) => {
      for (const w of written) console.log(`${w.file}  ${w.bytes} bytes`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
