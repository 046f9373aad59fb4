import { JiraLinkBook } from './jira-link-book';
import { JiraParentBook } from './jira-parent-book';

/**
 * What the files of one import share about Jira: links whose two ends may be listed in different
 * files (pages of a REST export, parts of a CSV export), and parents a CSV part names by an id that
 * another part resolves. A mapper given none keeps its own for its file: it hands over every link
 * at its end, and a parent must then be in the same file.
 */
export interface JiraImportBooks {
  readonly links: JiraLinkBook;
  readonly parents: JiraParentBook;
}

export function jiraImportBooks(): JiraImportBooks {
  return { links: new JiraLinkBook(), parents: new JiraParentBook() };
}
