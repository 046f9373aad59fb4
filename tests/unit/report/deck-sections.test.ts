import { describe, expect, it } from 'vitest';
import { reportSectionsForDeck } from '../../../shared/report/deck-sections';

describe("the report's sections for a deck", () => {
  it("takes each view's sections, in the report's order, once each", () => {
    expect(reportSectionsForDeck(['/risks', '/plan?tab=objectives', '/coordination?tab=map', '/flow?teams=checkout', '/delivery'])).toEqual([
      'coordination',
      'findings',
      'flow',
      'board',
      'objectives',
      'risks',
    ]);
    expect(reportSectionsForDeck(['/overview', '/confidence'])).toEqual(['workspace', 'confidence']);
  });

  describe('edge cases', () => {
    it('a deck of views without sections, or of none, gives the workspace summary', () => {
      expect(reportSectionsForDeck(['/decks', '/import', '/forecast'])).toEqual(['workspace']);
      expect(reportSectionsForDeck([])).toEqual(['workspace']);
    });

    it('an address without its leading slash or with an unknown page is read as people paste it', () => {
      expect(reportSectionsForDeck(['teams?team=a', '/nowhere'])).toEqual(['coordination']);
    });

    it("a page typed with capitals is that page, as the app's routes read it", () => {
      expect(reportSectionsForDeck(['/Flow', '/RISKS?x=1'])).toEqual(['flow', 'risks']);
    });

    it('does not change the list it is given', () => {
      const views = Object.freeze(['/plan', '/risks']);
      expect(reportSectionsForDeck(views)).toEqual(['board', 'objectives', 'risks']);
      expect(views).toEqual(['/plan', '/risks']);
    });
  });
});
