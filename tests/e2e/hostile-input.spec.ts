import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";

// Thousands of random and hostile inputs at every page and API the app serves: none may cause a
// 5xx, and every 4xx from an API must say what was wrong.

const RUNS = Number(process.env.HOSTILE_RUNS ?? 200);

const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "-",
    "OR",
    '"',
    '"unbalanced',
    "' OR 1=1 --",
    "'; DROP TABLE paper; --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%00",
    "\u0000",
    "../../etc/passwd",
    "😀🔥🧪",
    "Zoë Ångström",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e400",
    "9".repeat(400),
    "a".repeat(10_000),
    "author:",
    "category:",
    "2025-02-30",
    "0000-00-00",
  ),
  fc.json({ maxDepth: 3 }),
);

const queryOf = (keys: string[]) =>
  fc
    .dictionary(fc.constantFrom(...keys, "extra"), hostileText, { maxKeys: keys.length + 1 })
    .map((params) => new URLSearchParams(params).toString());

let requests = 0;

async function expectNoServerError(request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) {
  requests++;
  const response = method === "GET" ? await request.get(path, { maxRedirects: 0 }) : await request.post(path, { data, maxRedirects: 0 });
  const status = response.status();
  expect(status, `${method} ${path.slice(0, 200)}`).toBeLessThan(500);
  // Node's HTTP server itself refuses a request line over 16 KB, before any app code runs.
  if (status === 431) {
    expect(path.length, `431 for a ${path.length}-character path`).toBeGreaterThan(8_000);
    return;
  }
  if (status >= 400 && path.startsWith("/api/")) {
    const body = await response.json();
    expect(typeof body.error?.message, `${method} ${path.slice(0, 200)}`).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+|Prisma|SELECT /);
  }
}

const getRoutes: [string, string[]][] = [
  ["/api/papers", ["period", "date", "cursor", "limit"]],
  ["/api/search", ["q", "category", "from", "to", "sort", "cursor", "limit"]],
  ["/api/search/suggest", ["q"]],
  ["/api/subscriptions/preview", ["topics", "categories", "authors", "limit"]],
  ["/feed.xml", ["period", "date"]],
  ["/", ["period", "date", "cursor", "limit"]],
  ["/search", ["q", "category", "from", "to", "sort", "cursor"]],
  ["/subscribe", ["q", "category", "author"]],
  ["/subscribe/confirm", ["token"]],
  ["/subscriptions/manage", ["token"]],
  ["/unsubscribe", ["token"]],
  ["/submit", ["id"]],
];

// Each surface is a test of its own that needs nothing from the others: they spread over the workers.
test.describe.configure({ mode: "parallel", timeout: 300_000 });

for (const [path, keys] of getRoutes) {
  test(`GET ${path} survives hostile query strings`, async ({ request }) => {
    await fc.assert(
      fc.asyncProperty(queryOf(keys), async (query) => expectNoServerError(request, "GET", `${path}?${query}`)),
      { numRuns: RUNS },
    );
  });
}

for (const prefix of ["/papers/", "/api/papers/", "/sitemaps/"]) {
  test(`GET ${prefix}… survives hostile path segments`, async ({ request }) => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 3 }), async (segments) =>
        expectNoServerError(request, "GET", `${prefix}${segments.map((segment) => encodeURIComponent(String(segment)) || "x").join("/")}`),
      ),
      { numRuns: RUNS },
    );
  });
}

test("POST /api/subscriptions survives hostile bodies", async ({ request }) => {
  const body = fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.record(
      {
        email: hostileText,
        frequency: hostileText,
        topics: fc.anything({ maxDepth: 2 }),
        categories: fc.array(hostileText),
        authors: hostileText,
      },
      { requiredKeys: [] },
    ),
  );
  await fc.assert(
    fc.asyncProperty(body, async (data) => expectNoServerError(request, "POST", "/api/subscriptions", data)),
    { numRuns: RUNS },
  );
});

test("POST /api/subscriptions/unsubscribe survives forged tokens", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(hostileText, async (token) =>
      expectNoServerError(
        request,
        "POST",
        `/api/subscriptions/unsubscribe?${new URLSearchParams({ token: String(token) })}`,
        "List-Unsubscribe=One-Click",
      ),
    ),
    { numRuns: RUNS },
  );
});

test.afterAll(() => {
  console.log(`Hostile-input requests sent by this worker: ${requests}`);
});
