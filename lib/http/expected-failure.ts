import { AppError } from "./app-error";

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Runs one step of a server action. An AppError is an expected failure whose message the form
 * shows, so it comes back as a value; anything else is a bug and throws on to error.tsx.
 */
export async function attempt<T>(step: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
}
