export function SiteFooter() {
  return (
    <footer className="mx-auto max-w-4xl px-4 py-10 text-sm text-stone-500 dark:text-stone-400">
      PaperPulse lists papers from{" "}
      <a className="underline hover:text-stone-900 dark:hover:text-white" href="https://arxiv.org">
        arXiv
      </a>
      . Thank you to arXiv for use of its open access interoperability.
    </footer>
  );
}
