// Tests import server modules directly; the real package throws outside React Server Components.
export {};
