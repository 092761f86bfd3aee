/**
 * JSON.stringify(value, null, 2), written in pieces (issue 15): the text goes out in chunks of
 * about `chunk` characters, so that a 50,000-row report never becomes one string of tens of MB.
 * The bytes are JSON.stringify's, made by one walk over the value: strings and keys through
 * JSON.stringify itself (its escapes), numbers as JSON writes them (-0 as 0, NaN and ±Infinity as
 * null), undefined, functions and symbols left out of objects and null in arrays, as it does. A
 * value that is not plain data (a Date or anything with toJSON, a boxed primitive, a class
 * instance) is stringified whole by JSON.stringify and its lines indented to where it stands
 * (JSON strings hold no raw line break, so every "\n" is a line of the layout).
 */
/**
 * A list whose elements are made one at a time as writeJson writes them (each is garbage as soon
 * as it is written: a report's tasks are not copied all at once), and all at once for
 * JSON.stringify (toJSON). Either way the text is that of the array of its elements.
 */
export class JsonList<T> {
  constructor(
    readonly length: number,
    private readonly make: (index: number) => T,
  ) {}

  at(index: number): T {
    return this.make(index);
  }

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}

/** Elements of a JsonList per JSON.stringify call: a few tens of kB of text, about one chunk. */
const LIST_BATCH = 16;

class JsonWriter {
  private buffer = '';

  constructor(
    private readonly write: (s: string) => void,
    private readonly chunk: number,
  ) {}

  /** The text of `value` at indentation `indent` (its first line is where the caller stands). */
  value(value: unknown, indent: string): void {
    switch (typeof value) {
      case 'string':
        this.buffer += JSON.stringify(value);
        return;
      case 'number':
        this.buffer += Number.isFinite(value) ? String(value) : 'null';
        return;
      case 'boolean':
        this.buffer += value ? 'true' : 'false';
        return;
      case 'object':
        if (value === null) {
          this.buffer += 'null';
          return;
        }
        if (Array.isArray(value)) {
          this.array(value, indent);
          return;
        }
        if (value instanceof JsonList) {
          this.array(value, indent);
          return;
        }
        if (isPlainObject(value)) {
          this.object(value as Record<string, unknown>, indent);
          return;
        }
        break;
    }
    this.whole(value, indent);
  }

  /**
   * A JsonList's elements, plain data made for the text (a task's or finding's copy), a few at a
   * time through JSON.stringify itself: the batch is wrapped in as many arrays as the list is deep,
   * so that JSON.stringify writes each element at the list's indentation and with the list's
   * separators, and only the wrapping is cut off. About three times as fast as a walk in JS.
   */
  private lazyArray(list: JsonList<unknown>, indent: string): void {
    const inner = `${indent}  `;
    const depth = inner.length / 2;
    // "[\n  [\n    [\n" … before the first element's indentation; "\n    ]\n  ]\n]" after the last.
    // Each level i (0-based) opens with 2i spaces, "[" and a line break, and closes alike:
    // 2i + 2 characters, depth(depth + 1) for all of them.
    const tail = depth * (depth + 1);
    const head = tail + inner.length;
    this.buffer += '[';
    for (let i = 0; i < list.length;) {
      const first = i === 0;
      const batch: unknown[] = [];
      for (const end = Math.min(list.length, i + LIST_BATCH); i < end; i++) batch.push(list.at(i));
      let wrapped: unknown = batch;
      for (let d = 1; d < depth; d++) wrapped = [wrapped];
      const text = JSON.stringify(wrapped, null, 2);
      this.buffer += `${first ? '\n' : ',\n'}${inner}${text.slice(head, text.length - tail)}`;
      if (this.buffer.length >= this.chunk) this.flush();
    }
    this.buffer += `\n${indent}]`;
  }

  private array(list: unknown[] | JsonList<unknown>, indent: string): void {
    const lazy = list instanceof JsonList;
    if (lazy && list.length > 0 && indent.length % 2 === 0 && /^ *$/.test(indent)) {
      this.lazyArray(list, indent);
      return;
    }
    if (list.length === 0) {
      this.buffer += '[]';
      return;
    }
    const inner = `${indent}  `;
    this.buffer += '[';
    for (let i = 0; i < list.length; i++) {
      this.buffer += i ? `,\n${inner}` : `\n${inner}`;
      const v = lazy ? list.at(i) : list[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
        this.buffer += 'null';
      else this.value(v, inner);
      if (this.buffer.length >= this.chunk) this.flush();
    }
    this.buffer += `\n${indent}]`;
  }

  private object(o: Record<string, unknown>, indent: string): void {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      this.buffer += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      this.value(v, inner);
    }
    this.buffer += first ? '{}' : `\n${indent}}`;
  }

  /** Anything else: JSON.stringify's own text, re-indented. */
  private whole(value: unknown, indent: string): void {
    // undefined for a top-level undefined, function or symbol (never inside: those are left out).
    const s = JSON.stringify(value, null, 2) ?? 'undefined';
    this.buffer += indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
  }

  flush(): void {
    if (this.buffer) this.write(this.buffer);
    this.buffer = '';
  }

  end(): void {
    this.buffer += '\n';
    this.flush();
  }
}

/** An object JSON.stringify writes key by key: a plain object or one without prototype, with no toJSON. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * Write `value` as JSON.stringify(value, null, 2) + "\n" through `write`, in chunks of about
 * `chunk` characters. Small chunks are cheaper to write: each becomes a Buffer of at most a few
 * tens of kB, which the allocator serves from memory in use (a chunk of 256 K characters took a
 * fresh mapping each time: about a third more time for the 16 MB of a 10,000-row report).
 */
export function writeJson(write: (s: string) => void, value: unknown, chunk = 1 << 14): void {
  const writer = new JsonWriter(write, chunk);
  writer.value(value, '');
  writer.end();
}

/** JSON.stringify(value, null, 2), made as writeJson makes it (tests). */
export function jsonText(value: unknown): string {
  let out = '';
  writeJson((s) => (out += s), value);
  return out.slice(0, -1);
}
