/**
 * Renders the chapters' Markdown-lite (see server/src/db/seed/content/types.ts): blocks separated
 * by blank lines — '## ' headings, '- ' bullet lists, otherwise paragraphs. No HTML is ever
 * interpreted: everything is text.
 */
export function ChapterText({ body }: { body: string }) {
  const blocks = body
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="ptce-chapter-text">
      {blocks.map((block, i) => {
        if (block.startsWith('## ')) return <h2 key={i}>{block.slice(3)}</h2>;
        const lines = block.split('\n');
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{lines.join('')}</p>;
      })}
    </div>
  );
}
