import { Link } from 'react-router';
import type { Block, Inline } from './help-markdown';

function Inlines({ items }: { items: readonly Inline[] }) {
  return (
    <>
      {items.map((x, i) =>
        'strong' in x ? (
          <strong key={i}>{x.strong}</strong>
        ) : 'link' in x ? (
          x.href.startsWith('#') ? (
            <a key={i} href={x.href}>
              {x.link}
            </a>
          ) : (
            <Link key={i} to={x.href}>
              {x.link}
            </Link>
          )
        ) : (
          x.text
        ),
      )}
    </>
  );
}

/** One help page's blocks (help-markdown.ts) as headings with ids, steps, lists, notes and paragraphs — text only. */
export function HelpText({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="ptce-help-text">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const H = b.level === 1 ? 'h2' : b.level === 2 ? 'h3' : 'h4';
            return (
              <H key={i} id={b.id} tabIndex={-1}>
                {b.text}
              </H>
            );
          }
          case 'list': {
            const L = b.ordered ? 'ol' : 'ul';
            return (
              <L key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Inlines items={item} />
                  </li>
                ))}
              </L>
            );
          }
          case 'note':
            return (
              <p key={i} className="ptce-help-note">
                <Inlines items={b.inlines} />
              </p>
            );
          default:
            return (
              <p key={i}>
                <Inlines items={b.inlines} />
              </p>
            );
        }
      })}
    </div>
  );
}
