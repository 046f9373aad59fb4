import type { ItemType } from '../domain/vocabulary';
import { ITEM_TYPES } from '../domain/vocabulary';

// Work item type names as Jira, Azure DevOps and the usual process templates spell them.
const TYPE_NAMES: Record<string, ItemType> = {
  epic: 'epic',
  initiative: 'epic',
  theme: 'epic',
  feature: 'feature',
  capability: 'feature',
  'new feature': 'feature',
  story: 'story',
  'user story': 'story',
  'product backlog item': 'story',
  pbi: 'story',
  requirement: 'story',
  improvement: 'story',
  enhancement: 'story',
  bug: 'defect',
  defect: 'defect',
  incident: 'defect',
  problem: 'defect',
  risk: 'risk',
  issue: 'risk',
  impediment: 'risk',
  'technical debt': 'debt',
  'tech debt': 'debt',
  debt: 'debt',
  refactoring: 'debt',
  task: 'task',
  'sub-task': 'task',
  subtask: 'task',
  'sub task': 'task',
  spike: 'task',
  chore: 'task',
};

/** The Interlock type for a source type name, or null when the name is unknown (callers warn and use 'story'). */
export function itemTypeFor(sourceType: string): ItemType | null {
  const name = sourceType.trim().toLowerCase();
  if ((ITEM_TYPES as readonly string[]).includes(name)) return name as ItemType;
  return TYPE_NAMES[name] ?? null;
}

export const FALLBACK_ITEM_TYPE: ItemType = 'story';
