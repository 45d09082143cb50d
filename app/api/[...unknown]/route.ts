import { AppError } from "@/lib/http/app-error";
import { jsonError } from "@/lib/http/json-route";

// Any /api/… path no endpoint serves answers in the API's error shape, for every method, instead
// of the site's HTML 404 page.
function notFound(request: Request) {
  const pathname = new URL(request.url).pathname.slice(0, 200);
  return jsonError(new AppError("not_found", `No API endpoint at ${pathname}. The endpoints are listed at /api.`));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
