export type SignInFormState = { status: "idle" | "sent" | "error"; message: string | null; email: string };
