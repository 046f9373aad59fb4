import type { StatusCategory } from './vocabulary';

// Default status → category guesses for names the source gave no category for. Order matters:
// "Ready for Test" is a queue (waiting) even though it mentions testing, so waiting rules run first.
const RULES: readonly [RegExp, StatusCategory][] = [
  // A negated step has not begun ("Not Started" in Microsoft Planner, "Not Done"): before every rule
  // that would read the step's own word.
  [/\bnot[ -](yet[ -])?(started|begun|done|complete[d]?|finished|ready|active)\b/i, 'todo'],
  [/\b(cancel+ed|abandoned|won'?t (do|fix)|rejected|obsolete|duplicate|declined|removed)\b/i, 'cancelled'],
  // A step's own "done" column ("Dev Done", "Analysis Complete") is the queue before the next step
  // (a Kanban board's split column), not the end of the work.
  [/\b(dev|development|analysis|design|build|review|code review|test|testing|qa|ux|ui)[ -]?(done|complete[d]?|finished)\b/i, 'waiting'],
  [/\b(done|closed|resolved|complete[d]?|released|deployed|shipped|accepted|finished)\b/i, 'done'],
  [/\b(blocked|waiting|on hold|hold|paused|parked|ready for|awaiting|queued|impeded|pending)\b/i, 'waiting'],
  // Queues named after the next step ("Selected for Development") have not started yet.
  [/\b(selected for|backlog|to ?do)\b/i, 'todo'],
  [/\b(in progress|in development|in dev|dev|develop\w*|coding|doing|in review|review|code review|testing|in test|test|qa|verif\w*|implement\w*|active|analysis|design|build\w*|committed|started|wip)\b/i, 'active'],
  [/\b(to ?do|open|new|backlog|proposed|funnel|ready|selected|planned|draft|triage|reopened|refinement|groomed)\b/i, 'todo'],
];

/** The category a status name most likely means; "todo" when nothing matches (the safe default: not yet started). */
export function defaultCategoryFor(status: string): StatusCategory {
  const name = status.trim();
  for (const [pattern, category] of RULES) if (pattern.test(name)) return category;
  return 'todo';
}

/** Jira's statusCategory names ("To Do", "In Progress", "Done") to ours. Jira has no waiting category. */
export function categoryFromJiraStatusCategory(name: string): StatusCategory | null {
  switch (name.trim().toLowerCase()) {
    case 'to do':
    case 'new':
    case 'undefined':
      return 'todo';
    case 'in progress':
    case 'indeterminate':
      return 'active';
    case 'done':
    case 'complete':
      return 'done';
    default:
      return null;
  }
}
