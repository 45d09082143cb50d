/**
 * Which seed papers a researcher would expect among a paper's similar papers: groups of papers on
 * one topic, judged by reading their titles and abstracts. A paper's expected similar papers are the
 * other members of every group it belongs to. Papers in no group are not asked about.
 */
export const SIMILAR_TOPIC_GROUPS: Record<string, string[]> = {
  "learning from human feedback, preference optimisation and post-training": [
    "2009.01325",
    "2306.01693",
    "2411.15124",
    "2404.14367",
    "2405.19534",
    "2312.00886",
    "2407.14477",
    "2405.07863",
  ],
  "formal theorem proving with language models": ["2410.06209", "2405.14333", "2410.15748"],
  "in-context learning": ["2211.15661", "2306.04891", "2310.03016", "2307.03576", "2212.04458"],
  "class-incremental and continual learning": ["2403.15706", "2405.17779", "2312.07887"],
  "symbolic regression": ["2305.14656", "2309.13705", "2206.10540", "2310.02227"],
  "scaling laws": ["2408.11029", "2403.06563"],
  "self-improving language models": ["2404.12253", "2412.01951", "2412.17256"],
  "language models for scientific literature": ["2408.15545", "2406.07835"],
  "mathematical reasoning of language models": [
    "2502.03387",
    "2502.06781",
    "2502.10454",
    "2205.14318",
    "2401.08190",
    "2301.13867",
    "2401.06961",
    "2404.00344",
    "2501.14275",
    "2405.03553",
    "2403.02178",
    "2406.14532",
    "2412.17256",
    "2502.02508",
  ],
};

/** arXiv id → the ids judged similar to it. */
export function expectedSimilarPapers(): Map<string, Set<string>> {
  const expected = new Map<string, Set<string>>();
  for (const group of Object.values(SIMILAR_TOPIC_GROUPS)) {
    for (const id of group) {
      const others = expected.get(id) ?? new Set<string>();
      for (const other of group) if (other !== id) others.add(other);
      expected.set(id, others);
    }
  }
  return expected;
}
