import { NextResponse } from "next/server";

import { openApiDocument } from "@/lib/api-docs/openapi-document";
import { env } from "@/lib/env";

export function GET() {
  return NextResponse.json(openApiDocument(env.APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
