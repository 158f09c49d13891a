import net from "node:net";

// A TCP port nothing listens on right now, for a server a spec spawns. A fixed port would let two
// copies of a spec (--repeat-each, or two runs at once) talk to each other's servers unnoticed,
// since spawnServer only waits until something answers on the port.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port"))));
    });
  });
}
