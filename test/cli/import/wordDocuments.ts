/**
 * Word documents made in the tests with the `docx` library, the way a firm's
 * template would hold them: automatic numbering, underlined blanks, content
 * controls, form fields, checkboxes, tables, footnotes, tracked changes and
 * comments. Word features the library has no class for are written as the
 * WordprocessingML Word itself writes.
 */
import {
  AlignmentType,
  CheckBox,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  ImportedXmlComponent,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';

export async function pack(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Raw WordprocessingML inside a paragraph (content controls, legacy form fields). */
export function xml(text: string): ParagraphChild {
  return ImportedXmlComponent.fromXmlString(text) as unknown as ParagraphChild;
}

const CLAUSE_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条', alignment: AlignmentType.START },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.START },
  { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: AlignmentType.START },
];
const SECTION_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
  { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.START },
  { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
];
const DECIMAL_LEVELS = [
  { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
  { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START },
];

/** A Chinese contract whose clause numbers are all Word's automatic numbering. */
export function numberedContract(): Document {
  const clause = (text: string, level: number, reference = 'clauses') => new Paragraph({ text, numbering: { reference, level } });
  return new Document({
    numbering: {
      config: [
        { reference: 'clauses', levels: CLAUSE_LEVELS },
        { reference: 'sections', levels: SECTION_LEVELS },
        { reference: 'decimal', levels: DECIMAL_LEVELS },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '技术服务合同', heading: HeadingLevel.TITLE }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'sections', level: 0 }, children: [new TextRun('服务内容')] }),
          clause('乙方提供模型训练服务。', 0),
          clause('训练数据由甲方提供。', 1),
          clause('标注数据不少于一万条。', 1),
          clause('格式为 JSONL；', 2),
          clause('字段齐全。', 2),
          clause('乙方按期交付。', 0),
          new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'sections', level: 0 }, children: [new TextRun('费用')] }),
          clause('首期支付30%。', 1, 'sections'),
          clause('尾款支付70%。', 1, 'sections'),
          clause('发票另行开具。', 2, 'sections'),
        ],
      },
    ],
  });
}

/** An English agreement numbered 1. / 1.1 by Word. */
export function decimalContract(): Document {
  const clause = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'decimal', level } });
  return new Document({
    numbering: { config: [{ reference: 'decimal', levels: DECIMAL_LEVELS }] },
    sections: [
      {
        children: [
          clause('Definitions', 0),
          clause('Terms have the meaning below.', 1),
          clause('Headings do not count.', 1),
          clause('Fees', 0),
          clause('The fee is 100% payable on signing.', 1),
        ],
      },
    ],
  });
}

const underlined = (text: string) => new TextRun({ text, underline: {} });

/** Lines to write on, made as Word users make them: underlined spaces and tabs. */
export function underlinedBlanks(): Document {
  return new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('甲方（委托方）：'), underlined('                    ')] }),
          new Paragraph({
            children: [new TextRun('服务费总额为人民币'), underlined('        '), new TextRun('元，尾款'), underlined('   '), new TextRun('%。')],
          }),
          new Paragraph({ children: [new TextRun('签署日期：'), underlined('      年    月    日')] }),
          new Paragraph({ children: [new TextRun('地址：'), underlined('\t')] }),
          new Paragraph({
            children: [
              new TextRun('Underlined words stay words: '),
              underlined('governing law'),
              new TextRun(', '),
              underlined('ARTICLE 1    DEFINITIONS'),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ children: [new TextRun('Signed by '), underlined('Name:          ')] }),
          new Paragraph({ children: [new TextRun('已写好的空白保持原样：____，[●]，【    】。')] }),
        ],
      },
    ],
  });
}

const control = (alias: string, shown: string, extra = '') =>
  xml(
    `<w:sdt><w:sdtPr><w:alias w:val="${alias}"/><w:tag w:val="${alias}"/><w:showingPlcHdr/>${extra}</w:sdtPr>` +
      `<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>${shown}</w:t></w:r></w:sdtContent></w:sdt>`,
  );

const formText = (name: string, status: string | undefined, result: string) =>
  xml(
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${name}"/><w:enabled/>${status ? `<w:statusText w:type="text" w:val="${status}"/>` : ''}<w:textInput/></w:ffData></w:fldChar></w:r>` +
      `<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t xml:space="preserve">${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
  );

const formCheckbox = (checked: boolean) =>
  xml(
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="${checked ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r>` +
      `<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
  );

/** Content controls, legacy form fields, highlighted placeholders and checkboxes. */
export function controlsAndCheckboxes(): Document {
  return new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Client: '), control('Client name', 'Click or tap here to enter text.')] }),
          new Paragraph({
            children: [
              new TextRun('Effective date: '),
              control('Effective date', 'Click to enter a date.', '<w:date><w:dateFormat w:val="yyyy-MM-dd"/></w:date>'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('Governing law: '),
              control(
                'Law',
                'Choose an item.',
                '<w:dropDownList><w:listItem w:displayText="England" w:value="England"/><w:listItem w:displayText="New York" w:value="New York"/></w:dropDownList>',
              ),
            ],
          }),
          new Paragraph({ children: [new TextRun('Provider: '), formText('Text1', 'Provider name', '\u2002\u2002\u2002\u2002\u2002')] }),
          new Paragraph({ children: [new TextRun('Notice address: '), formText('Text2', undefined, '\u2002\u2002\u2002\u2002\u2002')] }),
          new Paragraph({ children: [new TextRun('Filled: '), formText('Text3', 'City', 'London')] }),
          new Paragraph({
            children: [
              new TextRun('Fee: USD '),
              new TextRun({ text: '[Fee]', highlight: 'yellow' }),
              new TextRun(', payable '),
              new TextRun({ text: 'promptly', highlight: 'yellow' }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({
            children: [new CheckBox({ checked: true }), new TextRun(' Option A  '), new CheckBox({ checked: false }), new TextRun(' Option B')],
          }),
          new Paragraph({ children: [formCheckbox(true), new TextRun(' Renewal  '), formCheckbox(false), new TextRun(' No renewal')] }),
          new Paragraph({ children: [new TextRun('☐ typed box  ☒ typed tick')] }),
        ],
      },
    ],
  });
}

const cell = (...lines: string[]) => new TableCell({ children: lines.map((line) => new Paragraph(line)) });

/** A payment table, a signature table with lines in its cells, a party block with line breaks, and a footnote. */
export function tablesAndNotes(): Document {
  return new Document({
    footnotes: { 1: { children: [new Paragraph('以银行到账日为准。')] } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: '甲方：北京示例科技有限公司', bold: true }),
              new TextRun({ text: '地址：北京市海淀区', break: 1 }),
              new TextRun({ text: '联系人：王明', break: 1 }),
            ],
          }),
          new Paragraph({ children: [new TextRun('付款方式如下表'), new FootnoteReferenceRun(1), new TextRun('。')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('期数'), cell('比例')] }),
              new TableRow({ children: [cell('首期'), cell('30%')] }),
              new TableRow({ children: [cell('尾款'), cell('70%')] }),
            ],
          }),
          new Paragraph('签署：'),
          new Table({
            rows: [
              new TableRow({ children: [cell('甲方（盖章）'), cell('乙方（盖章）')] }),
              new TableRow({ children: [cell('授权代表：', '日期：____年__月__日'), cell('授权代表：', '日期：____年__月__日')] }),
            ],
          }),
        ],
      },
    ],
  });
}

/** Tracked changes and a comment, left unresolved by the other side's lawyer. */
export function trackedChanges(): Document {
  const change = { author: 'Li Lei', date: '2026-03-01T10:00:00Z' };
  return new Document({
    comments: { children: [{ id: 0, author: 'Han Meimei', date: new Date('2026-03-01T10:00:00Z'), children: [new Paragraph('Is 30 days enough?')] }] },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun('Payment is due within '),
              new DeletedTextRun({ text: 'sixty', id: 1, ...change }),
              new InsertedTextRun({ text: 'thirty', id: 2, ...change }),
              new TextRun(' days.'),
            ],
          }),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('Notices are given in writing.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
        ],
      },
    ],
  });
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A package written by hand, part by part, for what the `docx` library cannot
 * make: lists defined through a numbering style, as legal templates define them.
 */
export async function handMadePackage(body: string, numbering: string, styles = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body>${body}</w:body></w:document>`);
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>${numbering}</w:numbering>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A 1×1 PNG: a company seal or a logo, as far as the import can tell. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export function withPictures(): Document {
  const picture = (description: string) =>
    new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 40, height: 40 }, altText: { name: 'seal', description, title: '' } });
  return new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [picture(''), new TextRun('甲方（盖章）：'), picture('甲方公章')] }),
          new Paragraph({ children: [picture('')] }),
          new Paragraph('乙方（盖章）：'),
        ],
      },
    ],
  });
}
