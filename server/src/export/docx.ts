import type { Element, ElementContent } from 'hast';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  ImportedXmlComponent,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { ContractDocument, Locale, RenderedContract } from '../core/index.js';

/** How inline text is styled where it stands. */
interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly code?: boolean;
  readonly gap?: boolean;
  readonly blankLine?: boolean;
  readonly problem?: 'error' | 'warning';
}

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
const SIGNATURE_WORDS = /签署|签字|盖章|signature|signed/i;

const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { signatures: '签署', party: '当事方', signatory: '授权代表（签字）', seal: '（盖章）', date: '日期' },
  en: { signatures: 'Signatures', party: 'Party', signatory: 'Authorised signatory', seal: '(seal)', date: 'Date' },
};

/**
 * Writes the preview's rendering as a Word document: headings, numbered
 * clauses as written, tables, parties in bold, gaps highlighted (or as lines
 * to fill in), and a signature table when the contract has no signature part.
 */
export async function renderDocx(doc: ContractDocument, rendered: RenderedContract, locale: Locale): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const node of rendered.tree.children) blockNodes(node, children, doc);
  const hasSignatures = SIGNATURE_WORDS.test(textOf(rendered.tree));
  if (doc.parties.length > 0 && !hasSignatures) children.push(...signatureTable(doc, locale));
  const document = new Document({
    creator: 'Clausemark',
    title: rendered.title,
    styles: {
      default: { document: { run: { font: locale === 'zh-CN' ? 'SimSun' : 'Times New Roman', size: 22 } } },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function blockNodes(node: ElementContent, out: Array<Paragraph | Table>, doc: ContractDocument): void {
  if (node.type === 'text') {
    if (node.value.trim() !== '') out.push(new Paragraph({ children: [new TextRun(node.value)] }));
    return;
  }
  if (node.type !== 'element') return;
  const classes = classesOf(node);
  // The summary of open gaps belongs to the preview, not to the document sent out.
  if (classes.includes('cm-summary')) return;
  const tag = node.tagName;
  if (/^h[1-6]$/.test(tag)) {
    const level = Number(tag[1]) - 1;
    out.push(new Paragraph({ heading: HEADINGS[level], alignment: level === 0 ? AlignmentType.CENTER : undefined, children: inline(node.children, {}, doc) }));
  } else if (tag === 'p') {
    out.push(new Paragraph({ children: inline(node.children, {}, doc), spacing: { after: 120 } }));
  } else if (tag === 'ul' || tag === 'ol') {
    listItems(node, out, doc, 0);
  } else if (tag === 'table') {
    out.push(table(node, doc, classes.includes('cm-parties')));
  } else if (tag === 'blockquote') {
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'p')
        out.push(new Paragraph({ indent: { left: 720 }, children: inline(child.children, { italics: true }, doc) }));
      else blockNodes(child, out, doc);
    }
  } else if (tag === 'pre') {
    for (const line of textOf(node).split('\n')) out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
  } else if (tag === 'hr') {
    out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
  } else {
    for (const child of node.children) blockNodes(child, out, doc);
  }
}

function listItems(list: Element, out: Array<Paragraph | Table>, doc: ContractDocument, level: number): void {
  const ordered = list.tagName === 'ol';
  let number = Number(list.properties?.['start'] ?? 1);
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    const inlineParts: ElementContent[] = [];
    const nested: Element[] = [];
    for (const child of item.children) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) nested.push(child);
      else if (child.type === 'element' && child.tagName === 'p') inlineParts.push(...child.children, { type: 'text', value: ' ' });
      else inlineParts.push(child);
    }
    const marker = ordered ? `${number++}. ` : '• ';
    out.push(new Paragraph({ indent: { left: 360 * (level + 1), hanging: 360 }, children: [new TextRun(marker), ...inline(inlineParts, {}, doc)] }));
    for (const child of nested) listItems(child, out, doc, level + 1);
  }
}

function table(node: Element, doc: ContractDocument, parties: boolean): Table {
  const rows: TableRow[] = [];
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') {
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        rows.push(
          new TableRow({
            children: cells.map(
              (cell, column) =>
                new TableCell({
                  children: [new Paragraph({ children: inline(cell.children, { bold: cell.tagName === 'th' || (parties && column === 0) }, doc) })],
                }),
            ),
          }),
        );
      } else visit(child);
    }
  };
  visit(node);
  return new Table({
    rows: rows.length > 0 ? rows : [new TableRow({ children: [new TableCell({ children: [new Paragraph('')] })] })],
    width: { size: 100, type: WidthType.PERCENTAGE },
  });
}

function inline(nodes: readonly ElementContent[], style: RunStyle, doc: ContractDocument): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value !== '') runs.push(run(node.value.replace(/\s*\n\s*/g, ' '), style));
      continue;
    }
    if (node.type !== 'element') continue;
    const classes = classesOf(node);
    const tag = node.tagName;
    if (tag === 'br') runs.push(new TextRun({ break: 1 }));
    else if (tag === 'strong' || tag === 'b') runs.push(...inline(node.children, { ...style, bold: true }, doc));
    else if (tag === 'em' || tag === 'i') runs.push(...inline(node.children, { ...style, italics: true }, doc));
    else if (tag === 'code') runs.push(...inline(node.children, { ...style, code: true }, doc));
    else if (classes.includes('cm-gap')) runs.push(gapControl(node, style, doc));
    else if (classes.includes('cm-gap-blank')) runs.push(...handBlank(textOf(node), style));
    else if (classes.includes('cm-problem'))
      runs.push(...inline(node.children, { ...style, problem: classes.includes('cm-error') ? 'error' : 'warning' }, doc));
    else if (tag === 'a' && typeof node.properties?.['href'] === 'string' && /^(https?|mailto):/.test(node.properties['href'])) {
      runs.push(new ExternalHyperlink({ link: node.properties['href'], children: [run(textOf(node), { ...style })] }));
    } else runs.push(...inline(node.children, style, doc));
  }
  return runs;
}

function run(text: string, style: RunStyle): TextRun {
  const options: IRunOptions = {
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.code ? { font: 'Consolas' } : {}),
    ...(style.gap ? { highlight: 'yellow', underline: { type: UnderlineType.SINGLE } } : {}),
    ...(style.blankLine ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(style.problem ? { underline: { type: UnderlineType.WAVE, color: style.problem === 'error' ? 'E51400' : 'BF8803' } } : {}),
  };
  return new TextRun(options);
}

/**
 * A gap as a Word content control showing its label highlighted: Word users
 * click it and type, and its tag tells `clausemark import` exactly which
 * blank or field it was, so a round trip gives back the same gaps.
 */
function gapControl(node: Element, style: RunStyle, doc: ContractDocument): ParagraphChild {
  const start = Number(node.properties?.['dataOffset']);
  const end = Number(node.properties?.['dataEnd']);
  const label = textOf(node);
  const tag = new URLSearchParams();
  const placeholder = node.properties?.['dataKind'] === 'placeholder' ? doc.placeholders.find((p) => p.span.start === start) : undefined;
  if (placeholder) {
    const field = doc.fields.get(placeholder.name);
    tag.set('kind', 'placeholder');
    tag.set('field', placeholder.name);
    tag.set('type', field?.type ?? placeholder.inlineType ?? 'text');
    const options = field?.options ?? placeholder.options;
    if (options && options.length > 0) tag.set('options', options.join('|'));
  } else {
    tag.set('kind', 'blank');
    tag.set('blank', Number.isFinite(start) && Number.isFinite(end) ? doc.text.slice(start, end) : '____');
  }
  const properties = [style.bold ? '<w:b/>' : '', style.italics ? '<w:i/>' : '', '<w:highlight w:val="yellow"/>', '<w:u w:val="single"/>'].join('');
  const xml =
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(label.replace(/^[［\[](.*)[］\]]$/u, '$1'))}"/><w:tag w:val="${escapeXml(`clausemark?${tag.toString()}`)}"/><w:showingPlcHdr/><w:text/></w:sdtPr>` +
    `<w:sdtContent><w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r></w:sdtContent></w:sdt>`;
  return ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * A line to fill in by hand: each run of ＿ is underlined space, and the words
 * between stay (`＿＿＿＿年＿＿月＿＿日` prints as a date to write on, and imports
 * back as one date gap).
 */
function handBlank(shape: string, style: RunStyle): TextRun[] {
  return shape
    .split(/(＿+)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('＿') ? run('\u3000'.repeat(Math.max(2, Math.round(part.length * 1.5))), { ...style, blankLine: true }) : run(part, style),
    );
}

/** A table to sign: one row per party, with lines for the signatory and the date. */
function signatureTable(doc: ContractDocument, locale: Locale): Array<Paragraph | Table> {
  const words = WORDS[locale];
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
      shading: bold ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
    });
  const header = new TableRow({ children: [cell(words['party']!, true), cell(words['signatory']!, true), cell(words['date']!, true)] });
  const rows = doc.parties.map(
    (party) => new TableRow({ children: [cell(`${party.key}${party.name ? `：${party.name}` : ''} ${words['seal']}`, true), cell(''), cell('')] }),
  );
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: false, children: [new TextRun(words['signatures']!)] }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
}

function classesOf(node: Element): string[] {
  const value = node.properties?.['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? String(value).split(' ') : [];
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}
