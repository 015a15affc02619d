# syntax=docker/dockerfile:1
# Rill as a self-contained Node server: Next's standalone output on node:24-slim, run as a non-root user.
#   docker build -t rill .
#   docker run -p 3000:3000 -e OPENAI_API_KEY=<your key> rill        (no key: the offline demo model answers)

ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    RILL_DATA_DIR=/data
# server.js with only the node_modules it needs, the assets it serves (npm run build copies them in), and
# the operator's `node prune-guests.mjs --idle-days N` (see README, Docker).
COPY --from=build --chown=node:node /app/.next/standalone ./
# The embedded database and the cookie-signing secret (RILL_DATA_DIR), owned by the image's built-in
# unprivileged user: mount a volume here to keep chats across containers, or set DATABASE_URL.
RUN install -d -o node -g node /data
VOLUME /data
USER node
EXPOSE 3000
# node:*-slim has no curl; Node's own fetch asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
