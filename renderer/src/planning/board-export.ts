import type { CsvCell } from '../../../shared/export/csv';
import type { Board } from '../../../shared/planning/board-schema';
import { DEPENDENCY_STATE_TEXT, dependencyText, dependencyTroubleText, providerWithoutItemText } from '../../../shared/planning/dependency-state';
import { displayKey } from '../../../shared/planning/local-keys';
import { milestoneGapText } from '../../../shared/planning/board';
import { linePath, stubSpread } from './board-geometry';
import { STATE_STYLE } from './plan-style';
import { risksWithStatus, type BoardRisks } from '../../../shared/joins/board-risks';
import { openRisksText } from './board-risk-texts';

/** One row per planned card, in board order: what a planner pastes into a spreadsheet. */
export function boardCsvRows(board: Board, teamName: (key: string) => string, risks: BoardRisks['cards'] = new Map()): CsvCell[][] {
  const columnName = new Map(board.columns.map((c) => [c.id, c.name]));
  const rows: CsvCell[][] = [['Team', 'Group', 'Iteration', 'Sprint', 'Key', 'Title', 'Type', 'Size', 'Done', 'Waits on', 'Dependency states', 'Open risks']];
  for (const team of board.teams) {
    for (const column of board.columns) {
      const cell = board.cells.find((c) => c.teamKey === team.key && c.columnId === column.id);
      for (const card of cell?.cards ?? []) {
        const deps = board.dependencies.filter((d) => d.consumer.itemKey === card.key);
        rows.push([
          teamName(team.key),
          team.group,
          columnName.get(column.id),
          card.iterationId === column.id ? '' : card.iterationName,
          displayKey(card.key),
          card.title,
          card.type,
          card.size,
          card.done,
          // "; " as the states: a team named where no provider item is ("Pricing — no item named") holds spaces.
          deps.map((d) => (d.provider.itemKey === null ? providerWithoutItemText(d.provider.teamKey === null ? 'no team' : teamName(d.provider.teamKey)) : displayKey(d.provider.itemKey))).join('; '),
          deps.map((d) => dependencyText(d).label).join('; '),
          // As the card's marker counts them: its own and its dependencies' open risks, with their ROAM status.
          risksWithStatus((risks.get(card.key) ?? []).map(({ risk }) => risk)),
        ]);
      }
    }
  }
  return rows;
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function clip(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/** A card's open risks marker in the PNG, as on screen (⚠ and a count, outlined): at the right end of the card's first line. */
function riskMarker(box: { left: number; top: number; width: number }, count: number, colors: { outline: string; text: string }): string {
  const label = `⚠${count}`;
  // ⚠ is about as wide as the type is high, a digit some 0.6 of it, at 11 px.
  const width = 8 + 11 + 7 * String(count).length;
  const left = box.left + box.width - width - 4;
  return `<rect x="${left}" y="${box.top + 3}" width="${width}" height="15" rx="4" fill="${colors.outline}" fill-opacity="0.12" stroke="${colors.outline}"/><text x="${left + width / 2}" y="${box.top + 14}" text-anchor="middle" font-size="11" font-weight="700" fill="${colors.text}">${label}</text>`;
}

/** A line of the milestones lane as the board says it: "⚑ Go-live · 12-04 · Checkout", and where a day outside the iterations lies. */
function milestoneLines(m: Board['milestones'][number], columns: Board['columns'], teamName: (key: string) => string): string[] {
  const gap = milestoneGapText(m, columns);
  return [`⚑ ${m.name} · ${m.date.slice(5)}${m.teamKey ? ` · ${teamName(m.teamKey)}` : ''}`, ...(gap ? [gap] : [])];
}

/**
 * The board drawn as one SVG for the PNG export, as the Plan page lays it out: iterations, the
 * milestones lane, each group's heading over its teams, cards with key and title (and the open
 * risks marker where the board shows one), and every dependency that is not in order, with its
 * symbol. Drawn from the data, not the screen, so the image holds the whole board whatever the
 * window shows; in the app's type (`fontFamily`: an SVG drawn into an image falls back to a serif).
 */
export function boardSvg(
  board: Board,
  options: { teamName(key: string): string; color: string; muted: string; line: string; card: string; fontFamily?: string; risks?: { cards: BoardRisks['cards']; outline: string } },
): { source: string; width: number; height: number } {
  const teamWidth = 170;
  const colWidth = 220;
  const cardHeight = 38;
  const headerHeight = 44;
  const groupHeight = 24;
  const milestoneLine = 16;
  const pad = 6;
  const rows = board.teams.map((team) => {
    const most = Math.max(1, ...board.columns.map((c) => board.cells.find((x) => x.teamKey === team.key && x.columnId === c.id)?.cards.length ?? 0));
    return { team, height: 24 + most * (cardHeight + 4) + pad };
  });
  const milestoneRows = board.columns.map((c) => board.milestones.filter((m) => m.columnId === c.id).map((m) => milestoneLines(m, board.columns, options.teamName)));
  const milestoneHeight = Math.max(1, ...milestoneRows.map((lines) => lines.reduce((n, l) => n + l.length, 0))) * milestoneLine + 2 * pad;
  const groups = rows.filter((r, i) => i === 0 || rows[i - 1]!.team.group !== r.team.group).length;
  const width = teamWidth + board.columns.length * colWidth;
  const height = headerHeight + milestoneHeight + groups * groupHeight + rows.reduce((n, r) => n + r.height, 0);
  const parts: string[] = [];
  const boxes = new Map<string, { left: number; top: number; width: number; height: number }>();
  board.columns.forEach((c, i) => {
    const x = teamWidth + i * colWidth;
    parts.push(`<text x="${x + 8}" y="20" font-size="14" font-weight="600" fill="${options.color}">${escape(c.name)}</text>`);
    parts.push(`<text x="${x + 8}" y="36" font-size="11" fill="${options.muted}">${c.start} – ${c.end}</text>`);
    parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${height}" stroke="${options.line}"/>`);
  });
  let y = headerHeight;
  parts.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="${options.line}"/>`);
  parts.push(`<text x="8" y="${y + pad + 12}" font-size="12" font-weight="600" fill="${options.color}">Milestones</text>`);
  milestoneRows.forEach((milestones, i) => {
    let line = 0;
    for (const [name, gap] of milestones) {
      parts.push(`<text x="${teamWidth + i * colWidth + 8}" y="${y + pad + 12 + line++ * milestoneLine}" font-size="11" fill="${options.color}">${escape(clip(name!, 36))}</text>`);
      if (gap) parts.push(`<text x="${teamWidth + i * colWidth + 20}" y="${y + pad + 12 + line++ * milestoneLine}" font-size="11" font-style="italic" fill="${options.muted}">${escape(clip(gap, 34))}</text>`);
    }
  });
  y += milestoneHeight;
  let group: string | null = null;
  for (const { team, height: rowHeight } of rows) {
    if (team.group !== group) {
      group = team.group;
      parts.push(`<rect x="0" y="${y}" width="${width}" height="${groupHeight}" fill="${options.line}" fill-opacity="0.35"/>`);
      parts.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="${options.line}"/>`);
      parts.push(`<text x="8" y="${y + 16}" font-size="12" font-weight="700" fill="${options.color}">${escape(clip(group, 90))}</text>`);
      y += groupHeight;
    }
    parts.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="${options.line}"/>`);
    parts.push(`<text x="8" y="${y + 20}" font-size="13" font-weight="600" fill="${options.color}">${escape(clip(options.teamName(team.key), 22))}</text>`);
    board.columns.forEach((c, i) => {
      const cell = board.cells.find((x) => x.teamKey === team.key && x.columnId === c.id);
      if (!cell) return;
      const x = teamWidth + i * colWidth;
      const load = `${cell.load}${cell.capacity !== null ? ` / ${cell.capacity}` : ''}${cell.over ? ' over' : ''}`;
      parts.push(`<text x="${x + 8}" y="${y + 16}" font-size="11" fill="${cell.over ? STATE_STYLE.conflict.color : options.muted}">${escape(load)}</text>`);
      cell.cards.forEach((card, k) => {
        const box = { left: x + pad, top: y + 24 + k * (cardHeight + 4), width: colWidth - 2 * pad, height: cardHeight };
        boxes.set(card.key, box);
        parts.push(`<rect x="${box.left}" y="${box.top}" width="${box.width}" height="${box.height}" rx="4" fill="${options.card}" stroke="${options.line}"/>`);
        parts.push(`<text x="${box.left + 6}" y="${box.top + 14}" font-size="11" font-weight="700" fill="${options.color}">${escape(displayKey(card.key))}${card.size !== null ? ` · ${card.size}` : ''}</text>`);
        parts.push(`<text x="${box.left + 6}" y="${box.top + 29}" font-size="11" fill="${options.color}">${escape(clip(card.title, 34))}</text>`);
        const risks = options.risks?.cards.get(card.key)?.length ?? 0;
        if (risks > 0) parts.push(riskMarker(box, risks, { outline: options.risks!.outline, text: options.color }));
      });
    });
    y += rowHeight;
  }
  // Stubs leaving one card for providers not on the board, spread over its height (one over the other would read as one).
  const stubs = new Map<string, number>();
  for (const d of board.dependencies) {
    if (d.state !== 'ok' && (d.provider.itemKey === null || !boxes.has(d.provider.itemKey))) stubs.set(d.consumer.itemKey, (stubs.get(d.consumer.itemKey) ?? 0) + 1);
  }
  const stubsDrawn = new Map<string, number>();
  for (const d of board.dependencies) {
    if (d.state === 'ok') continue;
    const consumer = boxes.get(d.consumer.itemKey);
    // A provider team with no item named has no card: drawn as a stub, as a provider not on the board.
    const provider = d.provider.itemKey === null ? undefined : boxes.get(d.provider.itemKey);
    if (!consumer) continue;
    const style = STATE_STYLE[d.state];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const symbol = escape(DEPENDENCY_STATE_TEXT[d.state].symbol);
    if (!provider) {
      const index = stubsDrawn.get(d.consumer.itemKey) ?? 0;
      stubsDrawn.set(d.consumer.itemKey, index + 1);
      const my = consumer.top + consumer.height / 2 + stubSpread(index, stubs.get(d.consumer.itemKey)!, consumer.height, 12);
      parts.push(`<path d="M ${consumer.left} ${my} h -16" stroke="${style.color}" stroke-width="2"${dash} fill="none"/>`);
      parts.push(`<text x="${consumer.left - 22}" y="${my + 4}" font-size="12" font-weight="700" fill="${style.color}">${symbol}</text>`);
      continue;
    }
    const { d: path, mid } = linePath(provider, consumer);
    parts.push(`<path d="${path}" stroke="${style.color}" stroke-width="2"${dash} fill="none"/>`);
    parts.push(`<circle cx="${mid.x}" cy="${mid.y}" r="8" fill="${style.color}"/><text x="${mid.x}" y="${mid.y + 4}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${symbol}</text>`);
  }
  const font = escape(options.fontFamily ?? 'sans-serif');
  const source = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">${parts.join('')}</svg>`;
  return { source, width, height };
}

/** The PNG's subtitle: the increment's days, its dependency trouble and, when there are some, the open risks its markers count, as the legend says them. */
export function boardPngSubtitle(board: Pick<Board, 'increment' | 'dependencyCounts'>, openRisks: number): string {
  return `${board.increment.start} – ${board.increment.end} · ${dependencyTroubleText(board.dependencyCounts)}${openRisks > 0 ? ` · ⚠ ${openRisksText(openRisks)} on planned cards` : ''}`;
}
