# syntax=docker/dockerfile:1
# PaperPulse: a multi-stage build of the standalone Next.js server, run as a non-root user.
# The container applies pending migrations at start (under PostgreSQL's advisory lock, so several
# replicas may start at once) and then serves on port 3000. See docs/deployment.md.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
RUN node_modules/.bin/prisma generate \
 && node_modules/.bin/next build \
 && node_modules/.bin/esbuild prisma/migrate.ts --bundle --platform=node --format=esm --target=node20 \
      --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
      --outfile=dist/prisma/migrate.mjs

FROM node:20-bookworm-slim AS runner
WORKDIR /app
# V8's young generation as `npm start` grows it (APP_NODE_OPTIONS in scripts/app-server.ts says why).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NODE_OPTIONS=--max-semi-space-size=64
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/dist/prisma/migrate.mjs ./prisma/migrate.mjs
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["sh", "-c", "node prisma/migrate.mjs && exec node server.js"]
