import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before routing. A path with broken percent-encoding ("/papers/%ZZ") makes Next.js fail
 * while decoding route parameters, with a bare 500; answer it as the bad request it is.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return request.nextUrl.pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "bad_request", message: "The URL's path is not valid percent-encoding." } }, { status: 400 })
      : new NextResponse("Bad request: the URL's path is not valid percent-encoding.", { status: 400 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
