# The API image for docker-compose.yml; on a machine without Docker, `npm install && npm start` does the same.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The pages (playground, explorer, dashboard) are served from their build.
RUN npm run build:web
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
