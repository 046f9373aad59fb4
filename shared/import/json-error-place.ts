import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

// Where a JSON text stops being JSON, as a person finds it in an editor. JSON.parse says so for
// some mistakes only ("… at position 20"); for others, a trailing comma among them, it quotes the
// text instead and gives no place. jsonc-parser reports every error with its offset; it runs only
// once JSON.parse has refused the text, so a good file never pays for it.

export interface JsonErrorPlace {
  /** 1-based, as an editor counts lines (LF, CRLF or CR). */
  line: number;
  /** 1-based, in characters of that line. */
  column: number;
  /** What is wrong there, in words. */
  problem: string;
}

/** By jsonc-parser's names of its error codes (its enum is a const enum, which this build cannot read). */
const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'something that is not JSON',
  InvalidNumberFormat: 'a number JSON cannot read',
  PropertyNameExpected: 'a property name in double quotes should come here',
  ValueExpected: 'a value should come here',
  ColonExpected: 'a colon (:) should come here',
  CommaExpected: 'a comma (,) should come here',
  CloseBraceExpected: 'a closing brace (}) should come here',
  CloseBracketExpected: 'a closing bracket (]) should come here',
  EndOfFileExpected: 'the text should end here',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'a comment that never ends',
  UnexpectedEndOfString: 'a text in quotes that does not end on its line',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a \\u escape JSON cannot read',
  InvalidEscapeCharacter: 'an escape (\\) JSON does not know',
  InvalidCharacter: 'a control character (a tab or a line break) inside a text in quotes',
};

/** The first place where `text` is not JSON; null when jsonc-parser finds none (JSON.parse refused it for a reason of its own). */
export function jsonErrorPlace(text: string): JsonErrorPlace | null {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors.reduce<ParseError | null>((a, e) => (a === null || e.offset < a.offset ? e : a), null);
  if (first === null) return null;
  let offset = Math.min(first.offset, text.length);
  let problem = PROBLEMS[printParseErrorCode(first.error)] ?? 'something JSON does not allow';
  // "[1, 2,]": the comma before a closing bracket or brace is the mistake, not the bracket.
  const before = text.slice(0, offset).trimEnd();
  if (before.endsWith(',') && /^\s*[\]}]/.test(text.slice(offset))) {
    offset = before.length - 1;
    problem = 'a comma before a closing bracket or brace, which JSON does not allow (remove it)';
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, problem };
}
