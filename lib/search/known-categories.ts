// arXiv's category taxonomy (https://arxiv.org/category_taxonomy), plus the archives that were
// folded into others but still label old papers. Used to refuse follows that can never match and
// to offer categories in the search filter; search itself accepts any well-formed category.
const CURRENT = {
  cs: "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY",
  econ: "EM GN TH",
  eess: "AS IV SP SY",
  math: "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP ST",
  "astro-ph": "CO EP GA HE IM SR",
  "cond-mat": "dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con",
  nlin: "AO CD CG PS SI",
  physics:
    "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph",
  "q-bio": "BM CB GN MN NC OT PE QM SC TO",
  "q-fin": "CP EC GN MF PM PR RM ST TR",
  stat: "AP CO ME ML OT TH",
} as const;

const ARCHIVES_WITHOUT_SUBJECTS = [
  "gr-qc",
  "hep-ex",
  "hep-lat",
  "hep-ph",
  "hep-th",
  "math-ph",
  "nucl-ex",
  "nucl-th",
  "quant-ph",
  // Older archives, still on papers from the 1990s.
  "acc-phys",
  "adap-org",
  "alg-geom",
  "ao-sci",
  "atom-ph",
  "bayes-an",
  "chao-dyn",
  "chem-ph",
  "cmp-lg",
  "comp-gas",
  "dg-ga",
  "funct-an",
  "mtrl-th",
  "patt-sol",
  "plasm-ph",
  "q-alg",
  "solv-int",
  "supr-con",
  "astro-ph",
  "cond-mat",
  "nlin",
  "physics",
  "q-bio",
];

/** Every category, in arXiv's spelling, grouped by archive. */
export const KNOWN_CATEGORIES: readonly string[] = [
  ...Object.entries(CURRENT).flatMap(([archive, subjects]) => subjects.split(" ").map((subject) => `${archive}.${subject}`)),
  ...ARCHIVES_WITHOUT_SUBJECTS,
];

const known = new Set(KNOWN_CATEGORIES);

/** Whether arXiv lists papers under this category (already normalized: "cs.LG", not "CS.lg"). */
export function isKnownCategory(category: string): boolean {
  return known.has(category);
}
