// graphql-js side of the engine benchmark (bench/graphql/README.md).
//   node bench.mjs prepare DIR        checks that queries/introspection.graphql is this graphql-js's
//                                     getIntrospectionQuery() with every option on (rewrites it when
//                                     not, and says so), and writes DIR/<workload>.json, graphql-js's
//                                     answer to each workload, for the C# side to compare its own against
//   node bench.mjs run OUT SECONDS RUNS [WORKLOAD...]
//                                     times each workload (or the ones named): parse + validate + execute + JSON.stringify
//                                     from the query text every iteration (graphql() caches nothing);
//                                     then the same with the document parsed and validated once
//                                     (*-cached: execute + JSON.stringify, as the C# engine's
//                                     document cache does); writes ops/s (median of RUNS runs of
//                                     SECONDS each, after one warm-up run) to OUT as JSON
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GraphQLError, buildSchema, execute, getIntrospectionQuery, graphql, parse, validate, version } from 'graphql';

const here = (path) => new URL(`../${path}`, import.meta.url);
const schema = buildSchema(readFileSync(here('schema.graphql'), 'utf8'));
const sanctions = JSON.parse(readFileSync(here('data/sanctions.json'), 'utf8'));
const maxPageSize = 50;
const offsetPrefix = 'offset:';

const encodeCursor = (offset) => Buffer.from(offsetPrefix + offset, 'utf8').toString('base64');
function decodeCursor(cursor, argumentName) {
  const value = Buffer.from(cursor, 'base64').toString('utf8');
  const offset = value.startsWith(offsetPrefix) ? Number(value.slice(offsetPrefix.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new GraphQLError(`Argument "${argumentName}" is not a valid cursor: "${cursor}".`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return offset;
}

// Root resolvers, graphql-js's buildSchema idiom: functions on the root value get (args, context, info).
// Everything below the root is read by the default resolver, as on the C# side.
const rootValue = {
  sanctions({ first, after, kind, status, courtCode, filter }) {
    if (first < 0 || first > maxPageSize) {
      throw new GraphQLError(`Argument "first" must be between 0 and ${maxPageSize}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    kind ??= filter?.kind;
    status ??= filter?.status;
    courtCode ??= filter?.courtCode;
    const matches = sanctions.filter(
      (s) => (kind == null || s.kind === kind) && (status == null || s.status === status) && (courtCode == null || s.court.code === courtCode),
    );
    const start = after == null ? 0 : decodeCursor(after, 'after') + 1;
    const page = matches.slice(start, start + first);
    const edges = page.map((node, i) => ({ cursor: encodeCursor(start + i), node }));
    return {
      totalCount: matches.length,
      pageInfo: {
        hasNextPage: start + page.length < matches.length,
        hasPreviousPage: start > 0,
        startCursor: edges.length > 0 ? edges[0].cursor : null,
        endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
      },
      edges,
    };
  },
  sanction({ id }) {
    return sanctions.find((s) => s.id === id) ?? null;
  },
  creditCheck({ by }) {
    return sanctions.filter((s) => s.status === 'ACTIVE' && (by.creditCode != null ? s.debtor.publicId === by.creditCode : s.debtor.name === by.name));
  },
};

const introspectionQuery = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  experimentalDirectiveDeprecation: true,
  oneOf: true,
});

const workloads = {
  'sanctions-page': {
    source: readFileSync(here('queries/sanctions-page.graphql'), 'utf8'),
    variableValues: JSON.parse(readFileSync(here('queries/sanctions-page.variables.json'), 'utf8')),
  },
  introspection: { source: introspectionQuery, variableValues: undefined },
};

async function once(name) {
  const { source, variableValues } = workloads[name];
  return JSON.stringify(await graphql({ schema, source, rootValue, variableValues }));
}

// One op: what the C# side's EngineBenchmarks does per invocation, from the same inputs.
function operation(name) {
  const cached = name.endsWith('-cached');
  const { source, variableValues } = workloads[cached ? name.slice(0, -'-cached'.length) : name];
  if (!cached) {
    const args = { schema, source, rootValue, variableValues };
    return async () => JSON.stringify(await graphql(args));
  }
  const document = parse(source);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${name} does not validate: ${errors}`);
  const args = { schema, document, rootValue, variableValues };
  return async () => JSON.stringify(await execute(args));
}

// Ops per second of wall time, and per second of this process's CPU time (V8's GC and compiler
// threads included), which a shared, loaded machine disturbs less.
async function time(run, seconds) {
  let ops = 0;
  let bytes = 0; // keeps the serialised text alive, so nothing is optimised away
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  for (;;) {
    bytes += (await run()).length;
    ops++;
    if ((ops & 15) === 0 && performance.now() >= end) break;
  }
  const elapsed = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  if (bytes === 0) throw new Error('no output');
  return { wall: ops / elapsed, cpu: ops / ((user + system) / 1e6) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const [mode, out, secondsText = '2', runsText = '3', ...only] = process.argv.slice(2);
const allWorkloads = Object.keys(workloads).flatMap((w) => [w, `${w}-cached`]);
if (mode === 'prepare' && out) {
  const introspectionFile = here('queries/introspection.graphql');
  if (!existsSync(introspectionFile) || readFileSync(introspectionFile, 'utf8') !== introspectionQuery) {
    writeFileSync(introspectionFile, introspectionQuery);
    console.error(`  wrote queries/introspection.graphql: getIntrospectionQuery() of graphql-js ${version}`);
  }
  for (const name of Object.keys(workloads)) {
    const json = await once(name);
    if (JSON.parse(json).errors) throw new Error(`graphql-js answered ${name} with errors: ${json}`);
    writeFileSync(`${out}/${name}.json`, json);
  }
} else if (mode === 'run' && out) {
  const seconds = Number(secondsText);
  const runs = Number(runsText);
  const results = {};
  for (const name of only.length > 0 ? only : allWorkloads) {
    if (!allWorkloads.includes(name)) throw new Error(`no workload ${name}; there are ${allWorkloads.join(', ')}`);
    const run = operation(name);
    await time(run, Math.max(1, seconds)); // warm-up: let V8 tier up
    const timed = [];
    for (let i = 0; i < runs; i++) timed.push(await time(run, seconds));
    const samples = timed.map((t) => t.wall);
    results[name] = { opsPerSecond: median(samples), samples, cpuOpsPerSecond: median(timed.map((t) => t.cpu)) };
    console.error(`  graphql-js ${name}: ${samples.map((s) => s.toFixed(0)).join(', ')} ops/s`);
  }
  writeFileSync(out, JSON.stringify({ node: process.version, graphql: version, workloads: results }, null, 1));
} else {
  console.error('usage: node bench.mjs prepare DIR | run OUT SECONDS RUNS [WORKLOAD...]');
  process.exit(2);
}
