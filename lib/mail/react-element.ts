import type { ReactNode } from "react";

/**
 * Email templates are React components, but Next.js refuses `react-dom/server` in route handlers
 * and server actions, and under the `react-server` condition (Next's server layer, our tsx
 * scripts) react-dom/server throws. Emails need none of React's runtime — no state, effects or
 * context — so our renderers walk the element tree themselves, and work the same everywhere.
 */
export type ElementLike = { type: unknown; props: Record<string, unknown> };

const ELEMENT_TYPES = new Set([Symbol.for("react.transitional.element"), Symbol.for("react.element")]);
export const FRAGMENT = Symbol.for("react.fragment");

export function isElement(node: unknown): node is ElementLike {
  return typeof node === "object" && node !== null && ELEMENT_TYPES.has((node as { $$typeof?: symbol }).$$typeof!);
}

/** Calls a function component; anything needing React's runtime (hooks, classes, async) is a bug. */
export function renderComponent(element: ElementLike): ReactNode {
  const component = element.type as (props: Record<string, unknown>) => unknown;
  if (component.prototype?.isReactComponent) throw new Error("Email templates cannot use class components.");
  const output = component(element.props);
  if (output instanceof Promise) throw new Error("Email templates cannot use async components.");
  return output as ReactNode;
}

export function isIterableNode(node: unknown): node is Iterable<ReactNode> {
  return typeof node === "object" && node !== null && Symbol.iterator in node;
}
