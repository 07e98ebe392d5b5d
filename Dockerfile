# syntax=docker/dockerfile:1
# Escale — image de production (docs/deploiement.md, ADR 008).
#   docker build -t escale .
#   docker run -p 3000:3000 -e DATABASE_URL=… -e SESSION_SECRET=… -e BASE_URL=https://… escale

# ——— Build: every dependency, the compiled server (dist/) and the static assets (public/builds/) ———
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# ——— Runtime: production dependencies only, no compiler, no sources, not root ———
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    ESCALE_MODE=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/var
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: nothing to build at install time in production (esbuild's binary is not needed).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY db ./db
COPY data ./data
COPY --from=build /app/dist ./dist
# public/build is a relative link to public/builds/<fingerprint>: both are copied, the link stays valid.
COPY --from=build /app/public ./public
# The node user (uid 1000) of the official image owns only the local state directory.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/sante').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 gets SIGTERM from `docker stop`: server.ts closes connections and the database cleanly.
CMD ["node", "--enable-source-maps", "dist/server.js"]
