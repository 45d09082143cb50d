import { Link } from "@/components/link";

/** A page whose URL holds a parameter it cannot read: what is wrong, and a way back to a page that works. */
export function ParameterError({
  title,
  issues,
  back,
}: {
  title: string;
  /** A zod error's issues, or those an API answered with. */
  issues: readonly { message: string }[];
  back: { href: string; label: string };
}) {
  return (
    <div role="alert" className="py-12 text-center">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">{issues.map((issue) => issue.message).join("; ")}.</p>
      <Link href={back.href} className="mt-6 inline-block text-accent-700 underline dark:text-accent-300">
        {back.label}
      </Link>
    </div>
  );
}
