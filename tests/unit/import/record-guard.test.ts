import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guarded, RecordGuard } from '../../../electron/backend/import/csv-reading';

// The guard follows CSV text chunk by chunk and throws once one record (a row with its quoted
// line breaks) grows past a limit, naming the cell whose quote opened it.

const COMMA_LF = { delimiter: ',', newline: '\n', preamble: 0 } as const;

function feed(text: string, limit: number, chunkSizes: number[] = [text.length]): { fieldIndex: number | null } | null {
  const guard = new RecordGuard(COMMA_LF, limit);
  let at = 0;
  let k = 0;
  try {
    while (at < text.length) {
      const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
      guard.scan(text.slice(at, at + size));
      at += size;
    }
  } catch (error) {
    return { fieldIndex: (error as { fieldIndex: number | null }).fieldIndex };
  }
  return null;
}

describe('RecordGuard', () => {
  it('lets well-formed records through, quoted line breaks and escaped quotes included', () => {
    const csv = 'key,title,notes\nA-1,"say ""hi""","two\nlines"\nA-2,plain,"a, b"\n';
    expect(feed(csv, 40)).toBeNull();
  });

  it('stops at an unclosed quote once the record passes the limit, naming the cell it opened in', () => {
    const csv = `key,title,notes\nA-1,ok,fine\nA-2,"never closed,${'x\n'.repeat(100)}`;
    expect(feed(csv, 50)).toEqual({ fieldIndex: 1 });
  });

  it('a single very long line without quotes is a runaway record too', () => {
    expect(feed(`key,title\nA-1,${'y'.repeat(500)}`, 100)).toEqual({ fieldIndex: null });
  });

  it('the answer does not depend on where the chunks are cut', () => {
    const rows = fc.array(
      fc.tuple(fc.stringMatching(/^[A-Z]-\d{1,3}$/), fc.string({ maxLength: 12 }).map((s) => `"${s.replaceAll('"', '""')}"`), fc.constantFrom('a', 'b\nc', '"d\ne"')),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (records, cuts, runaway) => {
        const body = records.map((r) => r.join(',')).join('\n');
        const csv = `key,title,x\n${body}\n${runaway ? `Z-1,"${'q'.repeat(400)}` : ''}`;
        const whole = feed(csv, 200);
        expect(feed(csv, 200, cuts)).toEqual(whole);
        expect(whole !== null).toBe(runaway);
      }),
    );
  });

  describe('edge cases', () => {
    it('old Mac line ends (CR only) are record ends too', () => {
      const guard = new RecordGuard({ delimiter: ';', newline: '\r', preamble: 0 }, 20);
      expect(() => guard.scan('a;b\r1;2\r3;4\r'.repeat(10))).not.toThrow();
    });

    it('an empty chunk changes nothing', () => {
      const guard = new RecordGuard(COMMA_LF, 5);
      guard.scan('');
      expect(() => guard.scan('a,b\n')).not.toThrow();
    });
  });
});

// What the parser is handed: papaparse parses a record spanning chunks again from its start with
// each chunk, so within a long record the chunks are joined into pieces that grow with it.
async function piecesOf(chunks: string[], limit = 10_000_000): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const pieces: string[] = [];
  for await (const piece of guarded(source(), new RecordGuard(COMMA_LF, limit))) pieces.push(piece);
  return pieces;
}

describe('guarded: the pieces handed to the parser', () => {
  it('hands ordinary rows on chunk by chunk, unchanged', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => `K-${i},a title,story\n`.repeat(20));
    expect(await piecesOf(chunks)).toEqual(chunks);
  });

  it('within a quote never closed, joins chunks into pieces that at least double, so the parser reads the record a few times, not once per chunk', async () => {
    const chunks = ['key,title\nA-1,"never closed', ...Array.from({ length: 1000 }, () => 'x'.repeat(1000))];
    const pieces = await piecesOf(chunks);
    expect(pieces.join('')).toBe(chunks.join(''));
    expect(pieces.length).toBeLessThanOrEqual(12); // 1,000 chunks: about log2(1000) pieces
    // What papaparse parses again: each piece with the record so far in front of it.
    let parsed = 0;
    let record = 0;
    for (const piece of pieces) {
      record += piece.length;
      parsed += record;
    }
    expect(parsed).toBeLessThan(4 * record);
  });

  it('goes back to chunk by chunk once the long record ends', async () => {
    const long = ['A-1,"', ...Array.from({ length: 64 }, () => 'y'.repeat(100)), '"\n'];
    const after = Array.from({ length: 5 }, (_, i) => `B-${i},short\n`);
    const pieces = await piecesOf([...long, ...after]);
    expect(pieces.join('')).toBe([...long, ...after].join(''));
    expect(pieces.slice(-5)).toEqual(after);
  });

  describe('edge cases', () => {
    it('no chunks, no pieces', async () => {
      expect(await piecesOf([])).toEqual([]);
    });

    it('a file that ends inside a long record still hands over all of it', async () => {
      const chunks = ['A-1,"', 'z'.repeat(10), 'z'.repeat(10), 'z'.repeat(10)];
      expect((await piecesOf(chunks)).join('')).toBe(chunks.join(''));
    });

    it('the guard still refuses a runaway record, before the parser is handed it', async () => {
      await expect(piecesOf(['A-1,"', ...Array.from({ length: 20 }, () => 'w'.repeat(100))], 500)).rejects.toThrow('record too long');
    });
  });
});
