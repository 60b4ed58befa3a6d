import account from './content/account.md?raw';
import authority from './content/authority.md?raw';
import base from './content/base.md?raw';
import center from './content/center.md?raw';
import contact from './content/contact.md?raw';
import faq from './content/faq.md?raw';
import operator from './content/operator.md?raw';
import professional from './content/professional.md?raw';
import spotChecks from './content/spot-checks.md?raw';
import unit from './content/unit.md?raw';
import { helpFacts } from './help-facts';
import { anchorsOf, fillFacts, parseHelp, type Block } from './help-markdown';

export interface HelpPage {
  /** The page's anchor (its first heading's id). */
  id: string;
  title: string;
  blocks: Block[];
}

/** The 帮助中心's pages in reading order: one per role, the account, the FAQ, the help desk. */
const SOURCES = [center, professional, unit, account, authority, spotChecks, base, operator, faq, contact];

export function helpPages(year: number): HelpPage[] {
  const facts = helpFacts(year);
  return SOURCES.map((src) => {
    const blocks = parseHelp(fillFacts(src, facts));
    const first = blocks[0];
    if (first?.kind !== 'heading' || first.level !== 1) throw new Error('帮助内容须以一级标题开头');
    return { id: first.id, title: first.text, blocks };
  });
}

/** Every anchor of the 帮助中心 (pages and their sections). */
export function helpAnchors(year: number): Set<string> {
  return new Set(helpPages(year).flatMap((p) => anchorsOf(p.blocks)));
}
