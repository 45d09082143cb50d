import { describe, expect, it } from "vitest";

import { decodeImportFile, MAX_IMPORT_BYTES } from "@/lib/library/decode-import-file";
import { countRecords, findArxivIds } from "@/lib/library/find-arxiv-ids";

const ZOTERO = String.raw`
@misc{vaswani_attention_2017,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762},
	doi = {10.48550/arXiv.1706.03762},
	publisher = {arXiv},
	author = {Vaswani, Ashish},
	year = {2017},
	note = {arXiv:1706.03762 [cs]},
}

@article{devlin_bert_2019,
	title = {{BERT}},
	eprint = {1810.04805},
	archivePrefix = {arXiv},
}

@article{old_2001,
	journal = {arXiv e-prints},
	eprint = "hep-th/0101001v2",
}

@book{knuth, title = {The Art of Computer Programming}, pages = {1234.5678}, year = {1968}}
`;

const RIS = `TY  - JOUR
TI  - Scaling Laws
UR  - https://arxiv.org/pdf/2001.08361v1.pdf
DO  - 10.48550/ARXIV.2001.08361
ER  -

TY  - BOOK
TI  - No arXiv here
ER  -
`;

describe("findArxivIds", () => {
  it("finds eprint fields, arXiv links, arXiv DOIs and arXiv: notes in a Zotero export", () => {
    expect(findArxivIds(ZOTERO, { bare: false })).toEqual({ ids: ["1706.03762", "1810.04805", "hep-th/0101001"], duplicates: 0 });
    expect(countRecords(ZOTERO)).toBe(4);
  });

  it("reads RIS (Mendeley) links and DOIs", () => {
    expect(findArxivIds(RIS, { bare: false })).toEqual({ ids: ["2001.08361"], duplicates: 0 });
    expect(countRecords(RIS)).toBe(2);
  });

  it("takes bare ids only from pasted text, and never impossible ones", () => {
    const pasted = "2502.03387\nhttps://arxiv.org/abs/2411.15124v2 arXiv:2405.07863 2502.03387 9999.99999 1234.5678 0612.1234";
    expect(findArxivIds(pasted, { bare: true })).toEqual({ ids: ["2502.03387", "2411.15124", "2405.07863"], duplicates: 1 });
    expect(findArxivIds("pages = {2502.03387}", { bare: false }).ids).toEqual([]);
  });

  it("still finds the ids around a broken entry", () => {
    const broken = `@article{a, title = {unclosed {{{ brace, eprint = {2502.03387}\n@@@ garbage }}}} \n@misc{b, url = {https://arxiv.org/abs/2411.15124}`;
    expect(findArxivIds(broken, { bare: false }).ids).toEqual(["2502.03387", "2411.15124"]);
  });

  it("handles thousands of ids and megabytes of text quickly", () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `2401.${String(10_000 + index)}`);
    const text = ids.map((id) => `@misc{k${id}, eprint = {${id}}, url = {https://arxiv.org/abs/${id}}}`).join("\n");
    const started = performance.now();
    const found = findArxivIds(text, { bare: false });
    expect(found.ids).toHaveLength(5_000);
    expect(found.duplicates).toBe(0);
    expect(findArxivIds(`${text}\n${text}`, { bare: false }).duplicates).toBe(5_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("decodeImportFile", () => {
  it("refuses binaries and oversized files with a message, and reads Latin-1", () => {
    expect(decodeImportFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("not a text file"),
    });
    expect(decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))).toMatchObject({
      ok: false,
      message: expect.stringContaining("up to 2 MB"),
    });
    expect(decodeImportFile(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toEqual({ ok: true, text: "Müller" });
    expect(decodeImportFile(new TextEncoder().encode("\ufeff@misc{a}"))).toEqual({ ok: true, text: "@misc{a}" });
  });
});
