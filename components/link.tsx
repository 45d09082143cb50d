"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * next/link that prefetches on intent (a pointer over it, a touch), not on sight. On sight, a page
 * of cards sent the server some fifty prefetches as it scrolled, most of them renders of their page
 * (7 to 13 ms of CPU each): ten times the page's own cost (docs/deployment.md). Next.js's documented
 * hover pattern; `next/link` is imported here only (eslint.config.mjs).
 */
export function Link({ onMouseEnter, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intended, setIntended] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intended ? null : false}
      onMouseEnter={(event) => {
        setIntended(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntended(true);
        onTouchStart?.(event);
      }}
    />
  );
}
