// The Markdown a notice is written in, parsed into plain data (no HTML anywhere): '#'–'###' headings, '- ' or
// '* ' bullet lists, '1. ' numbered lists, paragraphs (lines of a block joined), **bold**, [text](url) links and
// bare http(s) addresses. Anything else — raw HTML included — is text. A link whose address is not http(s), a
// site path or an e-mail address (javascript:, data:, …) is shown as its text only.

export type Inline =
  { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'paragraph'; content: Inline[] };

/** An address a link may point to: http(s), a path on this site, or mailto. Everything else is refused. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters hide a scheme from naive checks
  if (/[\u0000-\u001f\u007f\s]/.test(href)) return null;
  if (/^https?:\/\/[^/]/i.test(href)) return href;
  if (/^mailto:[^:]+@/i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) return href;
  return null;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]*)\)|(https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ kind: 'bold', text: m[1] });
    else if (m[2] !== undefined) {
      const href = safeHref(m[3] ?? '');
      if (href) out.push({ kind: 'link', text: m[2], href });
      else push(m[2]);
    } else if (m[4] !== undefined) {
      // A sentence's closing punctuation is not part of the address.
      const url = m[4].replace(/[.,;:!?'")\]]+$/, '');
      out.push({ kind: 'link', text: url, href: url });
      push(m[4].slice(url.length));
    }
  }
  push(text.slice(last));
  return out;
}

const BULLET = /^[-*] +/;
const NUMBERED = /^\d{1,3}[.、] */;

/** Joins a paragraph's lines: no space between Chinese characters, one between Latin words. */
function joinLines(lines: string[]): string {
  return lines.reduce(
    (acc, l) => (acc && /[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(l) ? `${acc} ${l}` : acc + l),
    '',
  );
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').map((l) => l.trim());
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', content: parseInline(joinLines(para)) });
      para = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const h = /^(#{1,3}) +(.*)$/.exec(line);
      if (h) {
        flush();
        blocks.push({ kind: 'heading', level: (h[1]!.length + 1) as 2 | 3 | 4, content: parseInline(h[2]!) });
        continue;
      }
      const ordered = NUMBERED.test(line);
      if (BULLET.test(line) || ordered) {
        flush();
        const re = ordered ? NUMBERED : BULLET;
        const items: Inline[][] = [];
        while (i < lines.length && re.test(lines[i]!)) {
          items.push(parseInline(lines[i]!.replace(re, '')));
          i++;
        }
        i--;
        blocks.push({ kind: 'list', ordered, items });
        continue;
      }
      para.push(line);
    }
    flush();
  }
  return blocks;
}
