import { JiraLinkBook } from './jira-link-book';
import { JiraParentBook } from './jira-parent-book';
import { JiraSearchBook } from './jira-search-book';

/**
 * What the files of one import share about Jira: links whose two ends may be listed in different
 * files (pages of a REST export, parts of a CSV export), parents a CSV part names by an id that
 * another part resolves, and the pages of search answers (a search is whole only when every page of
 * it is in the import). A mapper given none keeps its own for its file: it hands over every link at
 * its end, a parent must then be in the same file, and its pages are all of the search it sees.
 */
export interface JiraImportBooks {
  readonly links: JiraLinkBook;
  readonly parents: JiraParentBook;
  readonly searches: JiraSearchBook;
}

export function jiraImportBooks(): JiraImportBooks {
  return { links: new JiraLinkBook(), parents: new JiraParentBook(), searches: new JiraSearchBook() };
}
