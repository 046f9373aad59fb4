import { describe, expect, it } from 'vitest';
import { categoryFromJiraStatusCategory, defaultCategoryFor } from '../../../shared/domain/status-categories';

describe('defaultCategoryFor', () => {
  it.each([
    ['To Do', 'todo'],
    ['Backlog', 'todo'],
    ['Selected for Development', 'todo'],
    ['In Progress', 'active'],
    ['In Development', 'active'],
    // Stage-date exports name their columns by the stage alone.
    ['Dev', 'active'],
    ['Develop', 'active'],
    ['Coding', 'active'],
    ['Ready for Dev', 'waiting'],
    ['Selected for Dev', 'todo'],
    // A step's own done column is the queue before the next step, not the end.
    ['Dev Done', 'waiting'],
    ['Analysis Complete', 'waiting'],
    ['QA-Done', 'waiting'],
    ['In Review', 'active'],
    ['Code Review', 'active'],
    ['Testing', 'active'],
    ['Blocked', 'waiting'],
    ['Waiting for Customer', 'waiting'],
    ['On Hold', 'waiting'],
    ['Ready for Test', 'waiting'],
    ['Ready for Release', 'waiting'],
    ['Done', 'done'],
    ['Closed', 'done'],
    ['Resolved', 'done'],
    ["Won't Do", 'cancelled'],
    ['Cancelled', 'cancelled'],
    ['Rejected', 'cancelled'],
    // A negated step has not begun (Microsoft Planner's "Not Started", "Completed").
    ['Not Started', 'todo'],
    ['Not Done', 'todo'],
    ['Not yet started', 'todo'],
    ['Completed', 'done'],
  ])('%s → %s', (status, category) => {
    expect(defaultCategoryFor(status)).toBe(category);
  });

  describe('edge cases', () => {
    it('is case- and space-insensitive, and unknown names are not started', () => {
      expect(defaultCategoryFor('  in progress ')).toBe('active');
      expect(defaultCategoryFor('BLOCKED')).toBe('waiting');
      expect(defaultCategoryFor('Zzz')).toBe('todo');
      expect(defaultCategoryFor('')).toBe('todo');
    });

    it('a queue before a step waits, even when it names the step', () => {
      expect(defaultCategoryFor('Ready for QA')).toBe('waiting');
      expect(defaultCategoryFor('Awaiting Review')).toBe('waiting');
    });
  });
});

describe('categoryFromJiraStatusCategory', () => {
  it('maps Jira’s three categories and knows nothing of waiting', () => {
    expect(categoryFromJiraStatusCategory('To Do')).toBe('todo');
    expect(categoryFromJiraStatusCategory('In Progress')).toBe('active');
    expect(categoryFromJiraStatusCategory('Done')).toBe('done');
    expect(categoryFromJiraStatusCategory('Something else')).toBeNull();
  });
});
