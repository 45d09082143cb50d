-- Field vocabulary: pairs of forms that mean the same to a researcher, so that a query in one form
-- also searches the other. Acronyms and their expansions are mined from titles and abstracts at
-- ingest ("large language models (LLMs)", see lib/search/mine-abbreviations.ts); a few synonyms
-- stemming misses are curated below. Each form is also kept as its search key, the text of its
-- phrase tsquery ('larg' <-> 'languag' <-> 'model'), which is how a query's words are looked up.
CREATE TABLE "search_vocabulary" (
    "short_form" text NOT NULL,
    "long_form" text NOT NULL,
    "short_key" text NOT NULL GENERATED ALWAYS AS (phraseto_tsquery('paper_search'::regconfig, "short_form")::text) STORED,
    "long_key" text NOT NULL GENERATED ALWAYS AS (phraseto_tsquery('paper_search'::regconfig, "long_form")::text) STORED,
    -- Papers that defined the pair (mined pairs); a pair few papers use beside a common one is noise.
    "papers" integer NOT NULL DEFAULT 0,
    "curated" boolean NOT NULL DEFAULT false,
    PRIMARY KEY ("short_key", "long_key")
);
CREATE INDEX "search_vocabulary_long_key_idx" ON "search_vocabulary" ("long_key");

INSERT INTO "search_vocabulary" ("short_form", "long_form", "curated") VALUES
    ('LLM', 'large language model', true),
    ('RL', 'reinforcement learning', true),
    ('RLHF', 'reinforcement learning from human feedback', true),
    ('DPO', 'direct preference optimization', true),
    ('CoT', 'chain of thought', true),
    ('ICL', 'in-context learning', true),
    ('NLP', 'natural language processing', true),
    ('SFT', 'supervised fine-tuning', true),
    ('PEFT', 'parameter-efficient fine-tuning', true),
    ('RAG', 'retrieval-augmented generation', true),
    ('GNN', 'graph neural network', true),
    ('ViT', 'vision transformer', true),
    ('VLM', 'vision-language model', true),
    ('continual learning', 'incremental learning', true),
    ('continual learning', 'lifelong learning', true),
    ('incremental learning', 'lifelong learning', true),
    ('math', 'mathematical', true),
    ('math', 'mathematics', true),
    ('pretrained', 'pre-trained', true),
    ('pretraining', 'pre-training', true),
    ('finetuning', 'fine-tuning', true)
ON CONFLICT DO NOTHING;
