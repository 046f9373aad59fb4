// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeckStep } from '../../../shared/room/deck-stepping';
import { deckKeys } from '../../../renderer/src/room/deck-keys';
import { iterationPageStep, keyBelongsToControl, presentationCommand, startsPresentation } from '../../../renderer/src/room/presentation-keys';

// Which keys a focused control keeps while a deck is presented, and which step the deck.

afterEach(() => document.body.replaceChildren());

function element(html: string, selector: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>(selector)!;
}

describe('keyBelongsToControl', () => {
  it('Enter and Space on a focused button, tab or card are theirs; the arrows and PageDown step the deck', () => {
    for (const [html, selector] of [
      ['<button>New risk</button>', 'button'],
      ['<div role="tab" tabindex="0">Board</div>', '[role="tab"]'],
      ['<div data-card="PRC-1" tabindex="0">PRC-1</div>', '[data-card]'],
      ['<a href="#/flow">Flow</a>', 'a'],
    ] as const) {
      const target = element(html, selector);
      expect(keyBelongsToControl(target, 'Enter'), html).toBe(true);
      expect(keyBelongsToControl(target, ' '), html).toBe(true);
      expect(keyBelongsToControl(target, 'ArrowRight'), html).toBe(false);
      expect(keyBelongsToControl(target, 'PageDown'), html).toBe(false);
      expect(presentationCommand({ key: 'PageDown' })).toBe('next');
    }
  });

  it('a card lifted to be moved by keyboard keeps every key, Escape included', () => {
    const lifted = element('<div role="button" tabindex="0" aria-roledescription="movable risk" aria-pressed="true">R-1</div>', 'div');
    for (const key of ['ArrowRight', ' ', 'Escape', 'Enter']) expect(keyBelongsToControl(lifted, key), key).toBe(true);
    lifted.setAttribute('aria-pressed', 'false');
    expect(keyBelongsToControl(lifted, 'ArrowRight')).toBe(false);
  });

  it('fields, open menus and dialogs keep every key, as before', () => {
    expect(keyBelongsToControl(element('<input>', 'input'), 'ArrowRight')).toBe(true);
    expect(keyBelongsToControl(element('<div role="menu"><div role="menuitem" tabindex="0">Move</div></div>', '[role="menuitem"]'), 'ArrowLeft')).toBe(true);
  });

  it('a closed dropdown keeps only the keys that open it: after a scope is picked, PageDown and the arrows step the deck again', () => {
    const select = element('<div role="combobox" aria-expanded="false" tabindex="0">Whole increment</div>', '[role="combobox"]');
    for (const key of ['Enter', ' ', 'ArrowDown', 'ArrowUp']) expect(keyBelongsToControl(select, key), key).toBe(true);
    for (const key of ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End', '5', 'Escape']) expect(keyBelongsToControl(select, key), key).toBe(false);
    select.setAttribute('aria-expanded', 'true');
    expect(keyBelongsToControl(select, 'ArrowRight')).toBe(true);
  });

  describe('edge cases', () => {
    it('a text field that is a combobox (an autocomplete) keeps every key', () => {
      expect(keyBelongsToControl(element('<input role="combobox" aria-expanded="false">', 'input'), 'ArrowRight')).toBe(true);
    });

    it('the page itself, with nothing focused, keeps nothing', () => {
      for (const key of ['Enter', ' ', 'ArrowRight']) expect(keyBelongsToControl(document.body, key)).toBe(false);
      expect(keyBelongsToControl(null, 'Enter')).toBe(false);
    });

    it('a focus target taken out of the tab order (the view after navigation) is not a control', () => {
      expect(keyBelongsToControl(element('<main tabindex="-1">view</main>', 'main'), ' ')).toBe(false);
    });

    it('a toggled button does not keep the arrows: only a lifted card does', () => {
      expect(keyBelongsToControl(element('<button aria-pressed="true">Dark</button>', 'button'), 'ArrowRight')).toBe(false);
    });
  });
});

describe('iterationPageStep', () => {
  it('> and < page a presented board’s iterations (. and , too); none of them steps the deck, and no deck key pages', () => {
    for (const key of ['>', '.']) expect(iterationPageStep({ key }), key).toBe(1);
    for (const key of ['<', ',']) expect(iterationPageStep({ key }), key).toBe(-1);
    for (const key of ['>', '.', '<', ',']) expect(presentationCommand({ key }), key).toBeNull();
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', ' ', 'Home', 'End', '5', 'Enter']) expect(iterationPageStep({ key }), key).toBeNull();
  });

  it('with Ctrl, Alt or Meta it is not the pager’s', () => {
    expect(iterationPageStep({ key: '>', ctrlKey: true })).toBeNull();
    expect(iterationPageStep({ key: '.', altKey: true })).toBeNull();
  });
});

describe('the presenter view’s key', () => {
  it('V opens the presenter view while presenting; it steps nothing, pages nothing and starts nothing', () => {
    expect(presentationCommand({ key: 'v' })).toBe('presenter-view');
    expect(presentationCommand({ key: 'V' })).toBe('presenter-view');
    expect(iterationPageStep({ key: 'v' })).toBeNull();
    expect(startsPresentation({ key: 'v' })).toBe(false);
  });

  describe('edge cases', () => {
    it('Ctrl+V (paste), Cmd+V and Alt+V are not it; a V typed into a field is a letter', () => {
      expect(presentationCommand({ key: 'v', ctrlKey: true })).toBeNull();
      expect(presentationCommand({ key: 'v', metaKey: true })).toBeNull();
      expect(presentationCommand({ key: 'v', altKey: true })).toBeNull();
      expect(keyBelongsToControl(element('<input>', 'input'), 'v')).toBe(true);
    });
  });
});

describe('deckKeys: the deck’s keys in the room’s window and in the presenter view', () => {
  const press = (keys: ReturnType<typeof deckKeys>, key: string, target: EventTarget | null = document.body) => keys.handle({ key, target }, 12);

  it('the remote’s keys step; a number jumps on Enter, or after a pause', () => {
    vi.useFakeTimers();
    try {
      const steps: DeckStep[] = [];
      const keys = deckKeys((s) => steps.push(s));
      for (const key of ['PageDown', 'ArrowLeft', ' ', 'Home', 'End']) expect(press(keys, key), key).toBe(true);
      expect(press(keys, '1')).toBe(true);
      expect(press(keys, '1')).toBe(true);
      expect(press(keys, 'Enter')).toBe(true);
      press(keys, '4');
      expect(steps).toEqual(['next', 'previous', 'next', 'first', 'last', { jumpTo: 11 }]);
      vi.advanceTimersByTime(800);
      expect(steps.at(-1)).toEqual({ jumpTo: 4 });
    } finally {
      vi.useRealTimers();
    }
  });

  describe('edge cases', () => {
    it('Esc and V are the window’s, not the deck’s; Enter on a focused button is the button’s unless a number was typed', () => {
      const steps: DeckStep[] = [];
      const keys = deckKeys((s) => steps.push(s));
      expect(press(keys, 'Escape')).toBe(false);
      expect(press(keys, 'v')).toBe(false);
      const button = element('<button>Next view</button>', 'button');
      expect(press(keys, 'Enter', button)).toBe(false);
      expect(press(keys, 'PageDown', button)).toBe(true);
      press(keys, '3', button);
      expect(press(keys, 'Enter', button)).toBe(true);
      expect(steps).toEqual(['next', { jumpTo: 3 }]);
      // A number typed, then forgotten (the presentation left), jumps nowhere.
      press(keys, '5');
      keys.clear();
      expect(press(keys, 'Enter', button)).toBe(false);
      expect(steps).toEqual(['next', { jumpTo: 3 }]);
    });
  });
});
