// npm run api:pull [-- URL]: writes the gateway's merged OpenAPI document (default http://localhost:8080/v3/api-docs,
// or BANTAM_API_DOCS) to openapi/bantam.json, keys sorted and indented, so the snapshot's diff shows only what
// changed in the API. The typed client (src/api/schema.d.ts) is generated from that snapshot at build time.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const url = process.argv[2] ?? process.env.BANTAM_API_DOCS ?? 'http://localhost:8080/v3/api-docs';
const target = fileURLToPath(new URL('../openapi/bantam.json', import.meta.url));

export function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
  }
  return value;
}

let response;
try {
  response = await fetch(url, { headers: { accept: 'application/json' } });
} catch (error) {
  console.error(`${url} cannot be reached (${error.cause?.code ?? error.message}): start the system with ./bantam up`);
  process.exit(1);
}
if (!response.ok) {
  console.error(`${url} answered ${response.status}: is the system running (./bantam up)?`);
  process.exit(1);
}
const document = await response.json();
await writeFile(target, JSON.stringify(sorted(document), null, 2) + '\n');
console.log(`wrote ${target} from ${url}`);
