import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { formatDay, plural } from "@/lib/format";
import { searchParamsToObject } from "@/lib/http/search-params";
import { getAccount } from "@/lib/readers/get-account";
import { getCurrentReader } from "@/lib/readers/current-reader";

import { CreateTokenForm } from "./_components/create-token-form";
import { deleteAccountAction, openDigestSettingsAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const NOTICES: Record<string, { tone: "success" | "warning"; title: string }> = {
  "token-revoked": { tone: "success", title: "The token is revoked." },
  "delete-unconfirmed": { tone: "warning", title: "Nothing was deleted: tick the box to confirm first." },
};

const sectionClass = "space-y-4 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900";
const buttonClass =
  "rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800";
const linkClass = "font-medium text-accent-700 underline dark:text-accent-300";

// Downloads from route handlers: plain links, not client-side navigations.
const LIBRARY_BIBTEX_URL = "/api/library/bibtex";
const ACCOUNT_EXPORT_URL = "/api/account/export";

const DIGEST_STATUS = { pending: "waiting for you to confirm it", active: "active", unsubscribed: "unsubscribed" } as const;

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: PageProps) {
  const reader = await getCurrentReader();
  const account = reader ? await getAccount(reader.readerId) : null;
  if (!reader || !account) redirect("/sign-in?next=/account");
  const params = searchParamsToObject(await searchParams);
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  const digest = account.subscription;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-1 break-words text-stone-600 dark:text-stone-300">
          {account.email} · since {formatDay(account.createdAt.toISOString().slice(0, 10))}
        </p>
      </div>
      {notice && <Notice tone={notice.tone} role="status" title={notice.title} />}

      <section aria-labelledby="digest-heading" className={sectionClass}>
        <h2 id="digest-heading" className="text-lg font-semibold">
          Email digest
        </h2>
        {digest ? (
          <p>
            Your digest to this address is{" "}
            <strong>{digest.paused && digest.status === "active" ? "paused" : DIGEST_STATUS[digest.status]}</strong>.
          </p>
        ) : (
          <p>You get no digest. Signing in never subscribes you to anything.</p>
        )}
        <form action={openDigestSettingsAction}>
          <SubmitButton variant="secondary" pendingLabel="Opening…">
            {digest ? "Change digest settings" : "Set up a digest"}
          </SubmitButton>
        </form>
      </section>

      <section aria-labelledby="tokens-heading" className={sectionClass}>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Scripts use a token to read and change your library: <code className="font-mono">Authorization: Bearer pp_…</code> on{" "}
          <code className="font-mono">/api/library</code>.
        </p>
        {account.apiTokens.length > 0 && (
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {account.apiTokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>
                  <strong>{token.name}</strong>{" "}
                  <span className="text-sm text-stone-600 dark:text-stone-400">
                    created {formatDay(token.createdAt.toISOString().slice(0, 10))}
                    {token.lastUsedAt ? `, last used ${formatDay(token.lastUsedAt.toISOString().slice(0, 10))}` : ", never used"}
                  </span>
                </span>
                <form action={revokeTokenAction}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit" className={`${buttonClass} text-sm`} aria-label={`Revoke token ${token.name}`}>
                    Revoke
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <CreateTokenForm />
      </section>

      <section aria-labelledby="data-heading" className={sectionClass}>
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p>
          <a href={ACCOUNT_EXPORT_URL} download className={linkClass}>
            Export all my data as JSON
          </a>{" "}
          (account, library, tags, ratings, upvotes, digest settings).{" "}
          <a href={LIBRARY_BIBTEX_URL} download className={linkClass}>
            Library as BibTeX
          </a>
        </p>
        <div className="flex flex-wrap gap-3">
          <form method="post" action="/api/auth/sign-out">
            <button type="submit" className={buttonClass}>
              Sign out
            </button>
          </form>
          <form method="post" action="/api/auth/sign-out">
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className={buttonClass}>
              Sign out everywhere ({plural(account.sessions, "device")})
            </button>
          </form>
        </div>
      </section>

      <section aria-labelledby="delete-heading" className={sectionClass}>
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete your account
        </h2>
        <form action={deleteAccountAction} className="space-y-2">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Removes your account, library, tags, ratings, upvotes, API tokens and any digest to this address, for good.
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" required className="size-4 accent-red-700" />
            Yes, delete my account and everything in it
          </label>
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete my account
          </SubmitButton>
        </form>
      </section>
      <p className="text-sm">
        <Link href="/library" className={linkClass}>
          Your library
        </Link>
      </p>
    </div>
  );
}
