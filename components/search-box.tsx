"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Suggestion = { kind: "paper"; arxivId: string; title: string } | { kind: "author"; name: string; papers: number };

const SUGGEST_DELAY_MS = 150;

function suggestionHref(suggestion: Suggestion): string {
  return suggestion.kind === "paper" ? `/papers/${suggestion.arxivId}` : `/search?q=${encodeURIComponent(`author:"${suggestion.name}"`)}`;
}

/**
 * The site's search box: a plain GET form (works without JavaScript) that, with it, offers
 * suggestions as you type (an ARIA combobox: arrows move, Enter opens, Escape closes) and takes
 * focus when "/" is pressed anywhere outside a text field.
 */
export function SearchBox({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; controller: AbortController } | null>(null);
  const [value, setValue] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-suggestions`;
  const expanded = open && suggestions.length > 0;

  useEffect(() => {
    function focusOnSlash(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])")) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", focusOnSlash);
    return () => document.removeEventListener("keydown", focusOnSlash);
  }, []);

  function requestSuggestions(text: string) {
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current.controller.abort();
    }
    if (text.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(text.trim())}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setSuggestions(body.suggestions);
        setActive(-1);
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits.
      }
    }, SUGGEST_DELAY_MS);
    pending.current = { timer, controller };
  }

  function go(href: string) {
    setOpen(false);
    setActive(-1);
    router.push(href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the input itself: moving past either end of the list comes back to what was typed.
      setActive((current) => {
        const next = current + step;
        return next >= suggestions.length ? -1 : next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === "Enter" && expanded && active >= 0 && suggestions[active]) {
      event.preventDefault();
      go(suggestionHref(suggestions[active]));
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form
      role="search"
      action="/search"
      className="relative w-full min-w-0 sm:max-w-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const q = value.trim();
        go(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search papers
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        name="q"
        value={value}
        maxLength={500}
        placeholder="Search papers"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="/"
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          requestSuggestions(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="w-full min-w-0 rounded-md border border-stone-300 bg-white py-1.5 pr-8 pl-3 text-sm placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-stone-300 px-1.5 font-sans text-xs text-stone-500 dark:border-stone-600 dark:text-stone-400"
      >
        /
      </kbd>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.kind === "paper" ? suggestion.arxivId : `author:${suggestion.name}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // Keep focus in the input so the list does not close before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(suggestionHref(suggestion))}
            className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 ${index === active ? "bg-stone-100 dark:bg-stone-800" : ""}`}
          >
            <span className="w-12 shrink-0 text-xs text-stone-500 dark:text-stone-400">
              {suggestion.kind === "paper" ? "Paper" : "Author"}
            </span>
            <span className="truncate">
              {suggestion.kind === "paper"
                ? suggestion.title
                : `${suggestion.name} · ${suggestion.papers} ${suggestion.papers === 1 ? "paper" : "papers"}`}
            </span>
          </li>
        ))}
      </ul>
    </form>
  );
}
