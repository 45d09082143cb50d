import { Link } from "@/components/link";
import type { ReasonPaper } from "@/lib/for-you/for-you-view";

/** "saved" for a saved paper, else it was "More like this". */
const verb = (paper: ReasonPaper) => (paper.saved ? "saved" : "wanted more like");

/**
 * Why a paper is recommended, as a researcher would say it: "Because you saved LeanAgent and
 * DeepSeek-Prover", each a link to the paper, and the terms that weighed most.
 */
export function RecommendationReason({ because, terms }: { because: ReasonPaper[]; terms: string[] }) {
  return (
    <div className="space-y-1 text-sm text-stone-700 dark:text-stone-300">
      {because.length > 0 && (
        <p>
          Because you{" "}
          {because.map((paper, index) => (
            <span key={paper.arxivId}>
              {index > 0 && " and "}
              {(index === 0 || verb(paper) !== verb(because[index - 1]!)) && `${verb(paper)} `}
              <Link
                href={`/papers/${paper.arxivId}`}
                title={paper.title}
                className="font-medium text-accent-700 underline dark:text-accent-300"
              >
                <span className="italic" dangerouslySetInnerHTML={{ __html: paper.shortTitleHtml }} />
              </Link>
            </span>
          ))}
        </p>
      )}
      {terms.length > 0 && (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          <span className="sr-only">Terms that weighed most: </span>
          {terms.join(" · ")}
        </p>
      )}
    </div>
  );
}
