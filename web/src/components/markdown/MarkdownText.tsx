import { Fragment } from 'react';
import { parseMarkdown, type Inline } from './parse-markdown';
import './markdown.css';

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((c, i) => {
        if (c.kind === 'bold') return <strong key={i}>{c.text}</strong>;
        if (c.kind === 'link') {
          const external = /^https?:/i.test(c.href);
          return (
            <a key={i} href={c.href} {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}>
              {c.text}
            </a>
          );
        }
        return <Fragment key={i}>{c.text}</Fragment>;
      })}
    </>
  );
}

/**
 * A notice's Markdown, rendered as React elements from parsed data: no HTML is ever interpreted (a <script> in
 * the text shows as text) and links go only to http(s), this site's paths or mailto.
 */
export function MarkdownText({ source, className }: { source: string; className?: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div className={className ? `ptce-markdown ${className}` : 'ptce-markdown'}>
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const H = `h${b.level}` as const;
          return (
            <H key={i}>
              <Inlines content={b.content} />
            </H>
          );
        }
        if (b.kind === 'list') {
          const L = b.ordered ? 'ol' : 'ul';
          return (
            <L key={i}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Inlines content={item} />
                </li>
              ))}
            </L>
          );
        }
        return (
          <p key={i}>
            <Inlines content={b.content} />
          </p>
        );
      })}
    </div>
  );
}
