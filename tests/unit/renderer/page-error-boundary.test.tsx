import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from '../../../renderer/src/layout/PageErrorBoundary';

// A page that throws while drawing shows why in its place; the app around it, and the next page, stay.

afterEach(cleanup);

function Failing({ fail }: { fail: boolean }): React.ReactNode {
  if (fail) throw new Error('External navigation is not allowed.');
  return <p>The page</p>;
}

function Shell({ fail }: { fail: boolean }) {
  const [page, setPage] = useState('decks');
  return (
    <div>
      <nav>
        <button onClick={() => setPage('flow')}>Flow</button>
      </nav>
      <PageErrorBoundary resetKey={page}>{page === 'decks' ? <Failing fail={fail} /> : <p>Flow page</p>}</PageErrorBoundary>
    </div>
  );
}

describe('PageErrorBoundary', () => {
  it('shows a failed page’s reason in its place, keeps the rest, and draws the next page', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(<Shell fail />);
      expect(screen.getByRole('alert').textContent).toContain('This page could not be drawn');
      expect(screen.getByRole('alert').textContent).toContain('External navigation is not allowed. Your workspace is unchanged');
      expect(screen.getByRole('button', { name: 'Flow' })).toBeTruthy();
      act(() => screen.getByRole('button', { name: 'Flow' }).click());
      expect(screen.getByText('Flow page')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      quiet.mockRestore();
    }
  });

  describe('edge cases', () => {
    it('a page that draws is shown as it is', () => {
      render(<Shell fail={false} />);
      expect(screen.getByText('The page')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
