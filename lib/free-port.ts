// A TCP port free on 127.0.0.1 right now, for servers the app starts itself (the embedded
// PostgreSQL, and the `next start` of e2e tests, reliability tests and benchmarks).
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
