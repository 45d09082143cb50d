import type { PaperInput } from "./paper-input";

/** A paper a source could not deliver, and why. */
export type IngestFailure = { id: string | null; reason: string };

/** What a source yields, one page at a time: the papers, the entries it had to skip, and how many to expect in all. */
export type IngestBatch = { papers: PaperInput[]; failures: IngestFailure[]; total?: number };
