/** Renders the `backticked` parts of an endpoint's description as code. */
export function InlineCode({ text }: { text: string }) {
  return text.split("`").map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="rounded bg-stone-100 px-1 text-[0.9em] dark:bg-stone-800">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
