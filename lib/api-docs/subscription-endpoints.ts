import { type ApiEndpoint, tagged } from "./api-endpoint";
import { previewQuerySchema, subscriptionSchema } from "@/lib/subscribers/subscription-input";

/** Digest subscriptions: subscribe, preview topics, and the one-click unsubscribe of every email. */
export const SUBSCRIPTION_ENDPOINTS: ApiEndpoint[] = tagged("Subscriptions", [
  {
    path: "/api/subscriptions",
    methods: ["POST"],
    summary: "Subscribe to a digest",
    description:
      "Double opt-in: a confirmation email goes to the address. The answer is the same whether or not the address is known. Same-origin only; 10 per hour per IP, 3 per address.",
    body: subscriptionSchema,
    responses: { 202: '`{status: "accepted", message}`' },
    errors: [400, 403, 429, 503],
  },
  {
    path: "/api/subscriptions/preview",
    methods: ["GET"],
    summary: "Preview what topics would pick",
    description: "Recent papers the topics, categories and authors would put in a digest, each with what it matched.",
    query: previewQuerySchema,
    repeatable: ["topics", "categories", "authors"],
    responses: { 200: "`{papers}`" },
    errors: [400, 429, 503],
  },
  {
    path: "/api/subscriptions/unsubscribe",
    methods: ["GET", "POST"],
    summary: "One-click unsubscribe (RFC 8058)",
    description:
      "The `List-Unsubscribe` target of every email, with the token from the email as `?token=`. POST unsubscribes at once; GET changes nothing and redirects (303) to the page with the button.",
    responses: { 200: '`{status: "unsubscribed"}` (POST)', 303: "Redirect to /unsubscribe (GET)" },
    errors: [404, 503],
  },
]);
