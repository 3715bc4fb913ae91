// Kitchen-sink documents (graphql-js's src/__testUtils__ fixtures, the query without the
// experimental nullability syntax), how graphql-js 17 prints them, and the order in which its
// visit() enters and leaves their nodes.
const { readFileSync } = require('fs');
const { parse, print, visit } = require('graphql');
const lit = (s) => JSON.stringify(s);
const query = readFileSync(process.argv[2], 'utf8');
const sdl = readFileSync(process.argv[3], 'utf8');
const order = (doc) => {
  const events = [];
  visit(doc, {
    enter(node) { events.push('enter ' + node.kind); },
    leave(node) { events.push('leave ' + node.kind); },
  });
  return events;
};
const out = [];
out.push('// Generated from graphql-js ' + require('graphql').version + ' by Reference/fixtures.js; do not edit by hand.');
out.push('namespace Transparency.GraphQL.Tests.Language;');
out.push('');
out.push('internal static class KitchenSink');
out.push('{');
out.push(`    public const string Query = ${lit(query)};`);
out.push('');
out.push(`    public const string QueryPrinted = ${lit(print(parse(query)))};`);
out.push('');
out.push(`    public const string Schema = ${lit(sdl)};`);
out.push('');
out.push(`    public const string SchemaPrinted = ${lit(print(parse(sdl)))};`);
out.push('');
out.push('    /// <summary>graphql-js visit() over Query: "enter Kind" / "leave Kind".</summary>');
out.push('    public static readonly string[] QueryVisitOrder =');
out.push('    [');
for (const e of order(parse(query))) out.push(`        ${lit(e)},`);
out.push('    ];');
out.push('');
out.push('    /// <summary>graphql-js visit() over Schema.</summary>');
out.push('    public static readonly string[] SchemaVisitOrder =');
out.push('    [');
for (const e of order(parse(sdl))) out.push(`        ${lit(e)},`);
out.push('    ];');
out.push('}');
process.stdout.write(out.join('\n') + '\n');
