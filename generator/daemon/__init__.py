"""The generation server: `specgen generate` hands its work to a long-lived specgen process.

A fresh `specgen generate` keeps nothing in memory: after a one-line edit of a big spec it
imports, loads, builds the IR and renders everything again (GitHub's spec: 3.8 s). The
per-unit caches that make `specgen watch` answer in well under 2 s (model classes, rendered
files, example verdicts, a warm validation worker) live in memory only, because reading them
back from disk costs what computing them does. So, like Gradle's and Nx's daemons, the first
`specgen generate` on a machine starts a server in the background, and every later one asks
it to do the run: same arguments, current folder and environment; its output and exit code
come back as if the command had run in place.

- `address`: whether to use a server, and where it listens (one per user, specgen code and
  Python; a code change means a new server, the old one stops when idle).
- `client`: the thin side, imported by every `specgen` start (so: standard library only).
- `server`: the accept loop, and the run of one request with the caller's folder,
  environment and streams.
- `command`: `specgen daemon status|stop` (and the internal `serve`).

Off in CI (`CI` set), with `--no-daemon`, `--no-cache` (a server is a cache) or
`SPECGEN_DAEMON=0`; `SPECGEN_DAEMON=1` forces it on. A server stops after
`SPECGEN_DAEMON_IDLE` seconds without a request (default 900).
"""
