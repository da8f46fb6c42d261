/**
 * A minimal static file server for the built site, so browser tests see exactly what `npm start`
 * serves: the files in `dist/`, with `dir/` mapped to `dir/index.html` and unknown paths to 404.html.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Requests under /attack/ are what sandbox tests try to reach from student code. They must never
 * arrive; the server remembers any that do and reports them at GET /__attack-log.
 */
const attackLog: string[] = [];

export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === '/__attack-log') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(attackLog));
      return;
    }
    if (pathname.startsWith('/attack/')) {
      attackLog.push(`${req.method} ${pathname}`);
      res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('secret');
      return;
    }
    let path = normalize(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) path = join(path, 'index.html');
    let status = 200;
    if (!(await isFile(path))) {
      status = 404;
      path = join(root, '404.html');
    }
    const body = await readFile(path);
    res.writeHead(status, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
