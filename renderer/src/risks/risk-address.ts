/** The Risks page with one risk open (its details and history): where a link to a risk leads. */
export function riskAddress(key: string): string {
  return `#/risks?risk=${encodeURIComponent(key)}`;
}
