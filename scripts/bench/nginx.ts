import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";

export type StaticNginx = { process: ChildProcess; stop(): Promise<void> };

// nginx serving one file with the headers our server sends for it (same body bytes, same
// Content-Encoding), as the reference for "a static file served by nginx". Logging as nginx ships
// (an access log line per request) stays on, like ours.
export async function startStaticNginx({
  dir,
  port,
  urlPath,
  body,
  contentType,
  contentEncoding,
}: {
  dir: string;
  port: number;
  urlPath: string;
  body: Buffer;
  contentType: string;
  contentEncoding: string | null;
}): Promise<StaticNginx> {
  fs.mkdirSync(path.join(dir, "html"), { recursive: true });
  // nginx's workers drop root privileges to nobody, who must be able to reach and read the file.
  fs.chmodSync(path.dirname(dir), 0o755);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, "html"), 0o755);
  fs.writeFileSync(path.join(dir, "html", "page"), body, { mode: 0o644 });
  const conf = `
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    location = ${urlPath} {
      root ${dir}/html;
      try_files /page =404;
      default_type "${contentType}";
      ${contentEncoding ? `add_header Content-Encoding ${contentEncoding};` : ""}
      add_header Vary Accept-Encoding;
    }
  }
}
`;
  const confFile = path.join(dir, "nginx.conf");
  fs.writeFileSync(confFile, conf);
  const child = spawn(NGINX, ["-c", confFile, "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}${urlPath}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "";
      if (child.exitCode === null) child.kill("SIGQUIT");
      throw new Error(`nginx did not serve ${url}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
}
