/** The project's folder (the nearest one up with package.json): the bench runs from src/ under ts-jest and from dist/bench/ built. */
import fs from 'fs';
import path from 'path';

export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
