/**
 * Words that say nothing about what a paper is about: English function words (the list PostgreSQL's
 * english configuration drops, which search drops too) and the boilerplate of abstracts ("we propose
 * a novel approach … experiments show"). Compared after folding, before stemming.
 */
const ENGLISH = (
  "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself " +
  "it its itself they them their theirs themselves what which who whom this that these those am is are was were be " +
  "been being have has had having do does did doing a an the and but if or because as until while of at by for with " +
  "about against between into through during before after above below to from up down in out on off over under again " +
  "further then once here there when where why how all any both each few more most other some such no nor not only own " +
  "same so than too very s t can will just don should now also may might must would could shall upon via within without " +
  "across among along around toward towards per whether thus hence yet still even often however although though since " +
  "etc e g ie eg vs one two three four five first second third new well much many several various given"
).split(" ");

/** English function words. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(ENGLISH);

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH,
  ...// Abstract boilerplate.
  (
    "paper papers propose proposed proposes present presents presented introduce introduces introduced show shows shown " +
    "demonstrate demonstrates demonstrated result results approach approaches method methods novel work works study " +
    "based use uses using used make makes made achieve achieves achieved outperform outperforms outperforming improve " +
    "improves improved improvement improvements significant significantly existing experiment experiments experimental " +
    "extensive state art furthermore moreover particular particularly recent recently previous prior different " +
    "effective effectively including include includes provide provides provided across able enable enables allow allows " +
    "however best better code available publicly open source find finds found key main set sets" +
    // Academic prose that idf cannot tell apart from content on a small corpus.
    " conclude concludes conclusion report reports reported portion least highlight highlights highlighting " +
    "rapid rapidly growing grow body span spans impact research attention sometimes precise precisely emerge " +
    "emerges emerging thereby establish establishes impressive facilitate facilitates demand demands posit posits " +
    "fundamental ones reliable reliably simultaneous simultaneously serve serves serving push pushing frontier " +
    "frontiers importantly alongside said complete completely detail detailed discuss discussion underlying " +
    "wide range addition additional comprehensive standard substantial surpass surpasses surpassing modern " +
    "remain remains remarkable crucial critical widely widespread whereas respectively overall specific " +
    "specifically typically typical common commonly like instead rather far leading lead leads"
  ).split(" "),
]);
