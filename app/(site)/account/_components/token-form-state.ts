export type TokenFormState = { token: string | null; error: string | null };
