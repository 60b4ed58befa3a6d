/**
 * The help pages' Markdown subset, parsed into plain data (rendered by HelpText.tsx; no HTML is ever
 * interpreted). Blocks are separated by blank lines:
 * - `# `, `## `, `### ` headings ending in `{#anchor}` (the anchor is the section's id in /help#anchor);
 * - lines all starting with `- ` (a list) or `1. ` (steps);
 * - `> ` a note (温馨提示);
 * - anything else a paragraph.
 * Inline: `**bold**` and `[text](#anchor)` / `[text](/path)` links (inside the app only).
 * `{{name}}` is replaced by a fact from @ptce/rules (help-facts.ts) before parsing; an unknown name throws.
 */
export type Inline = { text: string } | { strong: string } | { link: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; id: string; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'note'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,3}) (.+?) \{#([a-z0-9-]+)\}$/;
const ORDERED = /^\d+\. /;

export function fillFacts(source: string, facts: Readonly<Record<string, string | number>>): string {
  return source.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = facts[name];
    if (v === undefined) throw new Error(`帮助内容引用了未知的数据：${name}`);
    return String(v);
  });
}

export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([#/][^)\s]*)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ strong: m[1] });
    else out.push({ link: m[2]!, href: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function parseHelp(source: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of source.split(/\n\s*\n/)) {
    const block = raw.trim();
    if (!block) continue;
    const lines = block.split('\n').map((l) => l.trim());
    const heading = lines.length === 1 ? HEADING.exec(block) : null;
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length as 1 | 2 | 3,
        text: heading[2]!,
        id: heading[3]!,
      });
    } else if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({ kind: 'list', ordered: false, items: lines.map((l) => parseInlines(l.slice(2))) });
    } else if (lines.every((l) => ORDERED.test(l))) {
      blocks.push({ kind: 'list', ordered: true, items: lines.map((l) => parseInlines(l.replace(ORDERED, ''))) });
    } else if (lines.every((l) => l.startsWith('> '))) {
      blocks.push({ kind: 'note', inlines: parseInlines(lines.map((l) => l.slice(2)).join('')) });
    } else {
      blocks.push({ kind: 'paragraph', inlines: parseInlines(lines.join('')) });
    }
  }
  return blocks;
}

/** The anchors of a parsed page, in order. */
export function anchorsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' ? [b.id] : []));
}
