// Global rules for the two ways a page leaves the desk: printed (or saved as PDF), and presented.
//
// Marks a component can put on its elements:
//   data-tool           a control for the person at the desk (export, show data…): neither printed nor presented
//   data-no-print       anything else to leave off paper (a local file path, a spacer)
//   data-print-section  a part that starts on a new printed page (each tab's content, each section)
//   data-print-only     shown on paper only (the title of a tab whose label the tabs bar showed)
//   data-print-keep     a button that is also content (a team's name that chooses the team): printed

export const PRESENTING_ATTRIBUTE = 'data-presenting';

export function roomStyles(light: boolean) {
  return {
    [`html[${PRESENTING_ATTRIBUTE}] [data-tool]`]: { display: 'none !important' },
    '[data-print-only]': { display: 'none' },
    '@page': { margin: '14mm 12mm' },
    // For what is wider than tall (the program board): its pages turn sideways, the rest stay as chosen.
    '@page wide': { size: 'landscape' },
    '@media print': {
      'html, body': { background: '#fff !important', color: '#000 !important' },
      // Scroll areas would print only what is scrolled into view.
      '*': { overflow: 'visible !important', maxHeight: 'none !important' },
      'header, nav, button:not([data-print-keep]), [role="button"]:not([data-print-keep]), [role="tablist"], [data-tool], [data-no-print], .MuiDrawer-root, .MuiTooltip-popper, .MuiSnackbar-root, .MuiLinearProgress-root': {
        display: 'none !important',
      },
      '[data-print-only]': { display: 'block !important' },
      '[data-print-section]': { breakBefore: 'page' },
      '[data-print-section]:first-of-type': { breakBefore: 'auto' },
      'main': { padding: '0 !important', margin: '0 !important', width: '100% !important' },
      '.MuiCard-root, figure, tr, .MuiAlert-root': { breakInside: 'avoid' },
      // A table wider than the page would lose its last columns at the paper's edge: on paper every
      // cell wraps (keys, dates and names kept whole on screen included), in a smaller type.
      table: { fontSize: '9pt' },
      'td, td *': { whiteSpace: 'normal !important', overflowWrap: 'anywhere' },
      'th, th *': { whiteSpace: 'normal !important' },
      '.MuiChip-label': { whiteSpace: 'nowrap !important', overflowWrap: 'normal' },
      '.MuiTableCell-root': { fontSize: 'inherit', paddingLeft: '4px !important', paddingRight: '4px !important' },
      'h1, h2, h3': { breakAfter: 'avoid' },
      // Cards keep a hairline, not the dark theme's tinted surfaces.
      '.MuiPaper-root': { boxShadow: 'none !important', backgroundImage: 'none !important', ...(light ? {} : { background: '#fff !important' }) },
      a: { color: 'inherit', textDecoration: 'none' },
    },
  };
}
