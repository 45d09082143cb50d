"use client";

import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-accent-600 text-white hover:bg-accent-700",
  secondary: "border border-stone-300 bg-white hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

/** A submit button that stays disabled while its form is sending, so one click sends once. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: keyof typeof VARIANTS;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`rounded-md px-4 py-2 font-medium disabled:opacity-70 ${VARIANTS[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
