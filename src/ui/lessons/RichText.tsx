// Lesson text: paragraphs separated by blank lines, `code` in backticks.
// No HTML from the data is ever interpreted.

import { Fragment } from 'react';

export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n\s*\n/).map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <p key={i}>
          {para.split('`').map((part, j) =>
            j % 2 === 1 ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a fixed text
              <code key={j}>{part}</code>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a fixed text
              <Fragment key={j}>{part}</Fragment>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
