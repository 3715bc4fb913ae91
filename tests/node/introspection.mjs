// Reference side of the introspection round trip (tests/Transparency.GraphQL.Tests/Execution/IntrospectionTests.cs).
//   node introspection.mjs query   prints graphql-js 17's getIntrospectionQuery with every option on
//   node introspection.mjs print   reads an introspection result ({"data": {...}} or the data) from stdin,
//                                  rebuilds the schema with buildClientSchema and prints it with printSchema
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const options = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

const mode = process.argv[2];
if (mode === 'query') {
  process.stdout.write(getIntrospectionQuery(options));
} else if (mode === 'print') {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const parsed = JSON.parse(input);
  const data = parsed.data ?? parsed;
  process.stdout.write(printSchema(buildClientSchema(data)));
} else {
  process.stderr.write('usage: node introspection.mjs query|print\n');
  process.exit(2);
}
