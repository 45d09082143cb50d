const LONGEST = 60;

/**
 * How a reason names a paper: the name before a title's colon when it has one ("LeanAgent",
 * "DeepSeek-Prover"), as researchers call papers, else the title cut at a word.
 */
export function shortTitle(title: string): string {
  const name = /^([^:]{2,40}):\s/.exec(title)?.[1];
  if (name) return name;
  if (title.length <= LONGEST) return title;
  const cut = title.slice(0, LONGEST);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 20 ? cut.lastIndexOf(" ") : LONGEST).trimEnd()}…`;
}
