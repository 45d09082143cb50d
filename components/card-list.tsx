import { PaperCard, type CardView } from "./paper-card";

/**
 * The cards of a page drawn from its data (the library's, For you's), each with its controls; a
 * server-rendered list of papers is components/paper-list.tsx.
 */
export function CardList<Item extends { card: CardView }>({
  items,
  controls,
}: {
  items: Item[];
  controls: (item: Item) => React.ReactNode;
}) {
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.card.arxivId}>
          <PaperCard card={item.card} controls={controls(item)} />
        </li>
      ))}
    </ol>
  );
}
