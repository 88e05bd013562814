import type { Locale } from '../model.js';
import type { RenderedContract } from './renderContract.js';

/** Print-friendly styles for an exported page; no script, no external resource. */
const STYLE = `
body { margin: 2.5cm auto; max-width: 46em; padding: 0 1em; color: #111; background: #fff;
  font: 15px/1.85 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, Georgia, 'Times New Roman', serif; }
h1 { text-align: center; font-size: 1.6em; letter-spacing: 0.1em; }
h2, h3, h4 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
p { margin: 0.4em 0; text-align: justify; }
p.cm-lines { text-align: start; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
th, td { border: 1px solid #999; padding: 4px 8px; vertical-align: top; }
.cm-summary { font: 12px sans-serif; color: #555; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
.cm-gap { background: #fff3bf; border-bottom: 2px solid #c90; padding: 0 0.3em; font: 0.85em sans-serif; color: #7a5300; }
.cm-gap-blank { display: inline-block; min-width: 4em; border-bottom: 1px solid #000; color: transparent; }
.cm-problem.cm-error { text-decoration: underline wavy #e51400; }
.cm-problem.cm-warning { text-decoration: underline wavy #bf8803; }
.cm-ref-broken, .cm-unknown-field, .cm-value-invalid, .cm-missing { color: #e51400; }
@media print { .cm-summary { display: none; } }
`;

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * The rendered contract as a complete HTML page for export: the same article
 * as the preview, with a CSP that forbids every script and remote load.
 */
export function standaloneHtml(rendered: RenderedContract, locale: Locale): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Clausemark">
<title>${escape(rendered.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${rendered.html}
</body>
</html>
`;
}
