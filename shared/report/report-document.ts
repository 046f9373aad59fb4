import { Html, html } from './html';
import type { ReportInput } from './report-input';
import { deckCover } from './deck-cover';
import { REPORT_SECTIONS, reportNames } from './report-sections';
import { minute } from './report-format';

// The report as one self-contained HTML file to hand out: inline CSS only, no script, no image,
// no font, no link outside itself — its Content-Security-Policy forbids every outside request, so
// even a mistake could not make one. Light and print-friendly: each section starts a new page.

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
header.cover { border-bottom: 2px solid #1a1a1a; margin-bottom: 24px; padding-bottom: 12px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 22px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 18px; margin: 20px 0 6px; break-after: avoid; }
h4 { font-size: 15px; margin: 12px 0 4px; break-after: avoid; }
section { margin: 0 0 40px; }
section + section { break-before: page; }
nav ol { margin: 8px 0 0; padding-left: 20px; }
a { color: #0b4f9c; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tr, ul.lint li { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
table.counts, table.bands, table.roam-counts { width: auto; min-width: 40%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.meta, .meaning, .note, .missing { color: #444; }
.deck { font-weight: 600; margin: 4px 0; }
.deck-note { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #b35c00; background: #fff6ec; }
.missing { font-style: italic; }
.note { font-size: 13px; }
.definition, .history, .description { font-size: 13px; color: #333; }
.key { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 600; }
article.group, article.finding { break-inside: avoid-page; border-left: 3px solid #888; padding-left: 12px; margin: 16px 0; }
.bar { display: block; height: 6px; background: #555; margin-top: 2px; margin-left: auto; min-width: 0; }
@page { margin: 16mm; }
@media print { body { padding: 0; font-size: 12pt; } a { color: inherit; text-decoration: none; } }
`;

/** The style sheet is Interlock's own constant, never user text: it goes in as it is. */
const STYLE_SHEET = new Html(STYLE);

/** A Content-Security-Policy that lets nothing load: no script, no image, no font, no fetch. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export interface BuiltReport {
  html: string;
  sections: { id: string; title: string }[];
}

/** The report: the chosen sections (default: all, in their order), each on its own printed page. */
export function buildReport(input: ReportInput, sectionIds?: readonly string[]): BuiltReport {
  const names = reportNames(input);
  const chosen = sectionIds ? REPORT_SECTIONS.filter((s) => sectionIds.includes(s.id)) : REPORT_SECTIONS;
  const sections = chosen.map((s) => ({ id: s.id, title: s.title, body: s.build(input, names) }));
  const title = input.deck ? `Interlock report: ${input.workspace.name}, deck “${input.deck.name}”` : `Interlock report: ${input.workspace.name}`;
  const page: Html = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Interlock">
<title>${title}</title>
<style>${STYLE_SHEET}</style>
</head>
<body>
<header class="cover">
<h1>${title}</h1>
${deckCover(input, names)}
<p>Made ${minute(input.generatedAt)}.</p>
<nav aria-label="Contents"><strong>Contents</strong><ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>
</header>
<main>
${sections.map((s) => html`<section id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${s.title}</h2>${s.body}</section>\n`)}
</main>
</body>
</html>
`;
  return { html: page.text, sections: sections.map(({ id, title }) => ({ id, title })) };
}
