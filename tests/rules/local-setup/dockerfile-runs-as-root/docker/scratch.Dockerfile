FROM golang:1.22 AS build
RUN go build -o /server .
# ok: local-setup/dockerfile-runs-as-root
FROM scratch
COPY --from=build /server /server
