// arXiv metadata is written in TeX: titles carry math, accents and markup. We store plain Unicode so
// that titles read well and search matches what people type ("O(n)", "Schrödinger", "α").

// prettier-ignore
const ACCENT_MARKS: Record<string, string> = {
  '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
  u: "\u0306", v: "\u030C", H: "\u030B", c: "\u0327", k: "\u0328", r: "\u030A",
};

// prettier-ignore
const LETTERS: Record<string, string> = {
  ss: "ß", o: "ø", O: "Ø", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", aa: "å", AA: "Å", l: "ł", L: "Ł", i: "ı", j: "ȷ",
};

// prettier-ignore
const SYMBOLS: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ",
  tau: "τ", upsilon: "υ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ",
  Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Upsilon: "Υ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  times: "×", cdot: "·", pm: "±", mp: "∓", leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", ne: "≠",
  approx: "≈", sim: "∼", simeq: "≃", equiv: "≡", propto: "∝", infty: "∞", partial: "∂", nabla: "∇",
  sum: "∑", prod: "∏", int: "∫", sqrt: "√", in: "∈", notin: "∉", subset: "⊂", subseteq: "⊆", cup: "∪",
  cap: "∩", forall: "∀", exists: "∃", to: "→", rightarrow: "→", leftarrow: "←", Rightarrow: "⇒",
  leftrightarrow: "↔", mapsto: "↦", ell: "ℓ", hbar: "ℏ", circ: "∘", star: "⋆", dagger: "†", langle: "⟨",
  rangle: "⟩", ldots: "…", dots: "…", cdots: "⋯", mid: "|", vert: "|", lvert: "|", rvert: "|",
  textendash: "–", textemdash: "—", textquoteright: "’", textquoteleft: "‘", S: "§", P: "¶", copyright: "©",
  LaTeX: "LaTeX", TeX: "TeX", dag: "†",
};

/** Commands whose argument is the text itself: \emph{x}, \textbf{x}, \mathcal{O} … */
const PASS_THROUGH =
  /\\(?:emph|text(?:bf|it|tt|sc|rm|sf|sl|up|normal)?|math(?:rm|bf|cal|it|sf|tt|frak|scr)|boldsymbol|bm|mbox|hbox|operatorname|underline|overline|hat|bar|tilde|vec|widehat|widetilde|url|textsuperscript|textsubscript)\s*\{([^{}]*)\}/g;

const BLACKBOARD: Record<string, string> = { R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", E: "𝔼", P: "ℙ" };
// prettier-ignore
const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻", n: "ⁿ", T: "ᵀ",
};
// prettier-ignore
const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
};

// Escaped characters are parked on private-use code points while the markup around them is removed.
const ESCAPES: [RegExp, string, string][] = [
  [/\\\$/g, "\uE000", "$"],
  [/\\&/g, "\uE001", "&"],
  [/\\%/g, "\uE002", "%"],
  [/\\#/g, "\uE003", "#"],
  [/\\_/g, "\uE004", "_"],
  [/\\\{/g, "\uE005", "{"],
  [/\\\}/g, "\uE006", "}"],
];

function mapAll(text: string, table: Record<string, string>): string | null {
  let result = "";
  for (const char of text) {
    const mapped = table[char];
    if (mapped === undefined) return null;
    result += mapped;
  }
  return result;
}

function unwrapCommands(input: string): string {
  let text = input
    // Accents: \"o, \"{o}, {\"o}, \'{\i}, \c{c}, \v s (the braces left over go at the end).
    .replace(
      /\\(["'`^~=.])\s*(?:\{\s*\\?([a-zA-Z])\s*\}|\\?([a-zA-Z]))/g,
      (_, accent: string, braced?: string, bare?: string) => `${braced ?? bare}${ACCENT_MARKS[accent]}`,
    )
    .replace(
      /\\([uvHckr])(?:\s*\{\s*\\?([a-zA-Z])\s*\}|\s+([a-zA-Z]))/g,
      (_, accent: string, braced?: string, bare?: string) => `${braced ?? bare}${ACCENT_MARKS[accent]}`,
    )
    .replace(/\\mathbb\s*\{([A-Z])\}/g, (_, letter: string) => BLACKBOARD[letter] ?? letter)
    .replace(/\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "$1/$2");
  // Innermost first, so \textbf{\emph{x}} unwraps fully.
  for (let previous = ""; previous !== text;) {
    previous = text;
    text = text.replace(PASS_THROUGH, "$1");
  }
  return (
    text
      .replace(/\\([a-zA-Z]+)/g, (command, name: string) => SYMBOLS[name] ?? LETTERS[name] ?? command)
      // Other commands keep only their argument, or their name when they take none.
      .replace(/\\[a-zA-Z]+\s*(?=\{)/g, "")
      .replace(/\\([a-zA-Z]+)/g, "$1")
      .replace(/\\[,;:! ]/g, " ")
      .replace(/\\\\/g, " ")
  );
}

function mathToText(math: string): string {
  return unwrapCommands(math)
    .replace(
      /\^\{([^{}]*)\}|\^(\S)/g,
      (_, group?: string, single?: string) => mapAll(group ?? single ?? "", SUPERSCRIPT) ?? `^${group ?? single}`,
    )
    .replace(
      /_\{([^{}]*)\}|_(\d)/g,
      (_, group?: string, single?: string) => mapAll(group ?? single ?? "", SUBSCRIPT) ?? `_${group ?? single}`,
    );
}

/** TeX markup to plain Unicode text on one line: `$\mathcal{O}(n^2)$ -- Schr\"odinger` → `O(n²) – Schrödinger`. */
export function latexToText(input: string): string {
  // Most text has no markup at all; it only needs its white space tidied.
  if (!/[\\$~{}`^_]|--|''/.test(input)) return normalizeLine(input.normalize("NFC"));
  let text = input;
  for (const [pattern, placeholder] of ESCAPES) text = text.replace(pattern, placeholder);
  text = unwrapCommands(
    text.replace(/\$\$?([^$]*)\$\$?|\\\((.*?)\\\)/g, (_, dollars?: string, parens?: string) => mathToText(dollars ?? parens ?? "")),
  )
    .replace(/``(.*?)''/g, "“$1”")
    .replace(/---/g, "—")
    .replace(/--/g, "–")
    // A tie is a space, but a tilde after a slash is part of a URL (…/~user).
    .replace(/(?<!\/)~/g, " ")
    .replace(/[{}]/g, "");
  for (const [, placeholder, char] of ESCAPES) text = text.replaceAll(placeholder, char);
  return normalizeLine(text.normalize("NFC"));
}

/** One line: control characters dropped, runs of white space (line breaks included) made one space. */
export function normalizeLine(input: string): string {
  return input
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * An abstract as paragraphs: arXiv wraps lines at ~80 columns and marks a new paragraph with a blank
 * line or an indented line. Wrapped lines are joined; paragraphs stay apart, one blank line between.
 */
export function normalizeAbstract(input: string): string {
  return input
    .trim()
    .split(/\n\s*\n|\n(?=[ \t]{2,}\S)/)
    .map(latexToText)
    .filter(Boolean)
    .join("\n\n");
}
