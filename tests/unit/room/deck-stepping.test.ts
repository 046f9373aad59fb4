import { describe, expect, it } from 'vitest';
import { clock, deckProgress, stepDeck, timeboxState, typeSlideDigit } from '../../../shared/room/deck-stepping';
import { DeckEntryInput, ViewAddressText } from '../../../shared/room/deck-schema';

describe('stepping through a deck', () => {
  it('moves one view at a time, to the ends, and jumps to a slide number as people count', () => {
    expect(stepDeck(0, 5, 'next')).toBe(1);
    expect(stepDeck(3, 5, 'previous')).toBe(2);
    expect(stepDeck(3, 5, 'first')).toBe(0);
    expect(stepDeck(1, 5, 'last')).toBe(4);
    expect(stepDeck(0, 5, { jumpTo: 3 })).toBe(2);
    expect(stepDeck(4, 5, { jumpTo: 1 })).toBe(0);
  });

  it('shows where the room is: "3 / 8" and the share of the deck behind it', () => {
    expect(deckProgress(2, 8)).toEqual({ label: '3 / 8', fraction: 3 / 8 });
    expect(deckProgress(7, 8)).toEqual({ label: '8 / 8', fraction: 1 });
  });

  it('reads a slide number typed digit by digit', () => {
    expect(typeSlideDigit('', '1', 20)).toBe('1');
    expect(typeSlideDigit('1', '2', 20)).toBe('12');
  });

  it('counts a timebox down, quietly until near its end, then past it', () => {
    expect(timeboxState(0, 300)).toEqual({ text: '5:00', tone: 'calm' });
    expect(timeboxState(59_500, 300)).toEqual({ text: '4:01', tone: 'calm' });
    // The last fifth of five minutes is 60 s.
    expect(timeboxState(240_000, 300)).toEqual({ text: '1:00', tone: 'ending' });
    expect(timeboxState(300_000, 300)).toEqual({ text: '+0:00', tone: 'over' });
    expect(timeboxState(312_400, 300)).toEqual({ text: '+0:12', tone: 'over' });
  });

  describe('edge cases', () => {
    it('never steps past either end', () => {
      expect(stepDeck(4, 5, 'next')).toBe(4);
      expect(stepDeck(0, 5, 'previous')).toBe(0);
      expect(stepDeck(0, 1, 'next')).toBe(0);
    });

    it('ignores a jump to a slide the deck does not have, and keeps the position', () => {
      expect(stepDeck(2, 5, { jumpTo: 0 })).toBe(2);
      expect(stepDeck(2, 5, { jumpTo: 6 })).toBe(2);
      expect(stepDeck(2, 5, { jumpTo: 1.5 })).toBe(2);
      expect(stepDeck(2, 5, { jumpTo: Number.NaN })).toBe(2);
    });

    it('an empty deck has no position; a position outside the deck is brought inside it first', () => {
      expect(stepDeck(0, 0, 'next')).toBe(-1);
      expect(stepDeck(0, -3, 'last')).toBe(-1);
      expect(stepDeck(9, 5, 'previous')).toBe(3);
      expect(stepDeck(-4, 5, 'next')).toBe(1);
      expect(stepDeck(Number.NaN, 5, 'next')).toBe(1);
      expect(deckProgress(0, 0)).toEqual({ label: '0 / 0', fraction: 0 });
      expect(deckProgress(12, 5)).toEqual({ label: '5 / 5', fraction: 1 });
    });

    it('slide numbers: leading zeros, non-digits and numbers longer than the deck needs', () => {
      expect(typeSlideDigit('', '0', 20)).toBe('');
      expect(typeSlideDigit('', 'x', 20)).toBe('');
      expect(typeSlideDigit('12', '3', 20)).toBe('3');
      expect(typeSlideDigit('7', '4', 9)).toBe('4');
      expect(typeSlideDigit('7', '0', 9)).toBe('');
      expect(typeSlideDigit('1', '0', 100)).toBe('10');
    });

    it('timeboxes: short ones end in their last 10 s, long ones in their last minute; nonsense is no time spent', () => {
      expect(timeboxState(21_000, 30).tone).toBe('ending');
      expect(timeboxState(19_000, 30).tone).toBe('calm');
      expect(timeboxState(3_540_500, 3600)).toEqual({ text: '1:00', tone: 'ending' });
      expect(timeboxState(-5_000, 60)).toEqual({ text: '1:00', tone: 'calm' });
      expect(timeboxState(Number.NaN, 60)).toEqual({ text: '1:00', tone: 'calm' });
      expect(timeboxState(0, 0).tone).toBe('over');
      expect(clock(3725)).toBe('1:02:05');
      expect(clock(-3)).toBe('0:00');
    });

    it('a deck entry is an address inside the app, with a title and an optional whole-second timebox', () => {
      expect(ViewAddressText.parse(' /coordination?tab=map ')).toBe('/coordination?tab=map');
      for (const bad of ['coordination', 'https://example.com/', '//evil.example/', '/flow#x', '/a b', '', `/${'x'.repeat(2000)}`]) {
        expect(ViewAddressText.safeParse(bad).success, bad).toBe(false);
      }
      expect(DeckEntryInput.parse({ title: 'Flow', address: '/flow' }).timeboxSeconds).toBeNull();
      expect(DeckEntryInput.safeParse({ title: 'Flow', address: '/flow', timeboxSeconds: 1.5 }).success).toBe(false);
      expect(DeckEntryInput.safeParse({ title: '  ', address: '/flow' }).success).toBe(false);
    });
  });
});
