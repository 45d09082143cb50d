import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { authenticateReader } from "@/lib/readers/authenticate-request";
import { exportReaderData } from "@/lib/readers/export-reader-data";

/** Everything PaperPulse keeps about the signed-in reader, as a JSON download. */
export const GET = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: false });
  return NextResponse.json(await exportReaderData(readerId), {
    headers: { "content-disposition": 'attachment; filename="paperpulse-my-data.json"', "cache-control": "private, no-store" },
  });
});
