import type { FieldErrors, PreferenceValues } from "@/lib/subscribers/preferences-form";
import { WEEKDAYS } from "@/lib/subscribers/weekdays";

export const fieldClass =
  "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600 dark:border-stone-700 dark:bg-stone-900 dark:aria-invalid:border-red-400";
const labelClass = "block text-sm font-medium";
const hintClass = "mt-1 text-sm text-stone-600 dark:text-stone-400";

export function FieldError({ id, messages, alert = false }: { id: string; messages: string[] | undefined; alert?: boolean }) {
  if (!messages?.length) return null;
  return (
    <p id={id} role={alert ? "alert" : undefined} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {messages.join(" ")}
    </p>
  );
}

/** aria attributes tying a field to its hint and its error message. */
function describe(id: string, errors: FieldErrors, name: string, hint = true) {
  const invalid = Boolean(errors[name]?.length);
  const ids = [hint && `${id}-${name}-hint`, invalid && `${id}-${name}-error`].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined };
}

type Props = {
  id: string;
  values: PreferenceValues;
  errors: FieldErrors;
  /** Offer a time zone picker; without it the zone is a hidden field. */
  timeZones?: string[];
};

/** What to send and when: the fields the subscribe form and the manage page share. */
export function PreferenceFields({ id, values, errors, timeZones }: Props) {
  return (
    <div className="space-y-5">
      <div>
        <label htmlFor={`${id}-topics`} className={labelClass}>
          Topics
        </label>
        <textarea
          id={`${id}-topics`}
          name="topics"
          rows={3}
          defaultValue={values.topics}
          placeholder={'diffusion models\n"retrieval augmented" -survey'}
          className={`${fieldClass} font-mono text-sm`}
          {...describe(id, errors, "topics")}
        />
        <p id={`${id}-topics-hint`} className={hintClass}>
          One per line, written like a search: words, &quot;exact phrases&quot;, -exclusions, author: and category:.
        </p>
        <FieldError id={`${id}-topics-error`} messages={errors.topics} />
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-categories`} className={labelClass}>
            arXiv categories
          </label>
          <input
            id={`${id}-categories`}
            name="categories"
            defaultValue={values.categories}
            placeholder="cs.LG cs.CL"
            autoCapitalize="off"
            spellCheck={false}
            className={`${fieldClass} font-mono text-sm`}
            {...describe(id, errors, "categories")}
          />
          <p id={`${id}-categories-hint`} className={hintClass}>
            Separated by spaces, e.g. cs.LG stat.ML.
          </p>
          <FieldError id={`${id}-categories-error`} messages={errors.categories} />
        </div>
        <div>
          <label htmlFor={`${id}-authors`} className={labelClass}>
            Authors to follow
          </label>
          <textarea
            id={`${id}-authors`}
            name="authors"
            rows={2}
            defaultValue={values.authors}
            placeholder="Yoshua Bengio"
            className={fieldClass}
            {...describe(id, errors, "authors")}
          />
          <p id={`${id}-authors-hint`} className={hintClass}>
            One name per line.
          </p>
          <FieldError id={`${id}-authors-error`} messages={errors.authors} />
        </div>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        A paper is picked when it matches any one topic, category or author. Nothing listed? You get the top trending papers.
      </p>

      <fieldset className="grid gap-5 sm:grid-cols-[auto_1fr_1fr]">
        <legend className="sr-only">Schedule</legend>
        <div>
          <span className={labelClass} id={`${id}-frequency-label`}>
            How often
          </span>
          <div role="radiogroup" aria-labelledby={`${id}-frequency-label`} className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
            {(["daily", "weekly"] as const).map((frequency) => (
              <label key={frequency} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="frequency"
                  value={frequency}
                  defaultChecked={(values.frequency || "daily") === frequency}
                  className="size-4 accent-accent-600"
                />
                {frequency === "daily" ? "Daily" : "Weekly"}
              </label>
            ))}
          </div>
          <FieldError id={`${id}-frequency-error`} messages={errors.frequency} />
        </div>
        <div>
          <label htmlFor={`${id}-weekday`} className={labelClass}>
            Weekly on
          </label>
          <select
            id={`${id}-weekday`}
            name="weekday"
            defaultValue={values.weekday || "1"}
            className={`${fieldClass} mt-1`}
            {...describe(id, errors, "weekday", false)}
          >
            {WEEKDAYS.map((day, index) => (
              <option key={day} value={index + 1}>
                {day}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-weekday-error`} messages={errors.weekday} />
        </div>
        <div>
          <label htmlFor={`${id}-maxPapers`} className={labelClass}>
            Papers per email
          </label>
          <input
            id={`${id}-maxPapers`}
            name="maxPapers"
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            defaultValue={values.maxPapers || "10"}
            className={`${fieldClass} mt-1`}
            {...describe(id, errors, "maxPapers", false)}
          />
          <FieldError id={`${id}-maxPapers-error`} messages={errors.maxPapers} />
        </div>
      </fieldset>

      {timeZones ? (
        <div>
          <label htmlFor={`${id}-timeZone`} className={labelClass}>
            Time zone
          </label>
          <select
            id={`${id}-timeZone`}
            name="timeZone"
            defaultValue={values.timeZone || "UTC"}
            className={`${fieldClass} mt-1 sm:w-80`}
            {...describe(id, errors, "timeZone")}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <p id={`${id}-timeZone-hint`} className={hintClass}>
            Days and weeks are counted in this zone.
          </p>
          <FieldError id={`${id}-timeZone-error`} messages={errors.timeZone} />
        </div>
      ) : (
        <>
          <input type="hidden" name="timeZone" value={values.timeZone} />
          <FieldError id={`${id}-timeZone-error`} messages={errors.timeZone} />
        </>
      )}

      <label className="flex items-start gap-2">
        <input type="checkbox" name="sendWhenQuiet" defaultChecked={values.sendWhenQuiet} className="mt-1 size-4 accent-accent-600" />
        <span>
          Email me even when nothing new matches
          <span className="block text-sm text-stone-600 dark:text-stone-400">You get the top trending papers instead.</span>
        </span>
      </label>
    </div>
  );
}
