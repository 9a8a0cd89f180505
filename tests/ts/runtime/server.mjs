// A real HTTP server on 127.0.0.1 (port 0) for the runtime tests; `handler(req, body)` answers
// `{ status, headers?, body? }` (objects are sent as JSON) and may be async.
import http from "node:http";

export async function serve(handler) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString("utf8");
    const seen = { method: req.method, url: req.url, headers: req.headers, body };
    requests.push(seen);
    try {
      const answer = await handler(seen, requests.length);
      if (answer === undefined) return; // the handler owns the socket (e.g. destroys it)
      const headers = { ...(answer.headers ?? {}) };
      let payload = answer.body ?? "";
      if (typeof payload !== "string") {
        payload = JSON.stringify(payload);
        headers["content-type"] ??= "application/json";
      }
      res.writeHead(answer.status ?? 200, headers);
      res.end(payload);
    } catch (error) {
      res.writeHead(599);
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
