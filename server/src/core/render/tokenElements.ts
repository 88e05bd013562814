import type { ElementContent, Element } from 'hast';
import type { Blank, ContractDocument, Field, Locale, Placeholder } from '../model.js';
import { clauseNumberText } from '../clauseNumber.js';
import { formatFieldValue } from '../values/formatValue.js';
import { typeName } from '../i18n/typeNames.js';
import { renderMessage } from './messages.js';
import type { Token } from './substitute.js';

export interface TokenContext {
  readonly doc: ContractDocument;
  readonly locale: Locale;
  readonly showGaps: boolean;
}

/** Elements we create ourselves; every string in them is escaped when serialised. */
export function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** What a token reads as: a value, a visible gap, a clause number, or the character it protected. */
export function tokenElements(token: Token, context: TokenContext): ElementContent[] {
  switch (token.kind) {
    case 'literal':
      return [text(token.text)];
    case 'label':
      return []; // the label becomes an id on the clause's element, see `renderContract`
    case 'blank':
      return [blankGap(token.blank, context)];
    case 'placeholder':
      return [placeholderElement(token.placeholder, context)];
    case 'reference': {
      const { reference, clause } = token;
      if (clause === undefined) {
        return [
          element(
            'span',
            {
              className: ['cm-ref', 'cm-ref-broken'],
              dataOffset: reference.span.start,
              title: renderMessage(context.locale, 'brokenReference', { label: reference.label }),
            },
            [text(reference.text), element('sup', { className: ['cm-ref-flag'] }, [text('?')])],
          ),
        ];
      }
      return [
        element('a', { className: ['cm-ref'], href: `#clause-${clause.label}`, dataOffset: reference.span.start }, [
          text(clauseNumberText(context.doc, clause)),
        ]),
      ];
    }
  }
}

function placeholderElement(placeholder: Placeholder, context: TokenContext): Element {
  const { doc, locale } = context;
  const field = doc.fields.get(placeholder.name);
  if (field === undefined) {
    // Not a gap (nothing declares it) but not a value either: show its name; `undefined-field` reports it.
    if (!context.showGaps) return handBlank('line');
    return element(
      'span',
      {
        className: ['cm-unknown-field'],
        dataOffset: placeholder.span.start,
        dataEnd: placeholder.span.end,
        title: renderMessage(locale, 'unknownFieldTitle', { name: placeholder.name }),
      },
      [text(renderMessage(locale, 'gapLabel', { label: placeholder.name }))],
    );
  }
  if (field.value === undefined) {
    if (!context.showGaps) return handBlank(field.type === 'date' && doc.contractLocale === 'zh-CN' ? 'date' : 'line');
    const label = field.description ?? field.name;
    const args = { label, name: field.name, type: typeName(locale, field.type) };
    return gapSpan(
      placeholder.span.start,
      placeholder.span.end,
      'placeholder',
      renderMessage(locale, label === field.name ? 'placeholderTitle' : 'placeholderTitleDescribed', args),
      label,
      locale,
    );
  }
  return valueSpan(placeholder, field, context);
}

function valueSpan(placeholder: Placeholder, field: Field, context: TokenContext): Element {
  const invalid = field.value?.parsed === undefined;
  return element(
    'span',
    {
      className: invalid ? ['cm-value', 'cm-value-invalid'] : ['cm-value'],
      dataOffset: placeholder.span.start,
      dataEnd: placeholder.span.end,
      dataField: field.name,
      title: renderMessage(context.locale, 'valueTitle', { name: field.name, type: typeName(context.locale, field.type) }),
    },
    [text(formatFieldValue(context.doc.text, placeholder, field, context.doc.contractLocale))],
  );
}

function blankGap(blank: Blank, context: TokenContext): Element {
  const { doc, locale } = context;
  if (!context.showGaps) return handBlank(blank.kind === 'date' ? 'date' : 'line');
  const label = blankLabel(doc.text, blank, locale);
  const title =
    blank.expects === undefined || label === typeName(locale, blank.expects)
      ? renderMessage(locale, 'blankTitle', { label })
      : renderMessage(locale, 'blankTitleTyped', { label, type: typeName(locale, blank.expects) });
  return gapSpan(blank.span.start, blank.span.end, 'blank', title, label, locale);
}

/**
 * What a blank is called: the words before it when a colon makes them its name
 * (`地址：____`), else what it holds (`首期支付_%` → 百分比, `人民币____元` → 金额),
 * else just "gap": words that run on into the blank (`协商未果提交____`) are
 * already on the page, and repeating them in the box reads as a stutter.
 */
function blankLabel(text: string, blank: Blank, locale: Locale): string {
  const introducedByColon = /[:：]\s*$/.test(text.slice(Math.max(0, blank.span.start - 4), blank.span.start));
  if (introducedByColon) {
    // The model's label is one word; an English caption reads as the few words before the colon.
    const caption = /(?<![\w'’-])((?:[A-Za-z][\w'’-]*[ \t]+){0,3}[A-Za-z][\w'’-]*)[ \t]*[:：][ \t]*$/.exec(
      text.slice(Math.max(0, blank.span.start - 60), blank.span.start),
    );
    if (caption && blank.label !== undefined && caption[1]!.endsWith(blank.label)) return caption[1]!;
  }
  if (blank.label !== undefined && introducedByColon) return withoutLinkingWords(blank.label);
  if (blank.expects !== undefined) return typeName(locale, blank.expects);
  return renderMessage(locale, 'blankUnnamed');
}

/** `格式为____` names the format; `数据量不少于____` the quantity. */
function withoutLinkingWords(label: string): string {
  const trimmed = label.replace(/(?:为|是|不少于|不低于|不超过|不高于|不多于|达到|约为|at least|of|is)$/i, '').trim();
  return trimmed.length >= 2 ? trimmed : label;
}

function gapSpan(start: number, end: number, kind: 'blank' | 'placeholder', title: string, label: string, locale: Locale): Element {
  return element('span', { className: ['cm-gap'], dataOffset: start, dataEnd: end, dataKind: kind, title }, [
    text(renderMessage(locale, 'gapLabel', { label })),
  ]);
}

/** A line to write on by hand when the contract is printed as a form. */
function handBlank(shape: 'line' | 'date'): Element {
  return element('span', { className: ['cm-gap-blank'] }, [text(shape === 'date' ? '＿＿＿＿年＿＿月＿＿日' : '＿＿＿＿')]);
}
