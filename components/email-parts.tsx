/**
 * An email's HTML and text parts as a mail client would show them. The HTML runs in a sandbox with
 * no scripts and an origin of its own; its links open in this tab, as a click in a mail client would
 * open the browser.
 */
export function EmailParts({ subject, html, text }: { subject: string; html: string; text: string }) {
  const srcDoc = html.replace(/<head>/i, '<head><base target="_top">');
  return (
    <>
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
          HTML part
        </h2>
        <iframe
          title={`HTML part of “${subject}”`}
          srcDoc={srcDoc}
          sandbox="allow-top-navigation-by-user-activation allow-popups"
          className="h-[640px] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800"
        />
      </section>

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
          Text part
        </h2>
        <pre className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-4 text-sm whitespace-pre-wrap dark:border-stone-800 dark:bg-stone-900">
          {text}
        </pre>
      </section>
    </>
  );
}
