import type { ReactNode } from "react";

import { Prerendered } from "./email-only";
import { FRAGMENT, isElement, isIterableNode, renderComponent, type ElementLike } from "./react-element";

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"]);
const RAW_TEXT_ELEMENTS = new Set(["style"]);
const ATTRIBUTE_NAMES: Record<string, string> = { className: "class", htmlFor: "for", httpEquiv: "http-equiv" };
const UNITLESS = new Set(["lineHeight", "fontWeight", "opacity", "zIndex", "flexGrow", "flexShrink", "order"]);
const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formAction"]);
// As react-dom writes a javascript: URL (which browsers still run, control characters and all):
// a link that does nothing, whatever text found its way into a URL.
const JAVASCRIPT_URL =
  /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;
const BLOCKED_URL = "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')";

/** Static HTML for an email's element tree; like react-dom's renderToStaticMarkup, for what emails use. */
export function renderHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeText(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (isElement(node)) return renderElement(node);
  if (isIterableNode(node)) {
    let html = "";
    for (const child of node) html += renderHtml(child);
    return html;
  }
  throw new Error(`Cannot render ${typeof node} in an email.`);
}

function renderElement(element: ElementLike): string {
  const { type, props } = element;
  if (type === FRAGMENT) return renderHtml(props.children as ReactNode);
  if (type === Prerendered) return String(props.html);
  if (typeof type === "function") return renderHtml(renderComponent(element));
  if (typeof type !== "string" || !SAFE_NAME.test(type)) throw new Error(`Unsupported element type in an email: ${String(type)}`);

  const attributes = renderAttributes(type, props);
  if (VOID_ELEMENTS.has(type)) return `<${type}${attributes}>`;
  const inner = props.dangerouslySetInnerHTML as { __html: string } | undefined;
  let content: string;
  if (inner) content = inner.__html;
  else if (RAW_TEXT_ELEMENTS.has(type)) content = rawText(type, props.children);
  else content = renderHtml(props.children as ReactNode);
  return `<${type}${attributes}>${content}</${type}>`;
}

function renderAttributes(type: string, props: Record<string, unknown>): string {
  let result = "";
  for (const key in props) {
    if (key === "children" || key === "dangerouslySetInnerHTML" || key === "key" || key === "ref") continue;
    const value = props[key];
    if (value === null || value === undefined || value === false || typeof value === "function") continue;
    // An empty src or href would load this document again; react-dom leaves it out too, but for a link.
    if (value === "" && (key === "src" || (key === "href" && type !== "a"))) continue;
    const name = attributeName(key);
    if (value === true) {
      result += ` ${name}`;
      continue;
    }
    let text = key === "style" && typeof value === "object" ? styleText(value as Record<string, unknown>) : String(value);
    if (URL_ATTRIBUTES.has(key) && JAVASCRIPT_URL.test(text)) text = BLOCKED_URL;
    result += ` ${name}="${escapeAttribute(text)}"`;
  }
  return result;
}

// Templates use a few dozen attribute and style property names: each is checked and spelt once.
const attributeNames = new Map<string, string>();
const propertyNames = new Map<string, string>();

function attributeName(key: string): string {
  let name = attributeNames.get(key);
  if (name === undefined) {
    name = ATTRIBUTE_NAMES[key] ?? (key.startsWith("data-") || key.startsWith("aria-") ? key : key.toLowerCase());
    if (!SAFE_NAME.test(name)) throw new Error(`Unsupported attribute in an email: ${key}`);
    attributeNames.set(key, name);
  }
  return name;
}

function propertyName(property: string): string {
  let name = propertyNames.get(property);
  if (name === undefined) {
    name = property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^(webkit|moz|ms)-/, "-$1-");
    propertyNames.set(property, name);
  }
  return name;
}

function styleText(style: Record<string, unknown>): string {
  let text = "";
  for (const property in style) {
    const value = style[property];
    if (value === null || value === undefined || value === "") continue;
    const css = typeof value === "number" && value !== 0 && !UNITLESS.has(property) ? `${value}px` : String(value);
    text += `${text ? ";" : ""}${propertyName(property)}:${css}`;
  }
  return text;
}

/** CSS inside <style> is not HTML-escaped, so it must be a string that cannot close the element. */
function rawText(type: string, children: unknown): string {
  const text = Array.isArray(children) ? children.join("") : children;
  if (typeof text !== "string") throw new Error(`<${type}> in an email must contain only text.`);
  if (/<\/?style/i.test(text)) throw new Error(`<${type}> content must not contain a style tag.`);
  return text;
}

const TEXT_SPECIALS = /[&<>]/;
const ATTRIBUTE_SPECIALS = /[&<>"']/;

/** Text as HTML content, escaped as the renderer escapes a string child. */
export function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text as an attribute value, escaped as the renderer escapes one. */
export function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIALS.test(text)) return text;
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
