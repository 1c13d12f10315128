# claimdesk: Node 20 runs the TypeScript sources through tsx; no build step.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY sql ./sql
COPY views ./views
COPY public ./public
COPY tsconfig.json ./
USER node
EXPOSE 3000
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "bin/claimdesk.js", "serve"]
