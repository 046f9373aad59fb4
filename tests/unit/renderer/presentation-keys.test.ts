// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { iterationPageStep, keyBelongsToControl, presentationCommand } from '../../../renderer/src/room/presentation-keys';

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
