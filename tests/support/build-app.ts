// `npm run test:build`: `npm test` builds the app once, before the integration and end-to-end tests
// that serve it (they find the build up to date), so no test file waits for a build while others run.
import { buildIfChanged } from "../../scripts/build-if-changed";

// The build evaluates route modules, and some read APP_URL as they load; the servers the tests
// start set their own.
// `npm run typecheck` has just checked the types, the routes' included (next.config.js).
await buildIfChanged({ APP_URL: "http://127.0.0.1:3000", ...process.env, PAPERPULSE_TYPES_CHECKED: "1" }, console.log);
