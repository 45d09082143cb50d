import type { Metadata } from "next";

import { NotFoundMessage } from "@/components/not-found-message";
import { SiteFrame } from "@/components/site-frame";

// A URL no route matches renders here, outside the (site) layout, so it brings the frame itself.
export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
