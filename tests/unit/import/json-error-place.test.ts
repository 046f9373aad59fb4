import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from '../../../shared/import/json-error-place';

describe('jsonErrorPlace', () => {
  it('names the trailing comma, which JSON.parse refuses without a place', () => {
    const text = '[\n  {"key": "a"},\n  {"key": "b"},\n]\n';
    expect(() => JSON.parse(text)).toThrow(/Unexpected token/);
    expect(jsonErrorPlace(text)).toEqual({ line: 3, column: 15, problem: 'a comma before a closing bracket or brace, which JSON does not allow (remove it)' });
    expect(jsonErrorPlace('{"teams": [], "items": [],}')).toMatchObject({ line: 1, column: 26 });
  });

  it('says what should come where the text stops being JSON', () => {
    expect(jsonErrorPlace('{"a" 1}')).toEqual({ line: 1, column: 6, problem: 'a colon (:) should come here' });
    expect(jsonErrorPlace('[1, 2')).toEqual({ line: 1, column: 6, problem: 'a closing bracket (]) should come here' });
    expect(jsonErrorPlace('{"a": tru}')).toEqual({ line: 1, column: 7, problem: 'something that is not JSON' });
    expect(jsonErrorPlace('{"a": 1} x')).toEqual({ line: 1, column: 10, problem: 'something that is not JSON' });
  });

  describe('edge cases', () => {
    it('valid JSON has no error place', () => {
      expect(jsonErrorPlace('{"a": [1, 2, {"b": null}]}')).toBeNull();
      expect(jsonErrorPlace('  "text"  ')).toBeNull();
    });

    it('counts lines as an editor does, whatever the line ending', () => {
      expect(jsonErrorPlace('{\r\n"a": 1,\r\n"b" 2}')).toMatchObject({ line: 3, column: 5 });
      expect(jsonErrorPlace('{\r"a": 1,\r"b" 2}')).toMatchObject({ line: 3, column: 5 });
      expect(jsonErrorPlace('{\n"a": 1,\n"b" 2}')).toMatchObject({ line: 3, column: 5 });
    });

    it('an empty text, comments and a line break inside quotes are not JSON', () => {
      expect(jsonErrorPlace('')).toEqual({ line: 1, column: 1, problem: 'a value should come here' });
      expect(jsonErrorPlace('{\n// note\n"a": 1}')).toMatchObject({ line: 2, column: 1, problem: 'a comment, which JSON does not allow' });
      expect(jsonErrorPlace('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 7 });
    });
  });
});
