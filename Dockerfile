# kapbot: build a static binary, run it as an unprivileged user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/kapbot ./bots

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin kapbot
COPY --from=build /out/kapbot /usr/local/bin/kapbot
COPY flows /flows
USER kapbot
EXPOSE 8080
ENTRYPOINT ["kapbot"]
CMD ["serve"]
