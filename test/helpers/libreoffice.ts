/**
 * LibreOffice as an independent reader, shared by the suites that use it: where `soffice` is,
 * a describe that skips (with a message) when it is not installed, a throw-away profile that
 * recalculates every formula on load, and a CSV parser for what `--convert-to csv` writes.
 * Debian: apt-get install -y libreoffice-calc (npm test installs it as root; CI fails without it).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export const SOFFICE = findSoffice();

/** `describe` when LibreOffice is installed; otherwise `describe.skip`, saying what is skipped. */
export function describeIfSoffice(skipped: string): jest.Describe {
  if (SOFFICE) return describe;
  // eslint-disable-next-line no-console
  console.warn(
    `LibreOffice (soffice) is not installed: skipping ${skipped}. Install it with \`apt-get install -y libreoffice-calc\`.`,
  );
  return describe.skip;
}

/** A throw-away LibreOffice profile that recalculates every formula of an .xlsx file on load. */
export function makeProfile(dir: string): string {
  const user = path.join(dir, 'profile', 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${path.join(dir, 'profile')}`;
}

/** Minimal CSV parser (LibreOffice quotes fields with commas, quotes or line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
