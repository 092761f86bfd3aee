/**
 * JSON.stringify(value, null, 2), written in pieces (issue 15): the big arrays (a sheet's tasks and
 * findings) element by element, so that a 50,000-row report never becomes one string of tens of MB.
 * The bytes are JSON.stringify's: a value below `depth` is stringified whole and its lines indented
 * to where it stands (JSON strings hold no raw line break, so every "\n" is a line of the layout).
 */
export function* jsonPieces(value: unknown, depth = 4, indent = ''): Generator<string> {
  if (
    depth > 0 &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        yield '[]';
        return;
      }
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}\n${inner}`;
        const v: unknown = value[i];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
        else yield* jsonPieces(v, depth - 1, inner);
      }
      yield `\n${indent}]`;
      return;
    }
    const entries = Object.entries(value).filter(
      ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
    );
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (let i = 0; i < entries.length; i++) {
      yield `${i ? ',' : ''}\n${inner}${JSON.stringify(entries[i][0])}: `;
      yield* jsonPieces(entries[i][1], depth - 1, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  const s = JSON.stringify(value, null, 2);
  yield indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
}

/** Write `value` as JSON.stringify(value, null, 2) + "\n" through `write`, in chunks of about `chunk` characters. */
export function writeJson(write: (s: string) => void, value: unknown, chunk = 1 << 18): void {
  let buffer = '';
  for (const piece of jsonPieces(value)) {
    buffer += piece;
    if (buffer.length >= chunk) {
      write(buffer);
      buffer = '';
    }
  }
  write(`${buffer}\n`);
}
