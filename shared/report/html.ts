// HTML built by a tagged template that escapes every value put into it: text a user typed (a team
// named `<img src=x onerror=…>`) can only ever come out as text. Markup passes through only as an
// `Html` value, which only this template makes. (The same idea as lit-html's `html`, without a DOM.)

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(part: HtmlPart): string {
  if (part instanceof Html) return part.text;
  if (part === null || part === undefined || part === false) return '';
  if (typeof part === 'number') return Number.isFinite(part) ? String(part) : '';
  if (typeof part === 'string') return escapeHtml(part);
  return part.map(render).join('');
}

/** html`<p>${userText}</p>`: every interpolated value escaped unless it is `Html` already; lists joined. */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}
