import { CardList } from "@/components/card-list";
import type { ForYouCard } from "@/lib/for-you/for-you-view";

import { ForYouControls } from "./for-you-controls";

/** For you's cards, each with its reason and controls. */
export function ForYouCards({ cards, returnTo }: { cards: ForYouCard[]; returnTo: string }) {
  return (
    <CardList
      items={cards}
      controls={(card) => (
        <ForYouControls
          arxivId={card.card.arxivId}
          title={card.title}
          mark={card.mark}
          because={card.because}
          terms={card.terms}
          returnTo={returnTo}
        />
      )}
    />
  );
}
