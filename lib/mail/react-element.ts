import type { ReactNode } from "react";

/**
 * Templates are React components, but react-dom/server cannot render them where mail is sent:
 * Next's compiler rejects its import in the server layer (route handlers, server actions, what they
 * import), and under the `react-server` condition of our scripts it throws as it loads. Emails need
 * no React runtime (state, effects, context), so our renderers walk the element tree themselves;
 * tests/unit/email-react-parity.test.ts holds their HTML to react-dom/server's in plain Node.
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
