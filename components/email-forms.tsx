import { Link } from "@/components/link";

import { FieldError, fieldClass } from "./preference-fields";

/**
 * The email address field of a form that mails a link (sign-in, subscribe). `errors` are the
 * field's messages; `alert` announces them, for a form with no summary alert of its own.
 */
export function EmailAddressField({
  id,
  defaultValue,
  errors,
  alert = false,
}: {
  id: string;
  defaultValue: string;
  errors: string[] | undefined;
  alert?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Email address
      </label>
      <input
        id={id}
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        defaultValue={defaultValue}
        aria-invalid={Boolean(errors?.length) || undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={`${fieldClass} mt-1`}
      />
      <FieldError id={errorId} messages={errors} alert={alert} />
    </div>
  );
}

/** What a form shows once its link is on the way; points at the outbox where mail is kept locally. */
export function CheckYourInbox({ message, hint, outboxEnabled }: { message: string | null; hint: string; outboxEnabled: boolean }) {
  return (
    <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950/40">
      <h2 className="text-lg font-semibold">Check your inbox</h2>
      <p className="mt-2">{message}</p>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">{hint}</p>
      {outboxEnabled && (
        <p className="mt-4 text-sm">
          This server has no SMTP server configured, so mail is kept in the{" "}
          <Link href="/dev/outbox" className="font-medium text-accent-700 underline dark:text-accent-300">
            local outbox
          </Link>
          .
        </p>
      )}
    </div>
  );
}
