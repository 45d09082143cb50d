// A synthetic corpus with known topic clusters, for the recommender's hold-out evaluation: topics,
// each with subtopics, each with papers whose words come from their subtopic, their topic, a
// shared general vocabulary and now and then another topic. Invented words (so that no real
// vocabulary or stop list favours one method), the same corpus for a given seed.
import type { PaperInput } from "../../lib/ingest/paper-input";

export const TOPICS = 10;
export const SUBTOPICS = 4;
export const PAPERS_PER_SUBTOPIC = 25;

/** mulberry32: a small, seeded PRNG so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aeiou";

function inventWords(random: () => number, count: number, taken: Set<string>): string[] {
  const words: string[] = [];
  while (words.length < count) {
    let word = "";
    const syllables = 2 + Math.floor(random() * 2);
    for (let i = 0; i < syllables; i++)
      word += CONSONANTS[Math.floor(random() * CONSONANTS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
    word += CONSONANTS[Math.floor(random() * CONSONANTS.length)]!;
    if (!taken.has(word)) {
      taken.add(word);
      words.push(word);
    }
  }
  return words;
}

export type SyntheticPaper = PaperInput & { topic: number; subtopic: number };

export function syntheticCorpus(seed = 20261206): SyntheticPaper[] {
  const random = seededRandom(seed);
  const taken = new Set<string>();
  const general = inventWords(random, 400, taken);
  const topics = Array.from({ length: TOPICS }, () => ({
    words: inventWords(random, 25, taken),
    subtopics: Array.from({ length: SUBTOPICS }, () => inventWords(random, 8, taken)),
    authors: Array.from({ length: 8 }, () =>
      inventWords(random, 2, taken)
        .map((name) => name[0]!.toUpperCase() + name.slice(1))
        .join(" "),
    ),
  }));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  // General words follow a Zipf-like law: a few are everywhere, most are rare.
  const generalWord = () => general[Math.floor(general.length * random() ** 2.5)]!;
  const papers: SyntheticPaper[] = [];
  topics.forEach((topic, topicIndex) => {
    topic.subtopics.forEach((subtopic, subtopicIndex) => {
      for (let i = 0; i < PAPERS_PER_SUBTOPIC; i++) {
        const word = () => {
          const roll = random();
          if (roll < 0.06) return pick(subtopic);
          if (roll < 0.16) return pick(topic.words);
          if (roll < 0.24) return pick(pick(topics).words);
          return generalWord();
        };
        const title = [pick(subtopic), pick(topic.words), generalWord(), word(), pick(topic.words), generalWord()].join(" ");
        const abstract = Array.from({ length: 8 }, () => `${Array.from({ length: 15 }, word).join(" ")}.`).join(" ");
        const number = papers.length + 1;
        papers.push({
          arxivId: `2511.${String(90_000 + number).padStart(5, "0")}`,
          version: 1,
          title: title[0]!.toUpperCase() + title.slice(1),
          abstract,
          authors: [pick(topic.authors), pick(pick(topics).authors)],
          publishedOn: `2025-11-${String(1 + (number % 28)).padStart(2, "0")}`,
          revisedOn: null,
          primaryCategory: `cs.${["LG", "CL", "CV", "AI"][topicIndex % 4]}`,
          categories: [`cs.${["LG", "CL", "CV", "AI"][topicIndex % 4]}`],
          doi: null,
          comment: null,
          journalRef: null,
          githubRepo: null,
          githubStars: null,
          externalUpvotes: 0,
          source: "arxiv",
          topic: topicIndex,
          subtopic: subtopicIndex,
        });
      }
    });
  });
  return papers;
}
