import { PaperCard } from "@/components/paper-card";
import type { ForYouCard } from "@/lib/for-you/for-you-view";

import { ForYouControls } from "./for-you-controls";

/** For you's cards, each with its reason and controls. */
export function ForYouCards({ cards, returnTo }: { cards: ForYouCard[]; returnTo: string }) {
  return (
    <ol className="space-y-3">
      {cards.map((card) => (
        <li key={card.card.arxivId}>
          <PaperCard
            card={card.card}
            controls={
              <ForYouControls
                arxivId={card.card.arxivId}
                title={card.title}
                mark={card.mark}
                because={card.because}
                terms={card.terms}
                returnTo={returnTo}
              />
            }
          />
        </li>
      ))}
    </ol>
  );
}
