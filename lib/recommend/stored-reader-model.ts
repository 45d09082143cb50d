import "server-only";

import { db, primaryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getReaderTaste } from "@/lib/library/reader-taste";
import { loadVectorsByTermId } from "@/lib/similarity/load-vectors";

import { packModel, type PackedModel } from "./reader-model";
import { learnTaste } from "./reader-scorer";
import { sampleBackground } from "./sample-background";

/**
 * A reader's model as stored (its weights as typed arrays), the score a digest's pick must beat
 * (null: no bar), and how many of their liked and disliked papers (those with vectors) it learned from.
 */
export type StoredReaderModel = { model: PackedModel; bar: number | null; papers: number };

/**
 * Trains the reader's model on their library and ratings as they are now (getReaderTaste) and
 * stores it; a reader who likes no indexed paper has none (the row goes). Every write that changes
 * what a reader likes calls this once it has committed: training takes milliseconds (under 50 for a
 * 500-paper library), so the next page and the next digest read the new model. The row is written
 * only while the taste version it learned from is the reader's current one, and never over a
 * model of a later version, so when two instances retrain at once the newer library wins.
 */
export async function retrainReaderModel(readerId: number): Promise<StoredReaderModel | null> {
  const taste = await getReaderTaste(readerId);
  if (taste.version === null) return null;
  const own = [...taste.liked, ...taste.disliked];
  const vectors = await loadVectorsByTermId(db, own);
  const vectorsOf = (ids: number[]) => ids.flatMap((id) => (vectors.has(id) ? [vectors.get(id)!] : []));
  const liked = vectorsOf(taste.liked);
  if (liked.length === 0) {
    await db.$executeRaw`DELETE FROM reader_model WHERE reader_id = ${readerId} AND taste_version <= ${taste.version}`;
    return null;
  }
  const background = await sampleBackground(own);
  const { model, bar } = learnTaste({ liked, disliked: vectorsOf(taste.disliked), background: [...background.values()] });
  const packed = packModel(model);
  await db.$executeRaw`
    INSERT INTO reader_model AS m (reader_id, taste_version, papers, bias, bar, term_ids, weights)
    SELECT id, taste_version, ${vectors.size}::int, ${model.bias}::float8, ${bar}::float8, ${[...packed.terms]}::int[], ${[...packed.weights]}::real[]
    FROM reader WHERE id = ${readerId} AND taste_version = ${taste.version}
    ON CONFLICT (reader_id) DO UPDATE
    SET taste_version = excluded.taste_version, papers = excluded.papers, bias = excluded.bias, bar = excluded.bar,
        term_ids = excluded.term_ids, weights = excluded.weights, trained_at = now()
    WHERE m.taste_version <= excluded.taste_version`;
  return { model: packed, bar, papers: vectors.size };
}

/**
 * retrainReaderModel for a write that has committed, which a failed retrain must not report as
 * failed: the failure is logged, and the stale row is retrained when next read (currentModel).
 */
export async function retrainAfterWrite(readerId: number): Promise<void> {
  try {
    await retrainReaderModel(readerId);
  } catch (error) {
    console.error(`Retraining reader ${readerId}'s model after a write failed`, error);
  }
}

/** A reader model `m`'s columns, for a raw statement that reads one (storedModel reads them back). */
export const MODEL_COLUMNS = Prisma.sql`
  m.papers AS "modelPapers", m.bias, m.bar, array_send(m.term_ids) AS "termIds", array_send(m.weights) AS weights`;

/** MODEL_COLUMNS as a row has them: all null for no model. */
export type ModelColumns =
  { modelPapers: number; bias: number; bar: number | null; termIds: Uint8Array; weights: Uint8Array } | { termIds: null };

/**
 * The model of MODEL_COLUMNS, null for none. The arrays come in PostgreSQL's binary form
 * (array_send), read straight into typed arrays: as text they were 4,000 numbers to split and
 * parse a reader, most of loading a digest batch's models.
 */
export function storedModel(row: ModelColumns): StoredReaderModel | null {
  if (row.termIds === null) return null;
  const model = { terms: readArray(row.termIds, Int32Array), weights: readArray(row.weights, Float32Array), bias: row.bias };
  return { model, bar: row.bar, papers: row.modelPapers };
}

/**
 * The reader's model for what they like now: `stored`, the row read for their current taste
 * version, when it learned from `papers` of their liked and disliked papers (those with vectors: one
 * indexed since it was trained makes it stale), else trained and stored now; so a lost or stale
 * row costs a retrain, never a wrong or empty list. Null for a reader who likes no indexed paper.
 */
export async function currentModel(readerId: number, stored: StoredReaderModel | null, papers: number): Promise<StoredReaderModel | null> {
  return stored?.papers === papers ? stored : await retrainReaderModel(readerId);
}

/** The models of these readers for what they like now (currentModel), their stored rows read in one query. */
export async function loadReaderModels(readers: { readerId: number; papers: number }[]): Promise<Map<number, StoredReaderModel>> {
  if (readers.length === 0) return new Map();
  const rows = await primaryRows<ModelColumns & { readerId: number }>(Prisma.sql`
    SELECT m.reader_id AS "readerId", ${MODEL_COLUMNS}
    FROM reader_model m JOIN reader r ON r.id = m.reader_id AND r.taste_version = m.taste_version
    WHERE m.reader_id = ANY(${readers.map((reader) => reader.readerId)}::int[])`);
  const stored = new Map(rows.map((row) => [row.readerId, storedModel(row)]));
  const models = new Map<number, StoredReaderModel>();
  for (const { readerId, papers } of readers) {
    const model = await currentModel(readerId, stored.get(readerId) ?? null, papers);
    if (model) models.set(readerId, model);
  }
  return models;
}

/**
 * A one-dimensional int4[] or float4[] without nulls in PostgreSQL's binary array format: the
 * dimensions, the lower bound and the element type (20 bytes; 12 for an empty array), then each
 * element as its length (4) and its big-endian value.
 */
function readArray<Values extends Int32Array | Float32Array>(bytes: Uint8Array, of: { new (length: number): Values }): Values {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0) === 0) return new of(0);
  const values = new of(view.getInt32(12));
  const float = values instanceof Float32Array;
  for (let index = 0, at = 24; index < values.length; index++, at += 8) values[index] = float ? view.getFloat32(at) : view.getInt32(at);
  return values;
}
