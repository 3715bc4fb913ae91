const { parse, print } = require('graphql');
const errors = require('./errors.js');
const prints = require('./prints.js');
const blocks = require('./blocks.js');
const bs = require('graphql/language/blockString.js');
const { printString } = require('graphql/language/printString.js');
const lit = (s) => JSON.stringify(s);
let out = [];
out.push('// Generated from graphql-js ' + require('graphql').version + ' (npm "graphql"): its parse() error and print() output');
out.push('// for each input, so these tests compare our Language layer with the reference implementation.');
out.push('// Regenerate with the script described in ReferenceCasesTests.cs; do not edit by hand.');
out.push('namespace Transparency.GraphQL.Tests.Language;');
out.push('');
out.push('internal static class GraphQLJsReference');
out.push('{');
out.push('    /// <summary>(source, message, line, column) of the syntax error graphql-js reports.</summary>');
out.push('    public static readonly TheoryData<string, string, int, int> SyntaxErrors = new()');
out.push('    {');
for (const src of errors) {
  try { parse(src); console.error('NO ERROR: ' + JSON.stringify(src)); }
  catch (e) {
    if (!e.locations) { console.error('no loc', src, e.message); continue; }
    out.push(`        { ${lit(src)}, ${lit(e.message)}, ${e.locations[0].line}, ${e.locations[0].column} },`);
  }
}
out.push('    };');
out.push('');
out.push('    /// <summary>(source, print(parse(source))) as graphql-js prints it.</summary>');
out.push('    public static readonly TheoryData<string, string> Prints = new()');
out.push('    {');
for (const src of prints) {
  out.push(`        { ${lit(src)}, ${lit(print(parse(src)))} },`);
}
out.push('    };');
out.push('');
out.push('    /// <summary>(value, printBlockString(value), printBlockString(value, minimize), isPrintableAsBlockString(value), printString(value)).</summary>');
out.push('    public static readonly TheoryData<string, string, string, bool, string> BlockStrings = new()');
out.push('    {');
for (const v of blocks) {
  out.push(`        { ${lit(v)}, ${lit(bs.printBlockString(v))}, ${lit(bs.printBlockString(v, { minimize: true }))}, ${bs.isPrintableAsBlockString(v)}, ${lit(printString(v))} },`);
}
out.push('    };');
out.push('}');
process.stdout.write(out.join('\n') + '\n');
