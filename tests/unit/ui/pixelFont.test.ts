import { describe, expect, it } from 'vitest';
import {
  FONT_CHARS,
  GLYPH_HEIGHT,
  GLYPH_WIDTH,
  glyphRows,
  toFontText,
} from '../../../src/ui/pixelFont';

describe('pixel font', () => {
  it('has a well-formed 5x7 glyph for every character', () => {
    for (const char of FONT_CHARS) {
      const rows = glyphRows(char);
      expect(rows, char).toHaveLength(GLYPH_HEIGHT);
      for (const row of rows) expect(row, char).toMatch(new RegExp(`^[#.]{${GLYPH_WIDTH}}$`));
    }
  });

  it('covers letters, digits and the punctuation the screens use', () => {
    for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:!?-/()←↑→↓%') {
      expect(FONT_CHARS).toContain(char);
    }
  });

  it('makes any text drawable', () => {
    expect(toFontText('Press Enter — now')).toBe('PRESS ENTER - NOW');
    expect(toFontText('a~b')).toBe('A?B');
    expect(toFontText('two\nlines')).toBe('TWO\nLINES');
  });

  it('draws unknown characters as a question mark', () => {
    expect(glyphRows('~')).toEqual(glyphRows('?'));
  });
});
