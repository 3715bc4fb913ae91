// graphql-http's GraphQL-over-HTTP server audit against a running endpoint
// (tests/Transparency.GraphQL.Tests/Http/GraphQLHttpAuditTests.cs starts one on loopback).
//   node audit.mjs http://127.0.0.1:PORT/graphql
// prints a JSON array: one {id, name, status, reason?, response?} per audit, status ok|notice|warn|error.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node audit.mjs <url>\n');
  process.exit(2);
}

const results = await auditServer({ url });
const report = await Promise.all(
  results.map(async (result) => {
    if (result.status === 'ok') return { id: result.id, name: result.name, status: result.status };
    let response;
    try {
      const body = await result.response.text();
      response = `${result.response.status} ${result.response.headers.get('content-type') ?? ''} ${body}`;
    } catch (error) {
      response = `(unreadable: ${error})`;
    }
    return { id: result.id, name: result.name, status: result.status, reason: result.reason, response };
  }),
);
process.stdout.write(JSON.stringify(report));
